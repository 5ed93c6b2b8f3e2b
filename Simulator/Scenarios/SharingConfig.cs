namespace HacaSim.Scenarios;

/// <summary>How a node that runs both inference and ZKML proofs shares its GPU between them (<c>pools.P.sharing</c>).</summary>
public enum SharingMode
{
    /// <summary>One line in arrival order; a proof holds one slot at 1/slots of the GPU.</summary>
    Fifo,

    /// <summary>Waiting inference starts before any waiting proof (non-preemptive priority); a proof holds one slot.</summary>
    InferenceFirst,

    /// <summary>Inference that finds no slot takes one from a running proof, which resumes later where it stopped.</summary>
    Preemptive,

    /// <summary>K slots only for proofs, the others only for inference.</summary>
    Reserved,

    /// <summary>The node's throughput divided among its jobs: an otherwise idle node proves at full speed.</summary>
    Processor,
}

/// <summary>Whether a pool's waiting jobs queue at each node or in one line for the whole pool (<c>pools.P.queue</c>).</summary>
public enum PoolQueue
{
    /// <summary>The dispatcher picks a node on arrival and the job waits in that node's queue.</summary>
    PerNode,

    /// <summary>One queue for the pool: a job waits there until a slot frees on any eligible node (M/M/c).</summary>
    Central,
}

/// <param name="ReservedSlots">Slots only for proofs (mode Reserved), 0 otherwise.</param>
/// <param name="ProofSlotFactor">
/// How many times slower a proof runs in one slot than with the GPU to itself; null: the node's slots
/// (a proof holds one slot of them). Set only through the deprecated <c>proof_slot_factor</c> key.
/// </param>
public sealed record SharingConfig(SharingMode Mode, int ReservedSlots, double? ProofSlotFactor);
