using HacaSim.Catalog;
using HacaSim.Randomness;

namespace HacaSim.Tests.Randomness;

public class CsvColumnTests
{
    private static string Write(string text)
    {
        string path = TestScratch.NewPath("col", ".csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void An_empirical_distribution_from_a_csv_column_resamples_exactly_its_values()
    {
        string path = Write("id,service_s\n1,0.5\n2,1.5\n\n3,4\n");
        var spec = new ComponentSpec("empirical", new Dictionary<string, double>(),
            new Dictionary<string, string> { ["file"] = path, ["column"] = "service_s" }, new Dictionary<string, IReadOnlyList<double>>(), SourceLocation.None);
        var d = DistributionCatalog.Create().Create(spec, new Xoshiro256StarStar(1));
        var seen = Enumerable.Range(0, 1000).Select(_ => d.Sample()).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(d.Mean, Is.EqualTo(2.0).Within(1e-12));
            Assert.That(seen, Is.EquivalentTo(new[] { 0.5, 1.5, 4.0 }));
        });
    }

    [TestCase("id,service_s\n1,abc\n", ":2: column \"service_s\"")]
    [TestCase("id,other\n1,2\n", ":1: no column \"service_s\"")]
    [TestCase("", ":1: empty file")]
    public void Bad_files_name_the_line(string text, string expected)
    {
        string path = Write(text);
        var e = Assert.Throws<InputException>(() => CsvColumn.Read(path, "service_s"));
        Assert.That(e!.Message, Does.StartWith(path).And.Contain(expected));
    }
}
