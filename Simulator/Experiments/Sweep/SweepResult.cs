using System.Globalization;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Sweep;

/// <summary>A finished sweep and its knees: along the first parameter, one per combination of the others.</summary>
public sealed record SweepResult(string Scenario, IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<SweepPoint> Points)
{
    /// <summary>
    /// A knee: the last value of the first parameter at which every proof backlog is stable before the first unstable
    /// point, read from the same three-state verdicts as the knee interval (<see cref="KneeIntervals"/>): it is the
    /// interval's last stable value, so the two lines always agree. Null when no value is stable before the first
    /// unstable one; <see cref="Knee.AllStable"/> when every point is stable (the knee is then only a lower bound);
    /// <see cref="Knee.Critical"/> when a critical point lies between the knee and the first unstable one (or the range's end).
    /// </summary>
    public sealed record Knee(string Others, string? Value, bool AllStable, bool Critical = false);

    public IReadOnlyList<Knee> Knees() =>
        KneeIntervals().Select(k => new Knee(k.Others, k.LastStable,
            Points.Where(p => OthersKey(p.Point) == k.Others).All(p => p.ProofVerdict == Analysis.Statistics.StabilityState.Stable),
            k.Critical.Count > 0)).ToList();

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
