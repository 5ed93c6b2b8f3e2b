using HacaSim.Analysis.Statistics;
using HacaSim.Experiments.Execution;
using HacaSim.Experiments.Judging;
using HacaSim.Experiments.Summary;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Compare;

/// <summary>
/// The comparison table: for each metric (<see cref="ReplicationMetrics"/>), each variant's mean with its
/// 95% CI across replications, and its paired difference to the first variant (with the unpaired interval
/// on the same runs, to show what common random numbers buy).
/// </summary>
public sealed record Comparison(string Scenario, ulong Seed, int Replications, IReadOnlyList<ExperimentCase> Variants, IReadOnlyList<Comparison.Row> Rows)
{
    public sealed record Row(string Metric, string Variant, int Count, double Mean, double Ci95, PairedDifference? Difference);

    /// <summary>Per variant (in <see cref="Variants"/>' order), the three-state verdict of every backlog (<see cref="BacklogVerdicts"/>).</summary>
    public IReadOnlyList<IReadOnlyList<(string Backlog, StabilityState State)>> Verdicts { get; init; } = [];

    /// <param name="summaries">Each variant's run summary (its verdicts come from there: the one judge, as in its summary.json).</param>
    public static Comparison Of(IReadOnlyList<ExperimentCase> cases, IReadOnlyList<IReadOnlyList<ReplicationResult>> byCase, IReadOnlyList<RunSummary> summaries)
    {
        var values = byCase.Select(reps => reps.Select(ReplicationMetrics.Of).ToList()).ToList();
        var names = values[0][0].Select(m => m.Name).ToList();
        foreach (var caseValues in values.Skip(1))
            foreach (var (name, _) in caseValues[0]) if (!names.Contains(name)) names.Add(name);
        var rows = new List<Row>();
        foreach (string metric in names)
        {
            var baseline = Column(values[0], metric);
            for (int c = 0; c < cases.Count; c++)
            {
                var column = Column(values[c], metric);
                var finite = column.Where(double.IsFinite).ToList();
                var ci = ConfidenceInterval.FromSamples(finite);
                rows.Add(new Row(metric, cases[c].Name, finite.Count, ci.Mean, ci.HalfWidth, c == 0 ? null : PairedDifference.Of(baseline, column)));
            }
        }
        var run = cases[0].Loaded.Scenario.Run;
        var verdicts = summaries.Select(s => (IReadOnlyList<(string, StabilityState)>)[.. s.Verdicts.All.Select(v => (v.Key, v.Value.State))]).ToList();
        return new Comparison(cases[0].Loaded.Scenario.Name, run.Seed, run.Replications, cases, rows) { Verdicts = verdicts };
    }

    public Row Get(string metric, string variant) => Rows.First(r => r.Metric == metric && r.Variant == variant);

    private static List<double> Column(List<List<(string Name, double Value)>> replications, string metric) =>
        replications.Select(r => r.FirstOrDefault(m => m.Name == metric) is { Name: not null } hit ? hit.Value : double.NaN).ToList();
}
