using System.Runtime.CompilerServices;
using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Policies;

/// <summary>
/// Each request's path drawn from its class's fixed weights (the scenario's <c>paths:</c>), from the
/// policy's own stream, so the draw does not disturb arrivals or service times.
/// </summary>
public sealed class StaticMixPolicy(Random rng) : IPathPolicy
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathDecision Choose(Request request, INetworkView network)
    {
        ReadOnlySpan<double> weights = request.Class.PathWeights;
        double total = 0;
        foreach (double w in weights) total += w;
        double u = Draw.Unit(rng) * total;
        int last = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue;
            last = i;
            u -= weights[i];
            if (u < 0) break;
        }
        return new PathDecision((VerificationPath)last, "static_mix");
    }
}
