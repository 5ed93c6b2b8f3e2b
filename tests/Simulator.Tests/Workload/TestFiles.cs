namespace HacaSim.Tests.Workload;

/// <summary>Locates files checked into the repository and writes scratch files for parser tests.</summary>
internal static class TestFiles
{
    /// <summary>The bundled Azure conversation trace, found by walking up to the directory holding Simulator.sln.</summary>
    public static string AzureConversationTrace => Path.Combine(RepositoryRoot(), "Scenarios", "traces", "azure-llm-2023-conv.csv");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Simulator.sln above {TestContext.CurrentContext.TestDirectory}");
    }

    /// <summary>Writes <paramref name="text"/> to a fresh file in the test's work directory and returns its path.</summary>
    public static string Write(string name, string text)
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "trace-tests");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
