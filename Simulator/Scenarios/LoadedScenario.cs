namespace HacaSim.Scenarios;

/// <summary>
/// A loaded scenario with the YAML that produced it after parameters and overrides were resolved
/// (written next to every result: loading <see cref="ResolvedYaml"/> again gives the same scenario).
/// </summary>
public sealed record LoadedScenario(Scenario Scenario, string ResolvedYaml, string SourcePath)
{
    /// <summary>Accepted but deprecated input ("file:line:col: field: message"), for the commands to print on stderr.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Declared parameters that nothing in the resolved scenario refers to (every <c>${NAME}</c> was replaced by an override, or there was none).</summary>
    public IReadOnlyList<string> UnusedParameters { get; init; } = [];
}
