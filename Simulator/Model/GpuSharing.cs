using HacaSim.Engine;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// How a node that runs both inference and ZKML proofs shares its GPU between them (<c>pools.P.sharing</c>),
/// as the kernel's <see cref="SharingRules"/> and per-class rates: inference is the primary class, proofs
/// the secondary one. A proof's work is its time with the GPU to itself; S is the node's places (its slots,
/// or the batch size of a continuous-batching node).
/// <list type="bullet">
/// <item>Slot modes (fifo, inference_first, preemptive, reserved): a proof holds one of the S places and so
/// gets 1/S of the GPU (or 1/proof_slot_factor with the deprecated key), whatever else runs; inference runs
/// as it would without proofs (one slot each, or the batch's law counting the proof's place as a member).</item>
/// <item>processor: the node's throughput is divided among its jobs. Without batching the node has S
/// slot-units; each job gets an equal share, an inference job at most one slot (it cannot run faster than
/// alone) and the proofs what is left, so an otherwise idle node proves at full speed. With batching the GPU
/// time is split equally among the batch (one consumer) and each proof.</item>
/// </list>
/// </summary>
public sealed class GpuSharing
{
    private readonly ContinuousBatching? _batching;
    private readonly double _proofSlotFactor;

    public GpuSharing(SharingConfig config, int poolSlots, ContinuousBatching? batching)
    {
        Config = config;
        _batching = batching;
        Places = batching?.MaxBatch ?? poolSlots;
        _proofSlotFactor = config.ProofSlotFactor ?? Places;
        int s = Places;
        Rules = config.Mode switch
        {
            SharingMode.Fifo => new SharingRules(AdmissionOrder.Fifo, false, s, s, s, s),
            SharingMode.InferenceFirst => new SharingRules(AdmissionOrder.PrimaryFirst, false, s, s, s, s),
            SharingMode.Preemptive => new SharingRules(AdmissionOrder.PrimaryFirst, true, s, s, s, s),
            // The loader keeps 1 <= K < slots; a batch smaller than the slots still leaves inference one place.
            SharingMode.Reserved => new SharingRules(AdmissionOrder.Independent, false, s, s, Math.Max(1, s - config.ReservedSlots),
                Math.Min(config.ReservedSlots, s)),
            // Processor sharing admits every proof; inference keeps its batch limit on a batching node.
            SharingMode.Processor => new SharingRules(AdmissionOrder.Independent, false, s, int.MaxValue,
                batching is null ? int.MaxValue : s, int.MaxValue),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Mode, "unknown sharing mode"),
        };
    }

    public SharingConfig Config { get; }

    /// <summary>Places per node: the slots, or a batching node's batch size.</summary>
    public int Places { get; }

    public SharingRules Rules { get; }

    /// <summary>Work per second of each inference job and of each proof with this many of each in service.</summary>
    public (double Inference, double Proof) Rates(int inference, int proofs)
    {
        if (Config.Mode != SharingMode.Processor)
        {
            double sequence = _batching is null ? 1 : _batching.RatePerSequence(Math.Max(1, inference + proofs));
            return (sequence, 1 / _proofSlotFactor);
        }
        if (_batching is not null)
        {
            double share = 1.0 / (proofs + (inference > 0 ? 1 : 0));
            return (inference > 0 ? _batching.RatePerSequence(inference) * share : 0, share);
        }
        double s = Places;
        double perInference = Math.Min(1, s / (inference + proofs));
        double perProof = proofs > 0 ? (s - inference * perInference) / (proofs * s) : 0;
        return (perInference, perProof);
    }
}
