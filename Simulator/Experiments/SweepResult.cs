using System.Globalization;

namespace HacaSim.Experiments;

/// <summary>A finished sweep and its knees: along the first parameter, one per combination of the others.</summary>
public sealed record SweepResult(string Scenario, IReadOnlyList<SweepParameter> Parameters, IReadOnlyList<SweepPoint> Points)
{
    /// <summary>
    /// A knee: the largest value of the first parameter before the first point (in ascending order) where
    /// some proof backlog is unstable. Null when the smallest value is already unstable; <see cref="Knee.AllStable"/>
    /// when nothing in the range is (the knee is then only a lower bound).
    /// </summary>
    public sealed record Knee(string Others, string? Value, bool AllStable);

    public IReadOnlyList<Knee> Knees()
    {
        var knees = new List<Knee>();
        foreach (var group in Points.GroupBy(p => OthersKey(p.Point)))
        {
            var ordered = group.OrderBy(p => Numeric(p.Point.Values[0].Value)).ToList();
            string? knee = null;
            bool allStable = true;
            foreach (SweepPoint p in ordered)
            {
                if (!p.ProofBacklogsStable)
                {
                    allStable = false;
                    break;
                }
                knee = p.Point.Values[0].Value;
            }
            knees.Add(new Knee(group.Key, knee, allStable));
        }
        return knees;
    }

    public static string OthersKey(GridPoint p) => string.Join(",", p.Values.Skip(1).Select(v => $"{v.Name}={v.Value}"));

    /// <summary>A value as a number for ordering and plotting; NaN when it is a word.</summary>
    public static double Numeric(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : double.NaN;
}
