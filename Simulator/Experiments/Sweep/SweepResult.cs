using System.Globalization;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Sweep;

/// <summary>A finished sweep and its knees: along the first parameter, one per combination of the others.</summary>
public sealed record SweepResult(string Scenario, IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<SweepPoint> Points)
{
    /// <summary>
    /// A knee: the largest value of the first parameter before the first point (in ascending order) where some proof
    /// backlog is unstable, read from the same three-state verdicts as the knee interval (<see cref="KneeIntervals"/>),
    /// so the two lines always agree: the knee lies in the interval [last stable, first unstable). Null when the smallest
    /// value is already unstable; <see cref="Knee.AllStable"/> when nothing in the range is unstable (the knee is then
    /// only a lower bound), <see cref="Knee.Critical"/> when some point is critical.
    /// </summary>
    public sealed record Knee(string Others, string? Value, bool AllStable, bool Critical = false);

    public IReadOnlyList<Knee> Knees()
    {
        var knees = new List<Knee>();
        foreach (var group in Points.GroupBy(p => OthersKey(p.Point)))
        {
            var ordered = group.OrderBy(p => Numeric(p.Point.Values[0].Value)).ToList();
            int firstUnstable = ordered.FindIndex(p => p.ProofVerdict == Analysis.Statistics.StabilityState.Unstable);
            int last = (firstUnstable < 0 ? ordered.Count : firstUnstable) - 1;
            knees.Add(new Knee(group.Key, last < 0 ? null : ordered[last].Point.Values[0].Value, firstUnstable < 0,
                ordered.Take(last + 1).Any(p => p.ProofVerdict == Analysis.Statistics.StabilityState.Critical)));
        }
        return knees;
    }

    /// <summary>
    /// The analytic knee along the first parameter, per combination of the others: <see cref="Grid"/> is the
    /// largest value whose largest rho is below 1 (comparable with the simulated knee); <see cref="Interpolated"/>
    /// the value where rho reaches 1 by linear interpolation between the points around it (null when no
    /// two points bracket it).
    /// </summary>
    public sealed record AnalyticKnee(string Others, string? Grid, double? Interpolated);

    public IReadOnlyList<AnalyticKnee> AnalyticKnees()
    {
        var knees = new List<AnalyticKnee>();
        foreach (var group in Points.GroupBy(p => OthersKey(p.Point)))
        {
            var ordered = group.OrderBy(p => Numeric(p.Point.Values[0].Value)).ToList();
            string? grid = null;
            double? interpolated = null;
            for (int i = 0; i < ordered.Count; i++)
            {
                double rho = ordered[i].Capacity?.MaxRho ?? double.NaN;
                if (!(rho < 1))
                {
                    if (i > 0 && ordered[i - 1].Capacity is { } before && ordered[i].Capacity is { } after)
                    {
                        double x0 = Numeric(ordered[i - 1].Point.Values[0].Value), x1 = Numeric(ordered[i].Point.Values[0].Value);
                        double r0 = before.MaxRho, r1 = after.MaxRho;
                        if (double.IsFinite(x0) && double.IsFinite(x1) && r1 > r0) interpolated = x0 + (1 - r0) * (x1 - x0) / (r1 - r0);
                    }
                    break;
                }
                grid = ordered[i].Point.Values[0].Value;
            }
            knees.Add(new AnalyticKnee(group.Key, grid, interpolated));
        }
        return knees;
    }

    /// <summary>
    /// The knee as an interval along the first parameter, from the three-state verdicts of the proof
    /// backlogs: the last stable value below the first unstable one (null when there is none), the first
    /// unstable value (null when no point is unstable: the knee is then at or above the range), and the
    /// critical values between them.
    /// </summary>
    public sealed record KneeInterval(string Others, string? LastStable, string? FirstUnstable, IReadOnlyList<string> Critical);

    public IReadOnlyList<KneeInterval> KneeIntervals()
    {
        var knees = new List<KneeInterval>();
        foreach (var group in Points.GroupBy(p => OthersKey(p.Point)))
        {
            var ordered = group.OrderBy(p => Numeric(p.Point.Values[0].Value)).ToList();
            int firstUnstable = ordered.FindIndex(p => p.ProofVerdict == Analysis.Statistics.StabilityState.Unstable);
            var below = firstUnstable < 0 ? ordered : ordered.Take(firstUnstable).ToList();
            int lastStable = below.FindLastIndex(p => p.ProofVerdict == Analysis.Statistics.StabilityState.Stable);
            var critical = below.Skip(lastStable + 1).Where(p => p.ProofVerdict == Analysis.Statistics.StabilityState.Critical)
                .Select(p => p.Point.Values[0].Value).ToList();
            knees.Add(new KneeInterval(group.Key, lastStable < 0 ? null : below[lastStable].Point.Values[0].Value,
                firstUnstable < 0 ? null : ordered[firstUnstable].Point.Values[0].Value, critical));
        }
        return knees;
    }

    public static string OthersKey(GridPoint p) => string.Join(",", p.Values.Skip(1).Select(v => $"{v.Name}={v.Value}"));

    /// <summary>A value as a number for ordering and plotting; NaN when it is a word.</summary>
    public static double Numeric(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN;
}
