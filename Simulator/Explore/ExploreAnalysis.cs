using HacaSim.Analysis.Sensitivity;
using HacaSim.Analysis.Statistics;
using HacaSim.Randomness;

namespace HacaSim.Explore;

/// <summary>
/// What an explore's samples say: per output and input the sensitivity (standardised rank regression coefficients
/// over a Latin hypercube; first-order and total Sobol indices over Saltelli's design), and per categorical outcome
/// the probability of each value with its Wilson interval. Bootstrap draws come from one named stream per output
/// ("explore/bootstrap/OUTPUT" of the run seed), so adding an output never changes another's interval.
/// </summary>
public static class ExploreAnalysis
{
    public const string ProofLagOutcome = "proof_lag_p95_exceeds_threshold";
    public const string AnyPath = "any_path";

    public static IReadOnlyList<SensitivityRow> Sensitivity(ExploreDesign design, IReadOnlyList<ExploreSample> samples, IReadOnlyList<string> outputs, ulong seed)
    {
        var rows = new List<SensitivityRow>();
        var streams = new RandomStreams(seed);
        int k = design.Parameters.Count;
        foreach (string output in outputs)
        {
            Random random = streams.Stream("explore/bootstrap/" + output);
            var y = samples.Select(s => s.Value(output)).ToList();
            if (design.Method == ExploreMethod.Lhs)
            {
                var usable = Enumerable.Range(0, y.Count).Where(i => double.IsFinite(y[i])).ToList();
                // A regression on k inputs needs more than k + 1 samples; fewer, or a constant output, gives no coefficient.
                if (usable.Count <= k + 1 || usable.Select(i => y[i]).Distinct().Count() < 2) continue;
                var indices = RankRegression.Estimate([.. usable.Select(i => samples[i].Numeric)], [.. usable.Select(i => y[i])], random);
                rows.AddRange(indices.Select(x => new SensitivityRow(output, design.Parameters[x.Input].Name, SensitivityRow.Srrc, x.Srrc!.Value, usable.Count)));
            }
            else
            {
                // Saltelli's estimators need every row of a group; an output missing anywhere (a path nobody took) is left out.
                if (y.Any(v => !double.IsFinite(v)) || y.Distinct().Count() < 2) continue;
                var indices = SobolIndices.Estimate(y, k, random);
                foreach (SensitivityIndex x in indices)
                {
                    rows.Add(new SensitivityRow(output, design.Parameters[x.Input].Name, SensitivityRow.First, x.First!.Value, design.BaseSamples));
                    rows.Add(new SensitivityRow(output, design.Parameters[x.Input].Name, SensitivityRow.Total, x.Total!.Value, design.BaseSamples));
                }
            }
        }
        return rows;
    }

    /// <summary>
    /// The probability of each categorical outcome over the design's independent samples (all of a hypercube; the A
    /// and B rows of Saltelli's design, whose mixed rows are not draws of the input space): the bottleneck pool; each
    /// backlog's verdict; with a threshold, whether each path's (and any path's) proof-lag p95 exceeds it.
    /// </summary>
    public static IReadOnlyList<VerdictRow> Verdicts(ExploreDesign design, IReadOnlyList<ExploreSample> samples, IReadOnlyList<string> resources,
        double? lagThresholdSeconds)
    {
        var independent = design.IndependentSamples().Select(i => samples[i]).ToList();
        int n = independent.Count;
        var rows = new List<VerdictRow>();
        foreach (string resource in resources)
            rows.Add(new VerdictRow(ExploreMetrics.Bottleneck, resource, WilsonInterval.Of(independent.Count(s => s.Category(ExploreMetrics.Bottleneck) == resource), n)));
        foreach (string outcome in samples[0].Categories.Select(c => c.Name).Where(c => c.StartsWith(ExploreMetrics.VerdictPrefix, StringComparison.Ordinal)))
            foreach (StabilityState state in Enum.GetValues<StabilityState>())
                rows.Add(new VerdictRow(outcome, state.Key(), WilsonInterval.Of(independent.Count(s => s.Category(outcome) == state.Key()), n)));
        if (lagThresholdSeconds is { } threshold)
        {
            foreach (string path in ExploreMetrics.Paths.Skip(1))
            {
                // Only samples in which the path settled something can say whether its p95 exceeds the threshold.
                var observed = independent.Where(s => double.IsFinite(s.Value(ExploreMetrics.ProofLagP95(path)))).ToList();
                rows.Add(new VerdictRow(ProofLagOutcome, path, WilsonInterval.Of(observed.Count(s => s.Value(ExploreMetrics.ProofLagP95(path)) > threshold), observed.Count)));
            }
            int any = independent.Count(s => ExploreMetrics.Paths.Skip(1).Any(p => s.Value(ExploreMetrics.ProofLagP95(p)) > threshold));
            rows.Add(new VerdictRow(ProofLagOutcome, AnyPath, WilsonInterval.Of(any, n)));
        }
        return rows;
    }
}
