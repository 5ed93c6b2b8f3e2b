using HacaSim.Model;
using HacaSim.Randomness;
using HacaSim.Scenarios;
using MathNet.Numerics.Statistics;

namespace HacaSim.Tests.Model;

/// <summary>Node faults, outages, timeouts and the interrupt rules, on small scenarios whose outcome can be worked out by hand.</summary>
public class FaultTests
{
    /// <summary>
    /// One request per second (deterministic), 0.1 s inference on a 4-slot node, 0.5 s verification on
    /// one single-slot verifier, instant settlement, no hop latency, sampled every second.
    /// </summary>
    private static string Deterministic(string faults, string extraClass = "") => $$"""
        name: faults-det
        run: {duration_s: 1500, warmup_s: 0, seed: 1, sample_interval_s: 1}
        traffic:
          arrival: {process: deterministic, interval_s: 1}
          classes:
            - name: job
              inference_s: 0.1
              paths: {vanilla: 1}
        {{extraClass}}
        pools:
          inference: {nodes: 1, slots: 4}
          verification: {nodes: 1, slots: 1}
        roles: {inference: inference, verification: verification, data: inference}
        paths:
          vanilla: {sign_s: 0, verify_s: 0.5}
        verification: {replication: 1}
        settlement: {mode: instant}
        network: {hop_latency_s: 0}
        {{faults}}
        """;

    private static ReplicationResult Run(string yaml) => ModelRun.Of(yaml).Result;

    private static void AssertConserved(ReplicationResult r) =>
        Assert.That(r.Metrics.Settled + r.Metrics.Failed + r.Metrics.InFlight, Is.EqualTo(r.Metrics.Arrived));

    [Test]
    public void A_verifier_outage_builds_a_backlog_that_drains_in_the_hand_calculated_time()
    {
        // Down for D = 100 s: the 100 requests arriving meanwhile wait. Back up, the verifier serves 2/s
        // while 1/s keeps arriving, so the backlog of 100 drains at 1/s: recovery = lambda D / (mu - lambda) = 100 s.
        var r = Run(Deterministic("""
            faults:
              outages:
                - {pool: verification, start_s: 1000, duration_s: 100}
            """));
        var outage = r.Outages!.Single();
        TestContext.Out.WriteLine($"before {outage.BacklogBefore}, peak {outage.PeakBacklog}, recovery {outage.RecoverySeconds} s");
        Assert.Multiple(() =>
        {
            Assert.That(outage.BacklogBefore, Is.EqualTo(0));
            Assert.That(outage.PeakBacklog, Is.EqualTo(100).Within(1));
            Assert.That(outage.RecoverySeconds, Is.EqualTo(100).Within(1));
            Assert.That(r.Metrics.Failed, Is.EqualTo(0), "nothing is lost: held requests wait for the verifier");
            Assert.That(r.Pools.Single(p => p.Name == "verification").Availability, Is.EqualTo(1 - 100.0 / 1500).Within(1e-9));
            AssertConserved(r);
        });
    }

    [Test]
    public void Interrupted_work_is_retried_up_to_the_limit_then_failed_with_a_reason()
    {
        // Verification takes 0.5 s; the verifier goes down every 0.3 s into a job, so with no retry allowed
        // the interrupted request fails, and with retries it gets through after the node is back.
        const string outages = """
              outages:
                - {pool: verification, start_s: 100.4, duration_s: 5}
            """;
        var failFast = Run(Deterministic("faults:\n  on_interrupt: retry\n  max_retries: 0\n" + outages));
        var retried = Run(Deterministic("faults:\n  on_interrupt: retry\n  max_retries: 3\n  retry_backoff_s: 1\n" + outages));
        var failRule = Run(Deterministic("faults:\n  on_interrupt: fail\n" + outages));
        Assert.Multiple(() =>
        {
            // The request that arrived at t = 100 is in verification on [100.1, 100.6) when the node goes down.
            Assert.That(failFast.Metrics.FailedByReason, Is.EqualTo(new Dictionary<string, long> { ["node_fault_verification"] = 1 }));
            Assert.That(failRule.Metrics.FailedByReason, Is.EqualTo(new Dictionary<string, long> { ["node_fault_verification"] = 1 }));
            Assert.That(retried.Metrics.Failed, Is.EqualTo(0));
            Assert.That(retried.Metrics.InterruptedJobs, Is.EqualTo(1));
            Assert.That(retried.Metrics.WorkLostSeconds, Is.EqualTo(0.3).Within(1e-9));
            Assert.That(retried.Metrics.Retries, Is.GreaterThanOrEqualTo(1));
            AssertConserved(failFast);
            AssertConserved(retried);
        });
    }

