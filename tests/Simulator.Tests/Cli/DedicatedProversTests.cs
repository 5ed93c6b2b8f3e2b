using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>
/// Scenarios/dedicated-provers.yaml is the network baseline.yaml described before it became HACA as documented
/// (proofs on the inference nodes): its summary.json must stay byte for byte what the old baseline wrote
/// (results/example/summary.json at commit 6b14f82, with the scenario's name changed, plus the "chain" section the
/// chain issue added, and the verdict, capacity, cost and per-class ("classes") keys of the capacity issue; every other key is as it was). A change that moves it is a model change, and the fixture
/// beside this file must be regenerated on purpose.
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

/// <summary>The deprecated <c>proof_slot_factor</c> pool key still works (FIFO sharing) and says what replaces it on stderr.</summary>
public class DeprecatedProofSlotFactorTests
{
    [Test]
    public void Proof_slot_factor_is_accepted_with_a_warning_on_stderr()
    {
        string path = TestScratch.NewPath("slot-factor") + ".yaml";
        File.WriteAllText(path, """
            traffic:
              arrival: {process: poisson, rate: 1}
              classes:
                - {name: job, inference_s: 0.1, paths: {zkml: 1} }
            paths: {zkml: {proof_s: 1}}
            pools:
              inference: {nodes: 1, slots: 8, proof_slot_factor: 8}
              verification: {nodes: 1, slots: 1}
            """);
        var run = CliRun.Execute("validate", path);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stderr, Does.Contain("warning: ").And.Contain(":7:").And.Contain("pools.inference.proof_slot_factor: deprecated; use sharing: fifo"));
        });
    }
}
