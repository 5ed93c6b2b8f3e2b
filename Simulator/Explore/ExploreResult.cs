namespace HacaSim.Explore;

/// <summary>An explore, finished: its design, every sample's outputs, the sensitivities and the verdict probabilities.</summary>
public sealed record ExploreResult(
    string Scenario,
    ExploreDesign Design,
    int Replications,
    IReadOnlyList<ExploreSample> Samples,
    IReadOnlyList<string> SensitivityOutputs,
    IReadOnlyList<SensitivityRow> Sensitivity,
    IReadOnlyList<VerdictRow> Verdicts,
    double? LagThresholdSeconds,
    (string A, string B)? Phase);
