using HacaSim.Scenarios;

namespace HacaSim.Tests.Scenarios;

/// <summary>Files of the repository, found by walking up from the test binaries to Simulator.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Simulator.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Simulator.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static string Scenario(string relative) => Path.Combine(Root, "Scenarios", relative);
}
