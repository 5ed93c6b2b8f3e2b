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
