using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>The run console explains utilisation beside rho on batching pools, and only there.</summary>
public class ConsoleBatchingNoteTests
{
    [Test]
    public void A_batching_pool_gets_a_note_on_utilisation_beside_rho_and_a_network_without_one_does_not()
    {
        var batching = CliRun.Execute("run", RepositoryPaths.Scenario("baseline.yaml"), "--duration", "300", "--warmup", "30", "--replications", "1",
            "--out", TestScratch.NewPath("batching-note"));
        var plain = CliRun.Execute("run", RepositoryPaths.Scenario("validation/mmc.yaml"), "--duration", "300", "--warmup", "30", "--replications", "1",
            "--out", TestScratch.NewPath("no-batching-note"));
        Assert.Multiple(() =>
        {
            Assert.That(batching.ExitCode, Is.EqualTo(0), batching.Stderr);
            Assert.That(batching.Stdout, Does.Contain("note: inference batches: utilisation is busy slots / slots, rho is the share of the pool's full-batch throughput"));
            Assert.That(plain.Stdout, Does.Not.Contain("batches: utilisation"));
        });
    }
}
