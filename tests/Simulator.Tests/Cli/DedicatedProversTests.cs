using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>
/// Scenarios/dedicated-provers.yaml is the network baseline.yaml described before it became HACA as documented
/// (proofs on the inference nodes): its summary.json must stay byte for byte what the old baseline wrote
/// (results/example/summary.json at commit 6b14f82, with the scenario's name changed). A change that moves it is a
/// model change, and the fixture beside this file must be regenerated on purpose.
/// </summary>
public class DedicatedProversTests
{
    [Test]
    public void Dedicated_provers_reproduces_the_old_baseline_summary_exactly()
    {
        var run = CliRun.Run(RepositoryPaths.Scenario("dedicated-provers.yaml"));
        string expected = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Simulator.Tests", "Cli", "dedicated-provers.summary.json"));
        Assert.That(File.ReadAllText(Path.Combine(run.OutDir, "summary.json")), Is.EqualTo(expected));
    }
}
