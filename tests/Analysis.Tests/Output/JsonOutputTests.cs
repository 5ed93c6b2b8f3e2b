using System.Text;
using System.Text.Json;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Statistics;

namespace HacaSim.Tests.Output;

public class JsonOutputTests
{
    [TestCase(0.1, "0.1")]
    [TestCase(2.0, "2")]
    [TestCase(-0.5, "-0.5")]
    [TestCase(1.0 / 3, "0.3333333333333333")]
    [TestCase(1e300, "1E+300")]
    [TestCase(5e-324, "5E-324")]
    [TestCase(double.NaN, "null")]
    [TestCase(double.PositiveInfinity, "null")]
    [TestCase(double.NegativeInfinity, "null")]
    [TestCase(null, "null")]
    public void NumbersAreShortestRoundTripAndNonFiniteIsNull(double? value, string expected)
    {
        string json = Render(writer => JsonOutput.WriteNumberOrNullValue(writer, value));

        Assert.That(json, Is.EqualTo(expected));
        if (value is { } v && double.IsFinite(v))
        {
            using var doc = JsonDocument.Parse(json);
            Assert.That(BitConverter.DoubleToInt64Bits(doc.RootElement.GetDouble()), Is.EqualTo(BitConverter.DoubleToInt64Bits(v)));
        }
    }

    [Test]
    public void SummaryStatisticIsAnIndentedObjectWithNullsWhereMissing()
    {
        var statistic = new SummaryStatistic(Mean: 1.25, Ci95: null, P50: 1, P95: 2.5, P99: null, Max: 4);

        string json = Render(writer =>
        {
            writer.WriteStartObject();
            JsonOutput.WriteSummaryStatistic(writer, "result_latency_s", statistic);
            writer.WriteEndObject();
        });

        Assert.That(json, Is.EqualTo("""
            {
              "result_latency_s": {
                "mean": 1.25,
                "ci95": null,
                "p50": 1,
                "p95": 2.5,
                "p99": null,
                "max": 4
              }
            }
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void NaNMeanIsWrittenAsNull()
    {
        var statistic = new SummaryStatistic(double.NaN, null, null, null, null, null);

        string json = Render(writer =>
        {
            writer.WriteStartObject();
            JsonOutput.WriteSummaryStatistic(writer, "s", statistic);
            writer.WriteEndObject();
        });

        using var doc = JsonDocument.Parse(json);
        Assert.That(doc.RootElement.GetProperty("s").GetProperty("mean").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (Utf8JsonWriter writer = JsonOutput.CreateWriter(stream))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
