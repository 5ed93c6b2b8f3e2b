using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Tests.Fuzz;

/// <summary>
/// Seeded ways to break a valid scenario file: structural ones (on the YAML tree, so the result is still
/// YAML but says something wrong) and byte-level ones (garbage, truncation, duplicate keys). Each returns the
/// bytes to write; a mutation may by chance leave the scenario valid.
/// </summary>
internal static class ScenarioMutations
{
    public delegate byte[] Mutation(string text, Random rng);

    private static readonly string[] ExtremeNumbers = ["1e308", "-1e308", "1e-320", "0", "-1", "1e309", "4294967296", "9223372036854775808", "2147483648", "0.0000001", "-0"];
    private static readonly string[] NonFinite = [".nan", ".inf", "-.inf", "NaN", "Infinity", "-Infinity", ".NaN"];

    public static readonly IReadOnlyDictionary<string, Mutation> Kinds = new Dictionary<string, Mutation>
    {
        ["drop key"] = (text, rng) => Structural(text, rng, (parent, key, _) => parent.Children.Remove(key)),
        ["change type"] = (text, rng) => Structural(text, rng, (parent, key, _) => parent.Children[key] = rng.Next(5) switch
        {
            0 => new YamlMappingNode(new YamlScalarNode("a"), new YamlScalarNode("1")),
            1 => new YamlSequenceNode(new YamlScalarNode("1"), new YamlScalarNode("2")),
            2 => new YamlScalarNode("some text"),
            3 => new YamlScalarNode(""),
            _ => new YamlScalarNode("true"),
        }),
        ["extreme number"] = (text, rng) => Structural(text, rng, (parent, key, _) =>
            parent.Children[key] = new YamlScalarNode(rng.GetItems(ExtremeNumbers, 1)[0]), numbersOnly: true),
        ["nan or inf"] = (text, rng) => Structural(text, rng, (parent, key, _) =>
            parent.Children[key] = new YamlScalarNode(rng.GetItems(NonFinite, 1)[0]), numbersOnly: true),
        ["deep nesting"] = (text, rng) =>
        {
            string marker = "__deep__";
            string yaml = Encoding.UTF8.GetString(Structural(text, rng, (parent, key, _) => parent.Children[key] = new YamlScalarNode(marker)));
            bool list = rng.Next(2) == 0;
            string deep = list ? new string('[', 1000) + new string(']', 1000) : string.Concat(Enumerable.Repeat("{a: ", 1000)) + "1" + new string('}', 1000);
            return Encoding.UTF8.GetBytes(yaml.Replace(marker, deep, StringComparison.Ordinal));
        },
        ["binary garbage"] = (text, rng) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            int at = rng.Next(bytes.Length + 1);
            byte[] garbage = rng.Next(3) switch
            {
                0 => [0],                                 // a NUL byte
                1 => [0xC3, 0x28, 0xFF, 0xFE],            // invalid UTF-8
                _ => RandomBytes(rng, rng.Next(1, 64)),   // anything
            };
            return [.. bytes[..at], .. garbage, .. bytes[at..]];
        },
        ["truncation"] = (text, rng) =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            return bytes[..rng.Next(bytes.Length)];
        },
        ["duplicate key"] = (text, rng) =>
        {
            var lines = text.Split('\n').ToList();
            var keyed = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().Length > 0 && !x.l.TrimStart().StartsWith('#') && x.l.Contains(':')).ToList();
            var (line, index) = keyed[rng.Next(keyed.Count)];
            // The same key again just below, at the same indentation; a list item's first key loses its dash.
            lines.Insert(index + 1, line.Replace("- ", "  ", StringComparison.Ordinal));
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        },
        ["several at once"] = (text, rng) =>
        {
            string current = text;
            string[] structural = ["drop key", "change type", "extreme number", "nan or inf"];
            for (int i = rng.Next(2, 5); i > 0; i--) current = Encoding.UTF8.GetString(Kinds![structural[rng.Next(structural.Length)]](current, rng));
            return Encoding.UTF8.GetBytes(current);
        },
    };

    private static byte[] RandomBytes(Random rng, int count)
    {
        var bytes = new byte[count];
        rng.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Applies <paramref name="change"/> to a random mapping entry of the scenario's YAML tree and writes it back.</summary>
    private static byte[] Structural(string text, Random rng, Action<YamlMappingNode, YamlNode, YamlNode> change, bool numbersOnly = false)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var entries = new List<(YamlMappingNode Parent, YamlNode Key, YamlNode Value)>();
        Collect(stream.Documents[0].RootNode, entries);
        var eligible = numbersOnly
            ? entries.Where(e => e.Value is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToList()
            : entries;
        if (eligible.Count == 0) eligible = entries;
        var (parent, key, value) = eligible[rng.Next(eligible.Count)];
        change(parent, key, value);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static void Collect(YamlNode node, List<(YamlMappingNode, YamlNode, YamlNode)> entries)
    {
        switch (node)
        {
            case YamlMappingNode m:
                foreach (var (k, v) in m.Children)
                {
                    entries.Add((m, k, v));
                    Collect(v, entries);
                }
                break;
            case YamlSequenceNode s:
                foreach (YamlNode child in s.Children) Collect(child, entries);
                break;
        }
    }
}
