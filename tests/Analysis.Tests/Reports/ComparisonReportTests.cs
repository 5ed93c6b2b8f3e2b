using HacaSim.Analysis.Reports;
using HacaSim.Tests.Output;

namespace HacaSim.Tests.Reports;

/// <summary>The comparison report as a reviewer reads it: numbers without E-notation, captions in words.</summary>
public class ComparisonReportTests
{
    [Test]
    public void Tiny_differences_are_written_with_powers_of_ten_and_captions_name_the_metric_in_words()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(ExperimentReport.ComparisonFile), """
            metric,variant,replications,mean,ci95,diff_mean,diff_ci95,diff_ci95_unpaired
            paths.zkml.result_latency_s,base,3,0.051,0.034,,,
            paths.zkml.result_latency_s,other,3,0.051,0.034,3.62E-05,0.000193,0.0002
            """.Replace("\r", ""));
        File.WriteAllBytes(dir.File("compare_diff_paths_zkml_result_latency_s.png"), []);
        File.WriteAllBytes(dir.File("compare_pools_prover_utilization.png"), []);

        Assert.That(ExperimentReport.Write(dir.Path), Is.True);
        string md = File.ReadAllText(dir.File("report.md"));
        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("3.62×10⁻⁵ ± 0.000193"));
            Assert.That(md, Does.Not.Match("[0-9]E-[0-9]"));
            Assert.That(md, Does.Contain("![ZKML mean result latency: paired difference"));
            Assert.That(md, Does.Contain("![Prover utilisation per variant:"));
        });
    }
}
