using HacaSim.Randomness;

namespace HacaSim.Model;

/// <summary>
/// What a tee_gateway pool adds to a provider's answer: the provider's rate limit, the enclave's overhead and
/// the response signature. The limit is one per pool (one provider account): a call is admitted at most
/// 1 / provider_rps after the previous one, in the order the gateway's slots start them, so the limiter is a
/// FIFO queue with deterministic service 1 / provider_rps (with Poisson calls, M/D/1: Pollaczek-Khinchine).
/// A call holds its node slot while it waits: the enclave keeps the client's connection open. The enclave
/// overhead (vsock proxying, TLS inside the enclave, both ways) is counted after admission: the total is the
/// same sum, and the limiter then sees calls exactly in start order.
/// </summary>
public sealed class ProviderGateway(double providerRps, IDistribution enclaveOverheadSeconds, IDistribution signSeconds)
{
    private readonly double _spacingSeconds = 1 / providerRps;
    private double _nextAdmissionSeconds = double.NegativeInfinity;

    /// <summary>A call starting now on a gateway slot: the limiter's wait, then the provider, the enclave and the signature.</summary>
    public double CallSeconds(Request request, double now)
    {
        double admitted = Math.Max(now, _nextAdmissionSeconds);
        _nextAdmissionSeconds = admitted + _spacingSeconds;
        return admitted - now + request.InferenceWorkSeconds + enclaveOverheadSeconds.Sample() + signSeconds.Sample();
    }

    /// <summary>A call's expected slot time without reserving an admission (for queued-work estimates).</summary>
    public double ExpectedCallSeconds(Request request) => request.InferenceWorkSeconds + enclaveOverheadSeconds.Mean + signSeconds.Mean;
}
