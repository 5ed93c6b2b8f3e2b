using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>
/// What a path policy may see of the network when it decides: read-only. Backlogs are counts now;
/// predictions combine the backlogs now with recently measured service times (see <c>Model/NetworkView</c>).
/// </summary>
public interface INetworkView
{
    double Now { get; }

    /// <summary>ZKML proofs waiting for or in generation.</summary>
    int ProofBacklog { get; }

    /// <summary>Verification jobs waiting for or in service.</summary>
    int VerificationBacklog { get; }

    /// <summary>Verified items not yet final.</summary>
    int SettlementBacklog { get; }

    /// <summary>Busy slots / slots of the named pool now (0 for an unknown pool).</summary>
    double Utilization(string pool);

    /// <summary>False for TEE when no inference node is TEE-capable.</summary>
    bool CanServe(VerificationPath path);

    /// <summary>
    /// Predicted result-to-final seconds for <paramref name="request"/> on <paramref name="path"/>; with
    /// <paramref name="idle"/>, as if every queue were empty (what the path costs on an unloaded network).
    /// </summary>
    double PredictedProofLagSeconds(Request request, VerificationPath path, bool idle = false);

    /// <summary>Predicted arrival-to-final seconds (result latency plus proof lag).</summary>
    double PredictedTimeToTrustSeconds(Request request, VerificationPath path, bool idle = false);

    /// <summary>Moving average of the proof lags measured on <paramref name="path"/> lately; NaN before the first.</summary>
    double RecentProofLagSeconds(VerificationPath path);

    /// <summary>Expected GPU- and CPU-seconds <paramref name="request"/> costs on <paramref name="path"/> (class means).</summary>
    PathCost ExpectedCost(Request request, VerificationPath path);

    /// <summary>
    /// The fee of <paramref name="request"/> on <paramref name="path"/> in dollars, from the scenario's <c>costs:</c>:
    /// <see cref="ExpectedCost"/>'s GPU- and CPU-seconds at the hourly prices plus the settled item's gas at the gas
    /// price; 0 without <c>costs:</c>.
    /// </summary>
    double ExpectedFeeUsd(Request request, VerificationPath path);
}
