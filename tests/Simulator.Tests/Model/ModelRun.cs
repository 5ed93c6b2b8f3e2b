using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Model;

/// <summary>Runs one replication of a scenario text and keeps every request that ended (or was in flight at the end).</summary>
internal sealed class ModelRun : IRequestSink
{
    public List<Request> Requests { get; } = [];
    public ReplicationResult Result { get; private set; } = null!;

    public void Write(Request request) => Requests.Add(request);

    /// <param name="continuations">False: every zero-delay hand-off goes through the calendar (Simulation.TryContinueNow never says yes).</param>
    public static ModelRun Of(string yaml, ulong seed = 1, bool continuations = true)
    {
        var scenario = ScenarioLoader.LoadText(yaml, "test.yaml", []).Scenario;
        var run = new ModelRun();
        run.Result = new HacaNetwork(scenario, 0, new RandomStreams(seed).ForReplication(0), ScenarioCatalogs.Default, run, continuations).Run();
        return run;
    }
}
