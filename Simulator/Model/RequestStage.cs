namespace HacaSim.Model;

/// <summary>The work a request is queued for or receiving on a node.</summary>
public enum RequestStage
{
    Data,
    Inference,
    Proof,
    Verify,

    /// <summary>Recursive aggregation of a ZK proof into its batch's proof (on-chain placement, aggregated batches).</summary>
    Aggregate,
}
