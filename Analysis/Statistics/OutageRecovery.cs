namespace HacaSim.Analysis.Statistics;

/// <summary>
/// How a sampled backlog rode out an outage: its level at the last sample before the outage began,
/// its peak, and the recovery time, from the end of the outage to the first sample at which the
/// backlog is back at or below its pre-fault level (NaN when it never got back before the run ended).
/// </summary>
public sealed record OutageRecovery(double BacklogBefore, double PeakBacklog, double RecoverySeconds)
{
    public static OutageRecovery Measure(IReadOnlyList<double> times, IReadOnlyList<double> backlog, double startSeconds, double endSeconds)
    {
        double before = 0, peak = 0;
        for (int i = 0; i < times.Count && times[i] <= startSeconds; i++) before = backlog[i];
        for (int i = 0; i < times.Count; i++)
        {
            if (times[i] < startSeconds) continue;
            peak = Math.Max(peak, backlog[i]);
            if (times[i] >= endSeconds && backlog[i] <= before) return new OutageRecovery(before, peak, times[i] - endSeconds);
        }
        return new OutageRecovery(before, peak, double.NaN);
    }
}
