using System.Globalization;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// A scale that keeps axis ticks and value labels readable: seconds move to ms, µs or ns, and a unitless quantity
/// far from 1 is shown in units of a power of ten (×10⁻⁹) named in the axis label, instead of ticks like 1E-07.
/// </summary>
/// <param name="Divisor">What each value is divided by before it is drawn.</param>
/// <param name="Unit">What the drawn numbers are in ("s", "ms", "×10⁻⁹", or "" for plain numbers).</param>
public readonly record struct ReadableScale(double Divisor, string Unit)
{
    /// <summary>The scale for values up to <paramref name="largest"/> in magnitude, of a quantity in <paramref name="unit"/> ("s" or "").</summary>
    public static ReadableScale For(double largest, string unit)
    {
        largest = Math.Abs(largest);
        if (largest == 0 || !double.IsFinite(largest) || (largest >= 1e-2 && largest < 1e4)) return new(1, unit);
        int exponent = 3 * (int)Math.Floor(Math.Log10(largest) / 3);
        if (unit == "s" && exponent < 0)
            return Math.Max(exponent, -9) switch
            {
                -3 => new(1e-3, "ms"),
                -6 => new(1e-6, "µs"),
                _ => new(1e-9, "ns"),
            };
        return new(Math.Pow(10, exponent), "×10" + Superscript(exponent) + (unit.Length > 0 ? " " + unit : ""));
    }

    public double Apply(double value) => value / Divisor;

    /// <summary>The axis label with the scale's unit in brackets.</summary>
    public string Label(string label) => Unit.Length == 0 ? label : $"{label} ({Unit})";

    /// <summary>-9 -> "⁻⁹".</summary>
    internal static string Superscript(int exponent) =>
        string.Concat(exponent.ToString(CultureInfo.InvariantCulture).Select(c => c switch
        {
            '-' => '⁻',
            '0' => '⁰', '1' => '¹', '2' => '²', '3' => '³', '4' => '⁴',
            '5' => '⁵', '6' => '⁶', '7' => '⁷', '8' => '⁸', _ => '⁹',
        }));
}
