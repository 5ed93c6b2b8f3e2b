using System.Globalization;
using HacaSim.Tests.Experiments;
using HacaSim.Tests.Scenarios;

namespace HacaSim.Tests.Cli;

/// <summary>requests.csv reproduces summary.json: the rows with counted = true give each path's count and means.</summary>
public class RequestsCsvTests
{
    [Test]
    public void Summary_per_path_counts_and_means_are_recomputed_from_requests_csv()
    {
        var run = CliRun.Run(RepositoryPaths.Scenario("baseline.yaml"), "--duration", "1200", "--log-requests");
        var rows = ExperimentRun.Csv(run, "requests.csv");
        var summary = run.Summary.GetProperty("paths");
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        Assert.That(rows.Select(r => r["counted"]).Distinct(), Is.SubsetOf(new[] { "true", "false" }));
        foreach (var path in summary.EnumerateObject())
        {
            var counted = rows.Where(r => r["counted"] == "true" && r["path"] == path.Name).ToList();
            Assert.That(counted.Count, Is.EqualTo(path.Value.GetProperty("count").GetInt64()), $"{path.Name} count");
            foreach (var (column, key) in new[] { ("result_latency_s", "result_latency_s"), ("proof_lag_s", "proof_lag_s"), ("time_to_trust_s", "time_to_trust_s") })
            {
                var values = counted.Where(r => r[column].Length > 0).Select(r => D(r[column])).ToList();
                if (values.Count == 0) continue;
                double mean = path.Value.GetProperty(key).GetProperty("mean").GetDouble();
                Assert.That(values.Average(), Is.EqualTo(mean).Within(1e-9 * Math.Max(1, mean)), $"{path.Name} {key}");
            }
        }
    }

    [Test]
    public void Summary_per_class_time_to_trust_and_share_over_deadline_are_recomputed_from_requests_csv()
    {
        // Verifier churn: the chat class has deadline_s 120 and outages push some of it past.
        var run = CliRun.Run(RepositoryPaths.Scenario(Path.Combine("faults", "verifier-churn.yaml")), "--duration", "1800", "--replications", "1", "--log-requests");
        var rows = ExperimentRun.Csv(run, "requests.csv");
        var classes = run.Summary.GetProperty("classes");
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        Assert.That(classes.EnumerateObject().Count(), Is.GreaterThan(1));
        foreach (var c in classes.EnumerateObject())
        {
            var counted = rows.Where(r => r["counted"] == "true" && r["request_class"] == c.Name).ToList();
            var trust = counted.Where(r => r["outcome"] == "settled" && r["time_to_trust_s"].Length > 0).Select(r => D(r["time_to_trust_s"])).Order().ToList();
            JsonElementAssert(c.Value, counted.Count, trust, c.Name);
        }

        static void JsonElementAssert(System.Text.Json.JsonElement c, int count, List<double> trust, string name)
        {
            Assert.Multiple(() =>
            {
                Assert.That(c.GetProperty("count").GetInt64(), Is.EqualTo(count), $"{name} count");
                Assert.That(c.GetProperty("settled").GetInt64(), Is.EqualTo(trust.Count), $"{name} settled");
                var ttt = c.GetProperty("time_to_trust_s");
                Assert.That(trust.Average(), Is.EqualTo(ttt.GetProperty("mean").GetDouble()).Within(1e-9 * trust.Average()), $"{name} mean");
                // The p99 comes from a quantile sketch with three significant digits; the exact one is the 99th percentile of the rows.
                double exact = trust[(int)Math.Ceiling(0.99 * trust.Count) - 1];
                Assert.That(ttt.GetProperty("p99").GetDouble(), Is.EqualTo(exact).Within(0.01 * exact), $"{name} p99");
                if (c.GetProperty("deadline_s").ValueKind == System.Text.Json.JsonValueKind.Number)
                {
                    double deadline = c.GetProperty("deadline_s").GetDouble();
                    double share = trust.Count(t => t > deadline) / (double)trust.Count;
                    Assert.That(c.GetProperty("over_deadline_share").GetProperty("mean").GetDouble(), Is.EqualTo(share).Within(1e-12), $"{name} over deadline");
                }
                else Assert.That(c.GetProperty("over_deadline_share").GetProperty("mean").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            });
        }
    }
}
