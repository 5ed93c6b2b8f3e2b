using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Scenarios;

/// <summary>The examples in Scenarios/README.md stay true.</summary>
public class ReadmeTests
{
    [Test]
    public void MinimalScenarioInTheReadmeLoads()
    {
        string readme = File.ReadAllText(RepositoryPaths.Scenario("README.md"));
        int section = readme.IndexOf("## A minimal scenario", StringComparison.Ordinal);
        int start = readme.IndexOf("```yaml\n", section, StringComparison.Ordinal) + "```yaml\n".Length;
        string yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var s = ScenarioLoader.LoadText(yaml, "README.md", []).Scenario;
        Assert.That(s.Name, Is.EqualTo("small"));
    }
}
