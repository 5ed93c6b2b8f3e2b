using System.Reflection;
using System.Text.RegularExpressions;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Architecture;

/// <summary>
/// The layer order of ARCHITECTURE.md, enforced: a namespace may use only namespaces of lower layers (never one of
/// its own layer, never one above), so no cycle can form. Checked two ways: the source's <c>using</c> directives
/// and fully qualified <c>HacaSim.X.</c> references (which see method bodies), and, by reflection, every type a
/// declared type names in its signature (base type, interfaces, fields, properties, method parameters and returns),
/// which also catches a nested namespace using its parent's types without a <c>using</c>.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>Lowest first. A namespace's layer is its longest listed prefix; every namespace must be listed.</summary>
    private static readonly string[][] Layers =
    [
        ["HacaSim"],
        ["HacaSim.Engine", "HacaSim.Randomness"],
        ["HacaSim.Workload"],
        ["HacaSim.Catalog"],
        ["HacaSim.Scenarios"],
        ["HacaSim.Model.Chain"],
        ["HacaSim.Model"],
        ["HacaSim.Policies"],
        ["HacaSim.Scenarios.Loading"],
        ["HacaSim.Capacity"],
        ["HacaSim.Experiments.Judging"],
        ["HacaSim.Experiments.Summary"],
        ["HacaSim.Experiments.Execution"],
        ["HacaSim.Experiments.Sharding"],
        ["HacaSim.Experiments.Output"],
        ["HacaSim.Experiments.Run", "HacaSim.Experiments.Compare"],
        ["HacaSim.Experiments.Sweep"],
        ["HacaSim.Experiments.Plan", "HacaSim.Explore"],
        ["HacaSim.Cli"],
    ];

    private static readonly Dictionary<string, int> LayerOf =
        Layers.SelectMany((names, i) => names.Select(n => (n, i))).ToDictionary(x => x.n, x => x.i);

    [Test]
    public void EveryNamespaceHasALayer()
    {
        var unlisted = SimulatorTypes().Select(t => t.Namespace!).Distinct().Where(ns => !LayerOf.ContainsKey(ns)).Order().ToList();
        Assert.That(unlisted, Is.Empty, "namespaces missing from the layer list (and from ARCHITECTURE.md)");
    }

    [Test]
    public void SourceUsesOnlyLowerLayers()
    {
        var violations = new List<string>();
        string root = Path.Combine(RepositoryPaths.Root, "Simulator");
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepositoryPaths.Root, file);
            if (relative.Contains("/obj/") || relative.Contains("/bin/")) continue;
            string text = File.ReadAllText(file);
            var ns = NamespaceLine().Match(text);
            if (!ns.Success) continue;
            string own = ns.Groups[1].Value;
            string code = Comment().Replace(text, "");
            var used = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Match m in UsingLine().Matches(code)) used.Add(Owner(m.Groups[1].Value));
            foreach (Match m in QualifiedName().Matches(code)) used.Add(Owner(m.Groups[1].Value));
            foreach (string target in used)
                if (Forbidden(own, target) is { } why) violations.Add($"{relative}: {own} uses {target} ({why})");
        }
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void SignaturesUseOnlyLowerLayers()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Type type in SimulatorTypes())
            foreach (Type used in SignatureTypes(type))
                if (used.Namespace is { } target && target.StartsWith("HacaSim", StringComparison.Ordinal) && IsSimulator(used)
                    && Forbidden(type.Namespace!, target) is { } why)
                    violations.Add($"{type.FullName}: {type.Namespace} uses {used.FullName} ({why})");
        Assert.That(violations, Is.Empty);
    }

    /// <summary>Null when <paramref name="from"/> may use <paramref name="to"/>, else why not.</summary>
    private static string? Forbidden(string from, string to)
    {
        if (from == to || !to.StartsWith("HacaSim", StringComparison.Ordinal) || to.StartsWith("HacaSim.Analysis", StringComparison.Ordinal)) return null;
        int? a = Layer(from), b = Layer(to);
        if (a is null || b is null) return "namespace not in the layer list";
        if (b < a) return null;
        return b == a ? "same layer" : "a higher layer";
    }

    private static int? Layer(string ns)
    {
        for (string n = ns; ; n = n[..n.LastIndexOf('.')])
        {
            if (LayerOf.TryGetValue(n, out int layer)) return layer;
            if (!n.Contains('.')) return null;
        }
    }

    /// <summary>The namespace part of a used name: <c>HacaSim.Model.Chain.Mempool</c> -> <c>HacaSim.Model.Chain</c>.</summary>
    private static string Owner(string name)
    {
        var parts = name.Split('.');
        int n = parts.Length;
        while (n > 1 && char.IsUpper(parts[n - 1][0]) && !LayerOf.ContainsKey(string.Join('.', parts[..n]))) n--;
        return string.Join('.', parts[..n]);
    }

    private static bool IsSimulator(Type t) => t.Assembly == typeof(HacaSim.InputFiles).Assembly;

    private static IEnumerable<Type> SimulatorTypes() =>
        typeof(HacaSim.InputFiles).Assembly.GetTypes().Where(t => t.Namespace is { } ns && ns.StartsWith("HacaSim", StringComparison.Ordinal)
            && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false));

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type>();
        if (type.BaseType is { } b) direct.Add(b);
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var m in type.GetMethods(all))
        {
            direct.Add(m.ReturnType);
            direct.AddRange(m.GetParameters().Select(p => p.ParameterType));
        }
        foreach (var c in type.GetConstructors(all)) direct.AddRange(c.GetParameters().Select(p => p.ParameterType));
        return direct.SelectMany(Expand);
    }

    /// <summary>A type and what it is built of: element types, generic arguments, the declaring type of a nested one.</summary>
    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.IsGenericParameter) yield break;
        if (t.HasElementType)
        {
            foreach (var e in Expand(t.GetElementType()!)) yield return e;
            yield break;
        }
        yield return t;
        if (t.IsGenericType)
            foreach (var a in t.GetGenericArguments())
                foreach (var e in Expand(a)) yield return e;
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^\s*using (?:static )?(?:\w+\s*=\s*)?(HacaSim(?:\.\w+)*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    /// <summary>A fully qualified name in code (not after a dot, so <c>x.HacaSim</c> does not count).</summary>
    [GeneratedRegex(@"(?<![\w.])(HacaSim(?:\.\w+)+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();
}
