using HacaSim.Analysis.Statistics;

namespace HacaSim.Experiments.Judging;

/// <summary>The replications' per-replication stability verdicts combined by majority.</summary>
public static class MajorityVote
{
    /// <summary>Unstable when most replications say so (a single replication decides alone).</summary>
    public static bool Unstable(IEnumerable<StabilityVerdict> verdicts)
    {
        var list = verdicts.ToList();
        return list.Count(v => !v.Stable) * 2 > list.Count;
    }
}
