using System.Globalization;

namespace HacaSim.Experiments.Sweep;

/// <summary>
/// One swept parameter: a declared parameter or key path (as <c>--set</c> takes it) and its values, written
/// <c>NAME=V1,V2,...</c> or <c>NAME=START:STOP:STEP</c> (STOP included when the steps land on it).
/// </summary>
public sealed record SweepParameter(string Name, IReadOnlyList<string> Values)
{
    // A grid of a few thousand points is already hours of simulation; more is a typo in STEP.
    private const int MaxValues = 10_000;

    public static SweepParameter Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) throw new InputException($"--param {text}: expected NAME=V1,V2,... or NAME=START:STOP:STEP");
        string name = text[..eq].Trim();
        string spec = text[(eq + 1)..].Trim();
        string[] range = spec.Split(':');
        if (range.Length == 3)
        {
            double start = Number(range[0], text), stop = Number(range[1], text), step = Number(range[2], text);
            if (step <= 0 || stop < start) throw new InputException($"--param {text}: expected START <= STOP and STEP > 0");
            long count = (long)Math.Floor((stop - start) / step + 1e-9) + 1;
            if (count > MaxValues) throw new InputException($"--param {text}: {count} values; the limit is {MaxValues}");
            // start + k x step, rounded to 12 significant digits so 0.1 steps do not print as 0.30000000000000004.
            var values = Enumerable.Range(0, (int)count).Select(k => Format(double.Parse((start + k * step).ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))).ToList();
            return new SweepParameter(name, values);
        }
        var list = spec.Split(',').Select(v => v.Trim()).ToList();
        if (list.Any(v => v.Length == 0)) throw new InputException($"--param {text}: an empty value in the list");
        return new SweepParameter(name, list);
    }

    public static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static double Number(string s, string text) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v
            : throw new InputException($"--param {text}: \"{s}\" is not a number");
}
