using HacaSim.Workload;

namespace HacaSim.Tests.Workload;

/// <summary>
/// Sample statistics of arrival streams and their standard errors, so that tests compare against
/// theory with tolerances derived from the sampling error instead of magic percentages.
/// </summary>
internal static class ArrivalStatistics
{
    /// <summary>Tolerance in standard errors: a seeded test passing at 4 SE would fail by chance ~1 in 16,000 seeds.</summary>
    public const double Z = 4.0;

    /// <summary>The first <paramref name="count"/> arrival times; fails if the process ends early or time goes backwards.</summary>
    public static double[] Times(IArrivalProcess process, int count)
    {
        var times = new double[count];
        double previous = double.NegativeInfinity;
        for (int i = 0; i < count; i++)
        {
            double t = process.Next().TimeSeconds;
            if (!(t > previous) || double.IsPositiveInfinity(t))
                Assert.Fail($"arrival {i} at {t} s is not strictly after the previous one at {previous} s");
            times[i] = previous = t;
        }
        return times;
    }

    /// <summary>All arrival times before <paramref name="horizonSeconds"/>.</summary>
    public static List<double> TimesUntil(IArrivalProcess process, double horizonSeconds)
    {
        var times = new List<double>();
        for (double t = process.Next().TimeSeconds; t < horizonSeconds; t = process.Next().TimeSeconds) times.Add(t);
        return times;
    }

    /// <summary>Gaps between consecutive arrivals (the first measured from time 0).</summary>
    public static double[] Gaps(double[] times)
    {
        var gaps = new double[times.Length];
        for (int i = 0; i < times.Length; i++) gaps[i] = times[i] - (i == 0 ? 0 : times[i - 1]);
        return gaps;
    }

    /// <summary>Mean and coefficient of variation from raw moments (the estimator <see cref="CvStandardError"/> analyses).</summary>
    public static (double Mean, double Cv) MeanAndCv(IReadOnlyList<double> values)
    {
        double s1 = 0, s2 = 0;
        foreach (double v in values) { s1 += v; s2 += v * v; }
        double m1 = s1 / values.Count, m2 = s2 / values.Count;
        return (m1, Math.Sqrt(m2 / (m1 * m1) - 1));
    }

    /// <summary>Standard error of a sample mean of n i.i.d. values with raw moments m1, m2.</summary>
    public static double MeanStandardError(double m1, double m2, int n) => Math.Sqrt((m2 - m1 * m1) / n);

    /// <summary>
    /// Delta-method standard error of the sample CV = sqrt(M2/M1^2 - 1) of n i.i.d. values whose raw
    /// moments are m1..m4: g(M1, M2) = M2/M1^2 has gradient (-2 m2/m1^3, 1/m1^2), and the covariance
    /// of (M1, M2) is [[m2 - m1^2, m3 - m1 m2], [., m4 - m2^2]] / n; then SE(CV) = SE(CV^2) / (2 CV).
    /// </summary>
    public static double CvStandardError(double m1, double m2, double m3, double m4, int n)
    {
        double g1 = -2 * m2 / (m1 * m1 * m1), g2 = 1 / (m1 * m1);
        double v11 = m2 - m1 * m1, v12 = m3 - m1 * m2, v22 = m4 - m2 * m2;
        double varCv2 = (g1 * g1 * v11 + 2 * g1 * g2 * v12 + g2 * g2 * v22) / n;
        double cv = Math.Sqrt(m2 / (m1 * m1) - 1);
        return Math.Sqrt(varCv2) / (2 * cv);
    }

    /// <summary>Arrival counts in consecutive windows [k w, (k+1) w) for k &lt; windows.</summary>
    public static int[] WindowCounts(IEnumerable<double> times, double windowSeconds, int windows)
    {
        var counts = new int[windows];
        foreach (double t in times)
        {
            long k = (long)Math.Floor(t / windowSeconds);
            if (k < windows) counts[k]++;
        }
        return counts;
    }

    /// <summary>Mean and standard error of independent (or nearly, as long batches are) batch values.</summary>
    public static (double Mean, double StandardError) BatchMean(IReadOnlyList<double> batches)
    {
        double mean = batches.Average();
        double variance = batches.Sum(b => (b - mean) * (b - mean)) / (batches.Count - 1);
        return (mean, Math.Sqrt(variance / batches.Count));
    }
}
