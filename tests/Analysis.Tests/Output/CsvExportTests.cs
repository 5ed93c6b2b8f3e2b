using System.Globalization;
using System.Text;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;

namespace HacaSim.Tests.Output;

public class CsvExportTests
{
    [Test]
    public void HeadersAreSnakeCaseWithUnits()
    {
        using var dir = new TempDirectory();
        CsvExport.Write(dir.File("ts.csv"), Array.Empty<TimeSeriesRow>());
        CsvExport.Write(dir.File("lag.csv"), Array.Empty<ProofLagRow>());
        CsvExport.Write(dir.File("req.csv"), Array.Empty<RequestRecord>());

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(dir.File("ts.csv")), Is.EqualTo("replication,time_s,pool,queue_length,busy,backlog\n"));
            Assert.That(File.ReadAllText(dir.File("lag.csv")), Is.EqualTo("replication,time_s,path,settled,mean_proof_lag_s\n"));
            Assert.That(File.ReadAllText(dir.File("req.csv")), Is.EqualTo(
                "replication,id,request_class,path,decision_reason,outcome,failure_reason,prompt_tokens,output_tokens," +
                "arrival_s,data_queued_s,data_start_s,data_end_s,inference_queued_s,inference_start_s,inference_end_s," +
                "result_s,proof_queued_s,proof_start_s,proof_ready_s,verify_queued_s,verify_start_s,verified_s," +
                "included_s,final_s,counted,result_latency_s,proof_lag_s,time_to_trust_s\n"));
        });
    }

    [Test]
    public void DoublesRoundTripExactly()
    {
        double[] values = [0.1, 1.0 / 3, Math.PI * 1e-300, double.Epsilon, 1e300, 123456789.000001, -2.5e-7, 2, -0.0];
        using var dir = new TempDirectory();
        string path = dir.File("ts.csv");

        CsvExport.Write(path, values.Select((v, i) => new ProofLagRow(0, v, "tee", i, v)));

        string[] lines = File.ReadAllLines(path);
        Assert.That(lines, Has.Length.EqualTo(values.Length + 1));
        for (int i = 0; i < values.Length; i++)
        {
            string[] fields = lines[i + 1].Split(',');
            double time = double.Parse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture);
            double lag = double.Parse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.Multiple(() =>
            {
                Assert.That(BitConverter.DoubleToInt64Bits(time), Is.EqualTo(BitConverter.DoubleToInt64Bits(values[i])), fields[1]);
                Assert.That(BitConverter.DoubleToInt64Bits(lag), Is.EqualTo(BitConverter.DoubleToInt64Bits(values[i])), fields[4]);
            });
        }
        Assert.That(lines[1], Is.EqualTo("0,0.1,tee,0,0.1"), "shortest form, not G17's 0.10000000000000001");
    }

    [Test]
    public void NullAndNaNAreWrittenEmpty()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.csv");
        var request = new RequestRecord(
            1, 42, "chat", "tee", "cheapest", "failed", null, 100, 0, 1.5,
            null, null, null, 2.25, null, null, null, null, null, null, null, null, null, null, double.NaN, true, null, null, double.NaN);

        CsvExport.Write(path, [request]);
        CsvExport.Write(dir.File("lag.csv"), [new ProofLagRow(0, 60, "zk", 0, double.NaN)]);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllLines(path)[1], Is.EqualTo("1,42,chat,tee,cheapest,failed,,100,0,1.5,,,,2.25,,,,,,,,,,,,true,,,"));
            Assert.That(File.ReadAllLines(dir.File("lag.csv"))[1], Is.EqualTo("0,60,zk,0,"));
        });
    }

    [Test]
    public void TextWithSeparatorsIsQuoted()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.csv");

        CsvExport.Write(path, [new TimeSeriesRow(0, 1, "pool, \"a\"", 1, 2, 3)]);

        Assert.That(File.ReadAllLines(path)[1], Is.EqualTo("0,1,\"pool, \"\"a\"\"\",1,2,3"));
    }

    [Test]
    public void OutputIsUtf8WithLfAndByteIdenticalForIdenticalInput()
    {
        using var dir = new TempDirectory();
        TimeSeriesRow[] rows = [.. Enumerable.Range(0, 500).Select(i => new TimeSeriesRow(i % 3, i * 0.1, "gpu", i, i % 7, i + 1))];

        CsvExport.Write(dir.File("a.csv"), rows);
        CsvExport.Write(dir.File("b.csv"), rows);

        byte[] a = File.ReadAllBytes(dir.File("a.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(File.ReadAllBytes(dir.File("b.csv"))));
            Assert.That(a, Does.Not.Contain((byte)'\r'));
            Assert.That(a.Take(3), Is.Not.EqualTo(Encoding.UTF8.Preamble.ToArray()), "no byte-order mark");
            Assert.That(dir.FileNames(), Is.EqualTo(new[] { "a.csv", "b.csv" }), "no temporary files left");
        });
    }

    [Test]
    public void OutputDoesNotDependOnTheCurrentCulture()
    {
        using var dir = new TempDirectory();
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            // InvariantGlobalization maps every culture to invariant data, so set a comma decimal
            // separator explicitly rather than relying on "de-DE".
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            CsvExport.Write(dir.File("a.csv"), [new ProofLagRow(0, 1.5, "tee", 1, 0.25)]);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.That(File.ReadAllLines(dir.File("a.csv"))[1], Is.EqualTo("0,1.5,tee,1,0.25"));
    }

    [Test]
    public void RowsAreStreamedToDiskWhileEnumerating()
    {
        using var dir = new TempDirectory();
        const int RowsBeforeCheck = 100_000;
        long bytesOnDiskMidway = -1;

        IEnumerable<TimeSeriesRow> Rows()
        {
            for (int i = 0; i < RowsBeforeCheck; i++)
                yield return new TimeSeriesRow(0, i, "verify", i, 1, i);
            bytesOnDiskMidway = new DirectoryInfo(dir.Path).GetFiles("big.csv.tmp-*").Single().Length;
            yield return new TimeSeriesRow(0, -1, "verify", 0, 0, 0);
        }

        CsvExport.Write(dir.File("big.csv"), Rows());

        // 100 000 rows are about 3 MB; a writer that held them all would have written nothing yet.
        long total = new FileInfo(dir.File("big.csv")).Length;
        Assert.That(bytesOnDiskMidway, Is.GreaterThan(total / 2));
    }

    [Test]
    public void FailureWhileEnumeratingLeavesNoFile()
    {
        using var dir = new TempDirectory();

        IEnumerable<TimeSeriesRow> Rows()
        {
            yield return new TimeSeriesRow(0, 0, "gpu", 0, 0, 0);
            throw new InvalidOperationException("run killed");
        }

        Assert.Throws<InvalidOperationException>(() => CsvExport.Write(dir.File("ts.csv"), Rows()));
        Assert.That(dir.FileNames(), Is.Empty);
    }
}
