using HacaSim.Model;
using HacaSim.Policies;

namespace HacaSim.Tests.Policies;

/// <summary>A network view whose numbers a test sets, so a policy can be tested alone.</summary>
internal sealed class FakeNetworkView : INetworkView
{
    public double Now { get; set; }
    public int ProofBacklog { get; set; }
    public int VerificationBacklog { get; set; }
    public int SettlementBacklog { get; set; }
    public bool TeeServed { get; set; } = true;
    public double[] TimeToTrust { get; set; } = [600, 3, 60, 2];
    public double[] Cost { get; set; } = [10, 3, 2.1, 2];

    public double Utilization(string pool) => 0;
    public bool CanServe(VerificationPath path) => path != VerificationPath.Tee || TeeServed;
    public double PredictedProofLagSeconds(Request request, VerificationPath path, bool idle = false) => TimeToTrust[(int)path];

    /// <summary>The numbers set, under load; at most 3 s for any path on an idle network.</summary>
    public double PredictedTimeToTrustSeconds(Request request, VerificationPath path, bool idle = false) => idle ? Math.Min(TimeToTrust[(int)path], 3) : TimeToTrust[(int)path];
    public double RecentProofLagSeconds(VerificationPath path) => double.NaN;
    public PathCost ExpectedCost(Request request, VerificationPath path) => new(Cost[(int)path], 0);
    public double[] Fee { get; set; } = [0, 0, 0, 0];
    public double ExpectedFeeUsd(Request request, VerificationPath path) => Fee[(int)path];
}
