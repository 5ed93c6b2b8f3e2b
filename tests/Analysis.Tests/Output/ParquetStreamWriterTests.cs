using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;
using Parquet;
using Parquet.Schema;

namespace HacaSim.Tests.Output;

public class ParquetStreamWriterTests
{
    [Test]
    public async Task Rows_are_written_in_row_groups_and_concatenated_parts_keep_order_and_values()
    {
        using var dir = new TempDirectory();
        static ProofLagRow Row(int rep, int i) => new(rep, i * 10.0, i % 2 == 0 ? "zkml" : "tee", i, i % 3 == 0 ? double.NaN : i / 7.0);
        for (int rep = 0; rep < 2; rep++)
        {
            using var writer = new ParquetStreamWriter<ProofLagRow>(dir.File($"part{rep}"), rowGroupRows: 4);
            for (int i = 0; i < 10; i++) writer.Write(Row(rep, i));
            writer.Complete();
        }
        ParquetStreamWriter<ProofLagRow>.Concatenate([dir.File("part0"), dir.File("part1")], dir.File("all.parquet"));

        await using var reader = await ParquetReader.CreateAsync(dir.File("all.parquet"));
        DataField[] fields = reader.Schema.GetDataFields();
        var times = new List<double>();
        var lags = new List<double>();
        var replications = new List<int>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rep = new int[group.RowCount];
            var t = new double[group.RowCount];
            var lag = new double[group.RowCount];
            await group.ReadAsync<int>(fields[0], rep.AsMemory());
            await group.ReadAsync<double>(fields[1], t.AsMemory());
            await group.ReadAsync<double>(fields[4], lag.AsMemory());
            replications.AddRange(rep);
            times.AddRange(t);
            lags.AddRange(lag);
        }
        var expected = Enumerable.Range(0, 2).SelectMany(r => Enumerable.Range(0, 10).Select(i => Row(r, i))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(fields.Select(f => f.Name), Is.EqualTo(new[] { "replication", "time_s", "path", "settled", "mean_proof_lag_s" }));
            Assert.That(reader.RowGroupCount, Is.EqualTo(6), "3 row groups of at most 4 rows per part");
            Assert.That(replications, Is.EqualTo(expected.Select(r => r.Replication)));
            Assert.That(times, Is.EqualTo(expected.Select(r => r.TimeSeconds)));
            Assert.That(lags, Is.EqualTo(expected.Select(r => r.MeanProofLagSeconds)), "NaN kept as NaN");
        });
    }

    [Test]
    public void An_abandoned_writer_leaves_no_file()
    {
        using var dir = new TempDirectory();
        using (var writer = new ParquetStreamWriter<ProofLagRow>(dir.File("x.parquet")))
            writer.Write(new ProofLagRow(0, 1, "tee", 1, 1));
        Assert.That(dir.FileNames(), Is.Empty);
    }
}
