using System.Globalization;

namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// The range of one uncertain input, written <c>uniform(a,b)</c>, <c>loguniform(a,b)</c>, <c>int(a,b)</c> or
/// <c>choice(v1,v2,...)</c>, and the map from a point u in [0, 1) of a design (Latin hypercube, Sobol) to a
/// value. The map is the inverse CDF, so a design's stratification carries over to every kind of range.
/// </summary>
public sealed record ParameterRange(RangeKind Kind, double Low, double High, IReadOnlyList<string> Choices)
{
    /// <summary>Parses RANGE; a <see cref="FormatException"/> message says what is allowed.</summary>
    public static ParameterRange Parse(string text)
    {
        string s = text.Trim();
        int open = s.IndexOf('(');
        if (open <= 0 || !s.EndsWith(')'))
            throw new FormatException($"\"{text}\" is not a range; expected uniform(a,b), loguniform(a,b), int(a,b) or choice(v1,v2,...)");
        string function = s[..open].Trim().ToLowerInvariant();
        var args = s[(open + 1)..^1].Split(',').Select(a => a.Trim()).ToList();
        if (args.Any(a => a.Length == 0)) throw new FormatException($"\"{text}\": an empty argument");
        switch (function)
        {
            case "choice":
                if (args.Distinct(StringComparer.Ordinal).Count() != args.Count) throw new FormatException($"\"{text}\": a value is listed twice");
                return new ParameterRange(RangeKind.Choice, 0, args.Count - 1, args);
            case "uniform":
            case "loguniform":
            case "int":
                if (args.Count != 2) throw new FormatException($"\"{text}\": {function} takes two numbers, a and b");
                double a = Number(args[0], text), b = Number(args[1], text);
                if (!(a < b)) throw new FormatException($"\"{text}\": expected a < b");
                if (function == "loguniform" && a <= 0) throw new FormatException($"\"{text}\": loguniform needs 0 < a < b");
                if (function == "int")
                {
                    if (a != Math.Floor(a) || b != Math.Floor(b) || Math.Abs(a) > 1e15 || Math.Abs(b) > 1e15)
                        throw new FormatException($"\"{text}\": int takes two integers");
                    return new ParameterRange(RangeKind.Integer, a, b, []);
                }
                return new ParameterRange(function == "uniform" ? RangeKind.Uniform : RangeKind.LogUniform, a, b, []);
            default:
                throw new FormatException($"\"{text}\": unknown range '{function}'; expected uniform, loguniform, int or choice");
        }
    }

    /// <summary>The value at design point <paramref name="u"/> in [0, 1), as the text a scenario override takes.</summary>
    public string ValueAt(double u) => Kind == RangeKind.Choice
        ? Choices[Index(u, Choices.Count)]
        : Format(NumericAt(u));

    /// <summary>The numeric value at <paramref name="u"/>; for a choice, the index of the value chosen.</summary>
    public double NumericAt(double u)
    {
        if (!(u >= 0 && u < 1)) throw new ArgumentOutOfRangeException(nameof(u), u, "a design point lies in [0, 1)");
        return Kind switch
        {
            RangeKind.Uniform => Low + u * (High - Low),
            RangeKind.LogUniform => Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))),
            RangeKind.Integer => Low + Index(u, (int)Math.Min(int.MaxValue, High - Low + 1)),
            RangeKind.Choice => Index(u, Choices.Count),
            _ => throw new InvalidOperationException(Kind.ToString()),
        };
    }

    /// <summary>The canonical text of the range (what explore.csv's header and the report print).</summary>
    public override string ToString() => Kind switch
    {
        RangeKind.Uniform => $"uniform({Format(Low)},{Format(High)})",
        RangeKind.LogUniform => $"loguniform({Format(Low)},{Format(High)})",
        RangeKind.Integer => $"int({Format(Low)},{Format(High)})",
        _ => $"choice({string.Join(",", Choices)})",
    };

    private static int Index(double u, int count) => Math.Min(count - 1, (int)Math.Floor(u * count));

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static double Number(string s, string text) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new FormatException($"\"{text}\": \"{s}\" is not a finite number");
}
