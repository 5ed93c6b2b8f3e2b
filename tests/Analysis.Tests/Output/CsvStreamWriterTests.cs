using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;

namespace HacaSim.Tests.Output;

public class CsvStreamWriterTests
{
    [Test]
    public void CompleteRenamesTheTemporaryFileIntoPlace()
    {
        using var dir = new TempDirectory();
        string path = dir.File("requests.csv");

        using (var writer = new CsvStreamWriter<ProofLagRow>(path))
        {
            writer.Write(new ProofLagRow(0, 1, "tee", 2, 3.5));
            writer.Write(new ProofLagRow(1, 2, "zk", 0, double.NaN));
            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(path), Is.False, "nothing at the final path before Complete");
                Assert.That(dir.FileNames().Single(), Does.StartWith("requests.csv.tmp-"));
            });
            writer.Complete();
            Assert.That(writer.RowCount, Is.EqualTo(2));
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo(
                "replication,time_s,path,settled,mean_proof_lag_s\n0,1,tee,2,3.5\n1,2,zk,0,\n"));
            Assert.That(dir.FileNames(), Is.EqualTo(new[] { "requests.csv" }));
        });
    }

    [Test]
    public void DisposeWithoutCompleteLeavesNoFile()
    {
        using var dir = new TempDirectory();

        using (var writer = new CsvStreamWriter<ProofLagRow>(dir.File("requests.csv")))
        {
            for (int i = 0; i < 10_000; i++)
                writer.Write(new ProofLagRow(0, i, "tee", i, i));
        }

        Assert.That(dir.FileNames(), Is.Empty);
    }

    [Test]
    public void DisposeWithoutCompleteKeepsThePreviousFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("requests.csv");
        File.WriteAllText(path, "previous run\n");

        using (var writer = new CsvStreamWriter<ProofLagRow>(path))
            writer.Write(new ProofLagRow(0, 1, "tee", 1, 1));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("previous run\n"));
            Assert.That(dir.FileNames(), Is.EqualTo(new[] { "requests.csv" }));
        });
    }

    [Test]
    public void WritingAfterCompleteIsAnError()
    {
        using var dir = new TempDirectory();
        using var writer = new CsvStreamWriter<ProofLagRow>(dir.File("a.csv"));
        writer.Complete();

        Assert.Multiple(() =>
        {
            Assert.Throws<InvalidOperationException>(() => writer.Write(new ProofLagRow(0, 1, "tee", 1, 1)));
            Assert.Throws<InvalidOperationException>(writer.Complete);
        });
    }
}
