using HacaSim.Randomness;

namespace HacaSim.Model;

/// <summary>
/// An LLM answer from an external provider (through a TEE gateway): time to first token, then one time per
/// output token, both drawn once per request (measurement pages report per-request time to first token and
/// mean output speed). The result is the provider's time alone; the gateway adds its rate-limit wait, enclave
/// overhead and signature (<see cref="ProviderGateway"/>).
/// </summary>
public sealed class ProviderInference(IDistribution ttftSeconds, IDistribution tpotSeconds, IDistribution outputTokens) : IInferenceCost
{
    public double Draw(Request request)
    {
        // Draw every stream always, so that a trace's token counts do not shift them for later requests.
        int output = Math.Max(1, (int)Math.Round(outputTokens.Sample()));
        double ttft = ttftSeconds.Sample();
        double tpot = tpotSeconds.Sample();
        if (request.OutputTokens < 0) request.OutputTokens = output;
        return ttft + request.OutputTokens * tpot;
    }

    public double MeanSeconds => ttftSeconds.Mean + outputTokens.Mean * tpotSeconds.Mean;
}
