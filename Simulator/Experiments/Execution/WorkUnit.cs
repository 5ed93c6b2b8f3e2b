using HacaSim.Randomness;
using HacaSim.Scenarios;

namespace HacaSim.Experiments.Execution;

/// <summary>
/// One replication of one case of an experiment (a variant of a comparison, a point of a sweep), keyed
/// "CASE/replication/i". Its random streams derive from the run seed and the replication index only, so
/// replication i of every case draws the same arrivals and services: common random numbers. An
/// experiment is a list of units, run by <see cref="WorkUnitRunner"/>, then merged; a shard is a slice of the list.
/// </summary>
public sealed record WorkUnit(string Key, int Case, int Replication, Scenario Scenario)
{
    /// <summary>The unit's streams: <c>RandomStreams(seed).ForReplication(i)</c>, as <c>hacasim run</c> uses, whatever the case.</summary>
    public RandomStreams Streams() => new RandomStreams(Scenario.Run.Seed).ForReplication(Replication);

    /// <summary>Units for each case x replication, in case-major order.</summary>
    public static IReadOnlyList<WorkUnit> For(IReadOnlyList<(string Name, Scenario Scenario)> cases) =>
        cases.SelectMany((c, i) => Enumerable.Range(0, c.Scenario.Run.Replications)
            .Select(r => new WorkUnit($"{c.Name}/replication/{r}", i, r, c.Scenario))).ToList();
}
