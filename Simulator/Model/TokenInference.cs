using HacaSim.Randomness;

namespace HacaSim.Model;

/// <summary>
/// LLM inference on one (model, GPU) pair: time to first token = prompt tokens / prefill rate, then one
/// decode step per output token. Token counts come from the arrival (trace replay) or are drawn.
/// </summary>
public sealed class TokenInference(double prefillTokensPerSecond, double decodeSecondsPerToken, IDistribution promptTokens,
    IDistribution outputTokens) : IInferenceCost
{
    public double Draw(Request request)
    {
        // Draw both always, so that a trace's token counts do not shift the stream for later requests.
        int prompt = Tokens(promptTokens.Sample());
        int output = Tokens(outputTokens.Sample());
        if (request.PromptTokens < 0) request.PromptTokens = prompt;
        if (request.OutputTokens < 0) request.OutputTokens = output;
        return request.PromptTokens / prefillTokensPerSecond + request.OutputTokens * decodeSecondsPerToken;
    }

    public double MeanSeconds => promptTokens.Mean / prefillTokensPerSecond + outputTokens.Mean * decodeSecondsPerToken;

    private static int Tokens(double x) => Math.Max(1, (int)Math.Round(x));
}
