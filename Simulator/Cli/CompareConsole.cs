using System.Globalization;
using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Compare;

namespace HacaSim.Cli;

/// <summary>
/// The part of <c>hacasim compare</c>'s console a reviewer reads first: per variant, whether every backlog is stable
/// (the three-state verdict) and how the path mix changed from the baseline, in percentage points with the paired
/// 95% interval, ◆ where it excludes zero.
/// </summary>
internal static class CompareConsole
{
    private const string SharePrefix = "paths.";
    private const string ShareSuffix = ".share";

    public static void WriteVariants(TextWriter stdout, Comparison c)
    {
        var paths = c.Rows.Select(r => r.Metric).Distinct()
            .Where(m => m.StartsWith(SharePrefix, StringComparison.Ordinal) && m.EndsWith(ShareSuffix, StringComparison.Ordinal))
            .Select(m => m[SharePrefix.Length..^ShareSuffix.Length]).ToList();
        stdout.WriteLine($"{"variant",-14} {"stability",-34} path mix (share of requests; change from {c.Variants[0].Name} in points, paired 95%)");
        for (int i = 0; i < c.Variants.Count; i++)
        {
            string name = c.Variants[i].Name;
            string stability = i < c.Verdicts.Count ? Stability(c.Verdicts[i]) : "-";
            var mix = paths.Select(path =>
            {
                Comparison.Row row = c.Get(SharePrefix + path + ShareSuffix, name);
                string share = Percent(row.Mean);
                if (row.Difference is not { } d || !double.IsFinite(d.Mean)) return $"{path} {share}";
                bool significant = double.IsFinite(d.Ci95) && Math.Abs(d.Mean) > d.Ci95;
                return $"{path} {share} ({Points(d.Mean)} ± {Points(d.Ci95).TrimStart('+')}{(significant ? " ◆" : "")})";
            });
            stdout.WriteLine($"{name,-14} {stability,-34} {string.Join(", ", mix)}");
        }
    }

    /// <summary>"stable", or the backlogs that are not: "unstable: prover; critical: verification".</summary>
    public static string Stability(IReadOnlyList<(string Backlog, StabilityState State)> verdicts)
    {
        var parts = new[] { StabilityState.Unstable, StabilityState.Critical }
            .Select(state => (state, backlogs: verdicts.Where(v => v.State == state).Select(v => v.Backlog).ToList()))
            .Where(p => p.backlogs.Count > 0)
            .Select(p => $"{p.state.Key()}: {string.Join(" ", p.backlogs)}").ToList();
        return parts.Count == 0 ? "stable" : string.Join("; ", parts);
    }

    private static string Percent(double share) =>
        double.IsFinite(share) ? (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Points(double difference) =>
        double.IsFinite(difference) ? (100 * difference).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "-";
}
