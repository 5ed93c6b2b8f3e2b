using HacaSim.Analysis.Statistics;

namespace HacaSim.Explore;

/// <summary>
/// One sample of an explore: its place in the design, its inputs (as override text and as numbers), its simulated
/// outputs (mean and 95% CI across its replications), its analytic ones (rho per pool: exact, no interval) and its
/// categorical outcomes (the bottleneck pool, each backlog's verdict).
/// </summary>
public sealed record ExploreSample(
    int Index,
    string Role,
    IReadOnlyList<(string Name, string Value)> Values,
    double[] Numeric,
    IReadOnlyList<(string Name, ConfidenceInterval Interval)> Outputs,
    IReadOnlyList<(string Name, double Value)> Analytic,
    IReadOnlyList<(string Name, string Value)> Categories)
{
    /// <summary>An output's mean (simulated) or value (analytic); NaN when the sample has none.</summary>
    public double Value(string output)
    {
        foreach (var (name, ci) in Outputs) if (name == output) return ci.Mean;
        foreach (var (name, v) in Analytic) if (name == output) return v;
        return double.NaN;
    }

    public string Category(string outcome) => Categories.FirstOrDefault(c => c.Name == outcome).Value ?? "";
}
