using System.Globalization;
using HacaSim.Model;
using HacaSim.Policies;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Reads a scenario file: YAML -> parameters (with <c>--set</c> overrides) -> <c>${...}</c> substitution ->
/// key-path overrides -> resolved YAML -> validated records. Every problem is reported at once, each as
/// "file:line:col: field: what was found; what is allowed", in one <see cref="InputException"/>.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Scenario files are hand-written; anything larger is a mistake (a trace passed as a scenario).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The deepest nesting a scenario needs is about 5; the limit keeps recursion bounded.</summary>
    public const int MaxDepth = 64;

    /// <param name="overrides">Each "name=value" (a declared parameter) or "a.b.c=value" (a key path; list items by index).</param>
    public static LoadedScenario Load(string path, IReadOnlyList<string> overrides, ScenarioCatalogs? catalogs = null)
    {
        // A regular file of at most 10 MB, checked before reading (a device or FIFO would never end). A command that
        // binds the scenario more than once keeps the ScenarioSource and calls With for each binding instead.
        return ScenarioSource.Read(path).With(overrides, catalogs);
    }

    /// <param name="displayPath">The name used in messages and as the default scenario name.</param>
    /// <param name="files">The command's data files (read once, shared); null: a cache of this load's own.</param>
    public static LoadedScenario LoadText(string yamlText, string displayPath, IReadOnlyList<string> overrides, ScenarioCatalogs? catalogs = null,
        InputCache? files = null)
    {
        catalogs ??= ScenarioCatalogs.Default;
        files ??= new InputCache(new DiskInput());
        if (yamlText.Length > MaxBytes) throw new InputException($"{displayPath}: scenario text is {yamlText.Length} characters; the limit is {MaxBytes} (10 MB)");
        var stream = Parse(yamlText, displayPath);
        if (stream.Documents.Count == 0 || ScenarioProblems.IsNull(stream.Documents[0].RootNode))
            throw new InputException($"{displayPath}: the scenario is empty; expected a mapping with {string.Join(", ", ScenarioBinder.TopLevelKeys)}");
        if (stream.Documents.Count > 1)
            throw new InputException($"{At(displayPath, stream.Documents[1].RootNode.Start)}: a scenario file holds one YAML document; found {stream.Documents.Count}");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            throw new InputException($"{At(displayPath, node.Start)}: expected a mapping with {string.Join(", ", ScenarioBinder.TopLevelKeys)}, found {ScenarioProblems.Describe(node)}");
        }

        // Parameters first: overrides of declared parameters change their defaults before substitution.
        var parameterProblems = new ScenarioProblems(displayPath, new Dictionary<YamlNode, string>());
        var parameterNodes = ParameterSubstitution.Read(root, parameterProblems);
        parameterProblems.ThrowIfAny();
        var setter = new ScenarioOverrides(overrides, parameterNodes);
        if (setter.Errors.Count > 0) throw new InputException(setter.Errors);
        setter.ApplyParameters(parameterNodes);
        var parameters = parameterNodes.ToDictionary(p => p.Key, p => p.Value.Value!.Trim(), StringComparer.Ordinal);

        var problems = new ScenarioProblems(displayPath, setter.Origins);
        var references = ParameterSubstitution.References(root);
        ParameterSubstitution.Substitute(root, "", parameters, problems.Report);
        problems.ThrowIfAny();
        setter.ApplyPaths(root, parameters);
        if (setter.Errors.Count > 0) throw new InputException(setter.Errors);
        // A parameter whose every ${NAME} was replaced by a key-path override (or that nothing refers to) changes nothing:
        // setting or sweeping it would give identical results, so that is refused rather than silently ignored.
        var alive = new HashSet<YamlNode>(root.AllNodes, ReferenceEqualityComparer.Instance);
        var used = references.Where(r => alive.Contains(r.Node)).Select(r => r.Name)
            .Concat(setter.PathValues.SelectMany(ParameterSubstitution.ReferencedNames)).ToHashSet(StringComparer.Ordinal);
        var unused = parameters.Keys.Where(p => !used.Contains(p)).ToList();
        var idle = setter.ParameterSettings.Where(s => unused.Contains(s.Name)).Select(s =>
            $"--set {InputFiles.Echo(s.Raw)}: parameter \"{s.Name}\" is declared, but nothing in the resolved scenario uses it " +
            "(no ${" + s.Name + "} is left), so setting it would change nothing").ToList();
        if (idle.Count > 0) throw new InputException(idle);
        ModelProfileCatalog.Expand(root, problems, files);
        ProofSystemCatalog.Expand(root, problems, files);

        string resolved = Serialize(stream);
        var scenario = new ScenarioBinder(problems, catalogs, files).Bind(root, Path.GetFileNameWithoutExtension(displayPath));
        problems.ThrowIfAny();
        // Valid, but would it fit in memory and finish in minutes? (Scenarios/README.md, "Limits")
        ResourceLimits.Check(scenario, root, problems, catalogs);
        problems.ThrowIfAny();
        return new LoadedScenario(scenario, resolved, displayPath) { Warnings = problems.Warnings.ToList(), UnusedParameters = unused };
    }

    /// <summary>
    /// YAML text checked as a scenario file is (nesting at most <see cref="MaxDepth"/>, no anchors, aliases or tags)
    /// and parsed; also used for the values of --set, so that one limit holds for files and the command line.
    /// </summary>
    internal static YamlStream Parse(string text, string displayPath)
    {
        try
        {
            CheckShape(text, displayPath);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream;
        }
        catch (YamlException e)
        {
            // A tab is reported from the start of the enclosing mapping (often line 1): point at the first indenting tab instead.
            string at = At(displayPath, e.Start);
            if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text) is { } tab) at = $"{displayPath}:{tab.Line}:{tab.Column}";
            throw new InputException($"{at}: YAML syntax error: {InputFiles.Echo(e.Message)}");
        }
    }

    /// <summary>
    /// One streaming pass before building the tree: bounds nesting, and refuses anchors and aliases. An alias
    /// makes two places share one node, so an error in it (or an override of it) would have two locations;
    /// parameters: share values instead, with a line of their own.
    /// </summary>
    private static void CheckShape(string text, string displayPath)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0, documents = 0;
        Mark last = Mark.Empty;
        while (NextEvent(parser, displayPath, last))
        {
            last = parser.Current!.End;
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    throw new InputException($"{At(displayPath, alias.Start)}: aliases (*{alias.Value}) are not supported; " +
                        "write the value out, or share a number through parameters: and ${name}");
                case NodeEvent { Anchor.IsEmpty: false } node:
                    throw new InputException($"{At(displayPath, node.Start)}: anchors (&{node.Anchor}) are not supported; " +
                        "write the value out, or share a number through parameters: and ${name}");
                // A tag (!!str, !custom) would be dropped silently: every value is read by its field's own rule.
                case NodeEvent { Tag.IsEmpty: false } tagged:
                    throw new InputException($"{At(displayPath, tagged.Start)}: YAML tags ({InputFiles.Echo(tagged.Tag.Value)}) are not supported; " +
                        "write the plain value (quote it to make it text)");
            }
            if (parser.Current is MappingStart or SequenceStart && ++depth > MaxDepth)
                throw new InputException($"{At(displayPath, parser.Current.Start)}: nesting deeper than {MaxDepth} levels; a scenario needs about 5");
            if (parser.Current is DocumentStart && ++documents > 1)
                throw new InputException($"{At(displayPath, parser.Current.Start)}: a scenario (or a --set value) holds one YAML document; found a second");
            if (parser.Current is MappingEnd or SequenceEnd) depth--;
        }
    }

    /// <summary>
    /// The parser's next event. YamlDotNet's scanner throws InvalidOperationException instead of a YamlException
    /// on some malformed input (found by fuzzing: stray bytes inside a flow mapping), which is bad input all the same.
    /// </summary>
    private static bool NextEvent(Parser parser, string displayPath, Mark last)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            throw new InputException($"{At(displayPath, last)}: YAML syntax error after this point: the text cannot be read as YAML " +
                "(stray or binary characters, or an unfinished {...} or [...]?)");
        }
    }

    private static string Serialize(YamlStream stream)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Line and column (from 1) of the first tab in a line's leading whitespace.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int column = 0;
            while (column < lines[i].Length && lines[i][column] is ' ' or '\t')
            {
                if (lines[i][column] == '\t') return (i + 1, column + 1);
                column++;
            }
        }
        return null;
    }

    private static string At(string file, Mark mark) => $"{file}:{mark.Line}:{mark.Column}";
}
