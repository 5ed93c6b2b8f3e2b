using System.Globalization;

namespace HacaSim.Analysis.Reports;

/// <summary>Number formatting shared by the Markdown and HTML reports: invariant culture, about four significant digits.</summary>
internal static class ReportText
{
    public static string Number(double? x)
    {
        if (x is not { } v) return "–";
        double a = Math.Abs(v);
        if (a > 0 && a < 1e-4 && double.IsFinite(a))
        {
            // 3.62×10⁻⁵ where "G3" would print 3.62E-05.
            int exponent = (int)Math.Floor(Math.Log10(a));
            double mantissa = v / Math.Pow(10, exponent);
            return mantissa.ToString("0.##", CultureInfo.InvariantCulture) + "×10" + Charts.ReadableScale.Superscript(exponent);
        }
        string format = a == 0 ? "0" : a >= 1000 ? "#,0" : a >= 100 ? "0.0" : a >= 10 ? "0.00" : a >= 0.01 ? "0.000" : "G3";
        return v.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>"mean ± ci" (or just the mean), with a trailing "(unstable)" when the statistic is marked.</summary>
    public static string MeanCi(ReportStatistic? s)
    {
        if (s?.Mean is null) return "–";
        string text = s.Ci95 is { } ci ? $"{Number(s.Mean)} ± {Number(ci)}" : Number(s.Mean);
        return s.Unstable ? text + " (unstable)" : text;
    }

    public static string P95(ReportStatistic? s) => Number(s?.P95);
}
