namespace HacaSim.Engine;

/// <summary>
/// How two classes of jobs share one station: the admission order, whether a primary job that finds no
/// place preempts a secondary one (which resumes later where it stopped: preemptive-resume), and the
/// places: at most <see cref="MaxInService"/> jobs in service, of which at most <see cref="MaxPrimary"/>
/// primary and <see cref="MaxSecondary"/> secondary (int.MaxValue: no bound, as in processor sharing).
/// <see cref="Servers"/> is what utilisation is measured against.
/// </summary>
public sealed record SharingRules(AdmissionOrder Order, bool Preempt, int Servers, int MaxInService, int MaxPrimary, int MaxSecondary)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Servers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInService, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPrimary, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSecondary, 1);
        if (Preempt && Order != AdmissionOrder.PrimaryFirst)
            throw new ArgumentException("Preemption needs the primary-first order: a preempted job must not restart before the primary that displaced it.");
    }
}
