using System.Text;
using System.Text.RegularExpressions;

namespace HacaSim.Experiments.Compare;

/// <summary>
/// A named set of overrides of a scenario (each as <c>--set</c> takes it: NAME=VALUE or a.b.c=VALUE),
/// one case of a comparison. Written on the command line as <c>NAME:KEY=VALUE[,KEY=VALUE...]</c>; a
/// comma inside braces or brackets belongs to the value (<c>adaptive:policy={name: adaptive, backlog_high: 50}</c>).
/// </summary>
public sealed partial record Variant(string Name, IReadOnlyList<string> Overrides)
{
    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex SafeName();

    public static Variant Parse(string text)
    {
        int colon = text.IndexOf(':');
        string name = colon < 0 ? text : text[..colon];
        CheckName(name, $"--variant {text}");
        string rest = colon < 0 ? "" : text[(colon + 1)..];
        var overrides = new List<string>();
        foreach (string piece in SplitTopLevel(rest))
        {
            if (piece.Length == 0) continue;
            // A piece without "=" continues the previous value (a list such as 1,2 written without brackets).
            if (!piece.Contains('=') && overrides.Count > 0) overrides[^1] += "," + piece;
            else if (!piece.Contains('=')) throw new InputException($"--variant {text}: expected NAME:KEY=VALUE[,KEY=VALUE...], found \"{piece}\"");
            else overrides.Add(piece.Trim());
        }
        return new Variant(name, overrides);
    }

    /// <summary>Names become folder names, so they are kept to letters, digits, '_', '.' and '-'.</summary>
    public static void CheckName(string name, string where)
    {
        if (!SafeName().IsMatch(name) || name.Length > 64)
            throw new InputException($"{where}: variant name \"{name}\" must be 1 to 64 letters, digits, '_', '.' or '-'");
        // "." and ".." would make variants/NAME the variants folder itself or its parent.
        if (name.All(c => c == '.')) throw new InputException($"{where}: variant name \"{name}\" is not a folder name; use letters or digits");
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var current = new StringBuilder();
        int depth = 0;
        foreach (char c in text)
        {
            if (c is '{' or '[') depth++;
            else if (c is '}' or ']') depth--;
            if (c == ',' && depth == 0)
            {
                yield return current.ToString();
                current.Clear();
            }
            else current.Append(c);
        }
        yield return current.ToString();
    }

    public override string ToString() => Overrides.Count == 0 ? Name : $"{Name}:{string.Join(",", Overrides)}";
}
