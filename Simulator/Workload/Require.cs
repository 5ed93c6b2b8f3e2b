namespace HacaSim.Workload;

/// <summary>Parameter checks shared by the arrival processes, so every message reads the same way.</summary>
internal static class Require
{
    public static void PositiveFinite(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new ArgumentException($"{name} must be a finite number > 0, but was {Show(value)}.", name);
    }

    public static void NonNegativeFinite(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
            throw new ArgumentException($"{name} must be a finite number >= 0, but was {Show(value)}.", name);
    }

    public static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
