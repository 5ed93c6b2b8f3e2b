using HacaSim.Analysis.Output;

namespace HacaSim.Tests.Output;

public class UniqueSuffixTests
{
    [Test]
    public void SuffixesAreTwelveLowercaseHexDigits()
    {
        string suffix = UniqueSuffix.Next();

        Assert.That(suffix, Does.Match("^[0-9a-f]{12}$"));
    }

    [Test]
    public void TenThousandSuffixesAreAllDifferent()
    {
        // 48 random bits: a repeat among 10,000 has probability ~2e-7, so a repeat here means the source is not random.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 10_000; i++) Assert.That(seen.Add(UniqueSuffix.Next()), Is.True, $"suffix {i} repeated");
    }

    [Test]
    public void TwoPendingFilesOfOnePathGetDifferentTemporaryNames()
    {
        string dir = Directory.CreateTempSubdirectory("unique-suffix").FullName;
        try
        {
            string path = Path.Combine(dir, "summary.json");
            using var first = new PendingFile(path);
            using var second = new PendingFile(path);

            Assert.That(second.TempPath, Is.Not.EqualTo(first.TempPath));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
