namespace HacaSim.Tests;

/// <summary>
/// One scratch folder per test run for every file and results directory the tests write, deleted when
/// the run ends, so test runs leave nothing behind in the system's temp folder.
/// </summary>
[SetUpFixture]
public sealed class TestScratch
{
    private static readonly Lazy<string> Root = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"hacasim-tests-{Environment.ProcessId}")).FullName);

    /// <summary>A fresh path (not created) under the run's scratch folder.</summary>
    public static string NewPath(string prefix, string extension = "") =>
        Path.Combine(Root.Value, $"{prefix}-{Guid.NewGuid():N}{extension}");

    /// <summary>Whether <paramref name="path"/> resolves to a place strictly inside the run's scratch folder.</summary>
    public static bool Contains(string path)
    {
        string full = Path.GetFullPath(path);
        return full.StartsWith(Root.Value + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full.Length > Root.Value.Length + 1;
    }

    [OneTimeTearDown]
    public void DeleteScratch()
    {
        if (Root.IsValueCreated && Directory.Exists(Root.Value)) Directory.Delete(Root.Value, recursive: true);
    }
}
