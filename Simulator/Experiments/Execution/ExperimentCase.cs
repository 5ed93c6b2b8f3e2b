using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Execution;

/// <summary>One case of an experiment (a variant, a grid point): its name, the overrides that make it, and the loaded scenario.</summary>
public sealed record ExperimentCase(string Name, IReadOnlyList<string> Overrides, LoadedScenario Loaded)
{
    /// <summary>Loads the scenario with the shared overrides then the case's own; problems name the case.</summary>
    public static ExperimentCase Load(ScenarioSource source, IReadOnlyList<string> shared, string name, IReadOnlyList<string> overrides)
    {
        try
        {
            return new ExperimentCase(name, overrides, source.With([.. shared, .. overrides]));
        }
        catch (InputException e) when (overrides.Count > 0)
        {
            IReadOnlyList<string> problems = e.Problems.Count > 0 ? e.Problems : [e.Message];
            throw new InputException(problems.Select(m => $"{name} ({string.Join(", ", overrides)}): {m}").ToList());
        }
    }
}