    [Test]
    public void A_TEE_vendor_outage_makes_TEE_requests_fall_back_and_counts_them_as_downgrades()
    {
        string yaml = Deterministic("""
            faults:
              on_interrupt: fallback
              fallback: {tee: vanilla}
              outages:
                - {tee_vendor: true, start_s: 500, duration_s: 200}
            """).Replace("paths: {vanilla: 1}", "paths: {tee: 1}").Replace("inference: {nodes: 1, slots: 4}", "inference: {nodes: 2, slots: 4, tee_capable: 1}")
            .Replace("vanilla: {sign_s: 0, verify_s: 0.5}", "vanilla: {sign_s: 0, verify_s: 0.5}\n  tee: {attest_s: 0, verify_s: 0.5}");
        var run = ModelRun.Of(yaml);
        var (r, ended) = (run.Result, run.Requests);
        Assert.Multiple(() =>
        {
            // Arrivals at 500..699 find no TEE node up and switch to vanilla; the rest stay on TEE.
            Assert.That(r.Metrics.Fallbacks, Is.EqualTo(new Dictionary<string, long> { ["tee->vanilla"] = 200 }));
            Assert.That(r.Metrics.Downgrades["tee->vanilla"], Is.EqualTo(200));
            Assert.That(ended.Where(q => q.Path == VerificationPath.Vanilla).Select(q => q.ArrivalSeconds),
                Is.EqualTo(Enumerable.Range(500, 200).Select(t => (double)t)));
            Assert.That(r.Metrics.Failed, Is.EqualTo(0));
            AssertConserved(r);
        });
    }

    [Test]
    public void A_class_timeout_fails_requests_whose_answer_is_late()
    {
        // The inference node is down for 30 s; requests whose answer would come more than 10 s late time out.
        string yaml = Deterministic("""
            faults:
              outages:
                - {pool: inference, start_s: 200, duration_s: 30}
            """).Replace("      paths: {vanilla: 1}", "      paths: {vanilla: 1}\n      timeout_s: 10");
        var r = Run(yaml);
        Assert.Multiple(() =>
        {
            // The node is back at 230 and answers 0.1 s later: arrivals at 200..220 would answer after
            // arrival + 10 s (220 answers at 230.1) and time out; 221..229 are answered in time.
            Assert.That(r.Metrics.FailedByReason["timeout"], Is.EqualTo(21));
            Assert.That(r.Metrics.FailedByReason.Keys, Is.EqualTo(new[] { "timeout" }));
            AssertConserved(r);
        });
    }

    [Test]
    public void A_failing_data_source_fails_fetches_in_its_window_only()
    {
        string yaml = Deterministic("""
            faults:
              on_interrupt: fail
              data_source: {start_s: 300, duration_s: 100, failure_probability: 1}
            """).Replace("      paths: {vanilla: 1}", "      paths: {vanilla: 1}\n      needs_data: 1");
        var r = Run(yaml);
        Assert.Multiple(() =>
        {
            // Fetches starting in [300, 400) fail: the arrivals at 300..399 (fetches start on arrival, no hop).
            Assert.That(r.Metrics.FailedByReason, Is.EqualTo(new Dictionary<string, long> { ["data_source_failure"] = 100 }));
            AssertConserved(r);
        });
    }

    [Test]
    public void Random_failures_keep_every_request_accounted_for_and_availability_near_its_expected_value()
    {
        // MTBF 300 s, MTTR 100 s on each of 4 verifiers: availability 300 / 400 = 0.75.
        string yaml = Deterministic("""
            faults:
              on_interrupt: retry
              max_retries: 10
              retry_backoff_s: 0.2
              node_failures:
                verification: {mtbf_s: {dist: exponential, mean: 300}, mttr_s: {dist: exponential, mean: 100}}
            """).Replace("verification: {nodes: 1, slots: 1}", "verification: {nodes: 4, slots: 1}")
            .Replace("duration_s: 1500", "duration_s: 40000");
        var r = Run(yaml);
        double availability = r.Pools.Single(p => p.Name == "verification").Availability;
        TestContext.Out.WriteLine($"availability {availability:F3}, interrupted {r.Metrics.InterruptedJobs}, failed {r.Metrics.Failed}");
        Assert.Multiple(() =>
        {
            // 4 nodes x 40,000 s / 400 s per cycle = 400 cycles: the mean of 400 up-fractions has SE ~0.01.
            Assert.That(availability, Is.EqualTo(0.75).Within(0.05));
            Assert.That(r.Metrics.InterruptedJobs, Is.GreaterThan(10));
            AssertConserved(r);
        });
    }

