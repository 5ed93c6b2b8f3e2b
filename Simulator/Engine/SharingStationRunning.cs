namespace HacaSim.Engine;

/// <summary>
/// A job in service on a <see cref="SharingStation{TJob}"/>: when it started, how long it had waited, the resource it
/// holds, and when it finishes on its class's virtual clock; <see cref="Sequence"/> (one counter per station, one value
/// per start or resumption) breaks ties between equal finishes, oldest start first.
/// </summary>
/// <remarks>
/// A struct, kept inside <see cref="SharingStationInService{TJob}"/>'s array: a record class per start and a SortedSet
/// node around it were ~130 bytes per job started on every GPU of baseline.yaml (issue 19: most of a run's allocation
/// after the requests themselves, and the gen-0 collections that stop every replication thread).
/// </remarks>
internal readonly record struct SharingStationRunning<TJob>(TJob Job, double StartSeconds, double WaitSeconds, double Demand, double Finish, long Sequence)
    where TJob : class
{
    /// <summary>The order of a class's jobs in service: earliest finish first, then the earlier start (the old SortedSet's comparer).</summary>
    public static int Compare(in SharingStationRunning<TJob> a, in SharingStationRunning<TJob> b)
    {
        int c = a.Finish.CompareTo(b.Finish);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }
}
