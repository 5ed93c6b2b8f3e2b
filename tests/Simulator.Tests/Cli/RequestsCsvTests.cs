using System.Globalization;
using HacaSim.Scenarios;
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
}
