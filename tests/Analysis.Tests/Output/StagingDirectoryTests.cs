using HacaSim.Analysis.Output;

namespace HacaSim.Tests.Output;

public class StagingDirectoryTests
{
    [TestCase("/tmp/r/.run.staging-0123456789ab/summary.json", true)]
    [TestCase("/tmp/r/.run.staging-0123456789ab/parts/part-0/summary.json", true)]
    [TestCase("/tmp/r/run/summary.json", false)]
    [TestCase("/tmp/r/run.staging-0123456789ab/summary.json", false)] // not hidden: not one of ours
    [TestCase("/tmp/r/.run.staging-0123456789ab", false)]              // the directory itself is not inside one
    public void HoldsOnlyFilesInsideAStagingDirectory(string path, bool expected) =>
        Assert.That(StagingDirectory.Holds(path), Is.EqualTo(expected));

    [Test]
    public void FilesCommittedInsideAreFlushedTogetherAndUnchanged()
    {
        string parent = Directory.CreateTempSubdirectory("staging-test").FullName;
        try
        {
            string staging = Path.Combine(parent, ".run" + StagingDirectory.Infix + "0123456789ab");
            Directory.CreateDirectory(Path.Combine(staging, "sub"));
            AtomicFile.WriteText(Path.Combine(staging, "a.txt"), "alpha");
            AtomicFile.WriteText(Path.Combine(staging, "sub", "b.txt"), "beta");
            StagingDirectory.FlushToDisk(staging);
            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(Path.Combine(staging, "a.txt")), Is.EqualTo("alpha"));
                Assert.That(File.ReadAllText(Path.Combine(staging, "sub", "b.txt")), Is.EqualTo("beta"));
                Assert.That(Directory.GetFiles(staging, "*.tmp-*", SearchOption.AllDirectories), Is.Empty);
            });
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
