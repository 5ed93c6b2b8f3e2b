namespace HacaSim.Engine;

/// <summary>Which waiting job a <see cref="SharingStation{TJob}"/> admits next when a place frees.</summary>
public enum AdmissionOrder
{
    /// <summary>One line across both classes in arrival order; nothing overtakes a head that cannot start.</summary>
    Fifo,

    /// <summary>A waiting primary job before any secondary one (non-preemptive priority).</summary>
    PrimaryFirst,

    /// <summary>Each class its own line with its own places (reserved places, processor sharing).</summary>
    Independent,
}