    /// <summary>MTBF and MTTR laws of every kind the catalog has, as a scenario writes them, with their exact means.</summary>
    private static IEnumerable<TestCaseData> RenewalLaws()
    {
        var rng = new Random(0);
        TestCaseData Law(string name, string up, string down, IDistribution u, IDistribution d) =>
            new TestCaseData(up, down, u.Mean / (u.Mean + d.Mean)).SetArgDisplayNames(name);
        yield return Law("exponential", "{dist: exponential, mean: 300}", "{dist: exponential, mean: 100}",
            Distributions.Exponential(300, rng), Distributions.Exponential(100, rng));
        yield return Law("deterministic", "{dist: deterministic, value: 300}", "{dist: deterministic, value: 100}",
            Distributions.Deterministic(300), Distributions.Deterministic(100));
        yield return Law("uniform", "{dist: uniform, min: 100, max: 500}", "{dist: uniform, min: 50, max: 150}",
            Distributions.Uniform(100, 500, rng), Distributions.Uniform(50, 150, rng));
        yield return Law("lognormal", "{dist: lognormal, mean: 300, cv: 1.5}", "{dist: lognormal, mean: 100, cv: 0.5}",
            Distributions.LogNormalFromMeanCv(300, 1.5, rng), Distributions.LogNormalFromMeanCv(100, 0.5, rng));
        yield return Law("gamma", "{dist: gamma, mean: 300, cv: 2}", "{dist: gamma, mean: 100, cv: 0.5}",
            Distributions.GammaFromMeanCv(300, 2, rng), Distributions.GammaFromMeanCv(100, 0.5, rng));
        yield return Law("weibull", "{dist: weibull, shape: 2, scale: 300}", "{dist: weibull, shape: 0.8, scale: 100}",
            Distributions.Weibull(2, 300, rng), Distributions.Weibull(0.8, 100, rng));
        yield return Law("normal", "{dist: normal, mean: 300, sd: 100}", "{dist: normal, mean: 100, sd: 80}",
            Distributions.Normal(300, 100, rng), Distributions.Normal(100, 80, rng));
        yield return Law("empirical", "{dist: empirical, values: [100, 200, 600]}", "{dist: empirical, values: [50, 150]}",
            Distributions.Empirical([100, 200, 600], rng), Distributions.Empirical([50, 150], rng));
    }

    [TestCaseSource(nameof(RenewalLaws))]
    public void Availability_from_time_zero_is_MTBF_over_MTBF_plus_MTTR(string mtbf, string mttr, double expected)
    {
        // Exact result: a node whose up/down renewal process is in its stationary state is up at every instant
        // with probability MTBF/(MTBF+MTTR), so its time-averaged availability over any window from t = 0 has
        // that mean. The window (200 s) is half a mean cycle: a node that started up (the old start) would be
        // available ~0.84 of it with exponential laws and all of it with deterministic ones. 50 nodes x 20 seeds;
        // the tolerance is the 99% Student-t interval of the 20 seeds' pool availabilities.
        string yaml = Deterministic($$"""
            faults:
              on_interrupt: retry
              max_retries: 100
              node_failures:
                verification: {mtbf_s: {{mtbf}}, mttr_s: {{mttr}}}
            """).Replace("verification: {nodes: 1, slots: 1}", "verification: {nodes: 50, slots: 1}")
            .Replace("duration_s: 1500", "duration_s: 200");
        const int seeds = 20;
        double[] availability = Enumerable.Range(1, seeds)
            .Select(seed => ModelRun.Of(yaml, (ulong)seed).Result.Pools.Single(p => p.Name == "verification").Availability).ToArray();
        double mean = availability.Mean();
        double ci99 = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, seeds - 1, 0.995) * availability.StandardDeviation() / Math.Sqrt(seeds);
        TestContext.Out.WriteLine($"availability {mean:F4} +/- {ci99:F4} (99%), expected {expected:F4}");
        Assert.That(mean, Is.EqualTo(expected).Within(ci99));
    }
}
