using HacaSim.Analysis.Output;

namespace HacaSim.Tests.Output;

public class CsvColumnNamingTests
{
    [TestCase("TimeSeconds", "time_s")]
    [TestCase("MeanProofLagSeconds", "mean_proof_lag_s")]
    [TestCase("ArrivalSeconds", "arrival_s")]
    [TestCase("RequestClass", "request_class")]
    [TestCase("QueueLength", "queue_length")]
    [TestCase("Busy", "busy")]
    [TestCase("Id", "id")]
    [TestCase("P95Seconds", "p95_s")]
    [TestCase("Ci95", "ci95")]
    [TestCase("TeePoolSize", "tee_pool_size")]
    [TestCase("GPUCount", "gpu_count")]
    [TestCase("Seconds", "seconds")]
    [TestCase("SecondsQueued", "seconds_queued")]
    public void MapsPropertyNamesToSnakeCaseWithUnits(string propertyName, string expected) =>
        Assert.That(CsvColumnNaming.ToColumnName(propertyName), Is.EqualTo(expected));
}
