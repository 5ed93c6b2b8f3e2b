using System.Text;
using HacaSim.Analysis.Output;

namespace HacaSim.Tests.Output;

public class AtomicFileTests
{
    [Test]
    public void WriteTextWritesUtf8WithoutBomAndLeavesNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.txt");

        AtomicFile.WriteText(path, "héllo\n");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(Encoding.UTF8.GetBytes("héllo\n")));
            Assert.That(dir.FileNames(), Is.EqualTo(new[] { "a.txt" }));
        });
    }

    [Test]
    public void WriteReplacesAnExistingFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.txt");
        File.WriteAllText(path, "old, and longer than the new content");

        AtomicFile.WriteText(path, "new");

        Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
    }

    [Test]
    public void FailedWriteKeepsTheOldFileAndDeletesTheTemporaryOne()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.txt");
        File.WriteAllText(path, "old");
        string? tempSeen = null;

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half-writ"u8);
            tempSeen = ((FileStream)stream).Name;
            throw new InvalidOperationException("killed");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(tempSeen, Does.StartWith(path + ".tmp-"), "temporary file sits beside the target");
            Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
            Assert.That(dir.FileNames(), Is.EqualTo(new[] { "a.txt" }));
        });
    }

    [Test]
    public void FailedFirstWriteLeavesNoFileAtAll()
    {
        using var dir = new TempDirectory();

        Assert.Throws<IOException>(() => AtomicFile.Write(dir.File("a.bin"), _ => throw new IOException("disk full")));

        Assert.That(dir.FileNames(), Is.Empty);
    }
}
