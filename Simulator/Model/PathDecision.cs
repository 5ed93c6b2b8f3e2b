using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// A path policy's choice for one request, with the reason recorded in requests.csv. <see cref="Wanted"/> is
/// the path the policy would have chosen on an idle network, when load made it choose another: a
/// downgrade when <see cref="Path"/> is weaker (counted in summary.json, "downgrades").
/// </summary>
public readonly record struct PathDecision(VerificationPath Path, string Reason, VerificationPath? Wanted = null)
{
    public bool IsDowngrade => Wanted is { } w && (int)Path > (int)w; // weaker trust: paths are ordered strongest first (TrustOrder.IsWeaker)
}
