using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Scenarios;

public class ScenarioErrorTests
{
    [Test]
    public void MinimalScenarioIsValid() => Assert.DoesNotThrow(() => ScenarioLoader.LoadText(ErrorCases.Minimal, "t.yaml", []));

    [TestCaseSource(typeof(ErrorCases), nameof(ErrorCases.All))]
    public void ReportsWhereAndWhatIsAllowed(string yaml, string[] overrides, string[] expected)
    {
        var e = Assert.Throws<InputException>(() => ScenarioLoader.LoadText(yaml, "t.yaml", overrides));
        TestContext.Out.WriteLine(e!.Message);
        foreach (string fragment in expected)
            Assert.That(e!.Message, Does.Contain(fragment));
    }

    [Test]
    public void EveryProblemIsItsOwnLine()
    {
        string yaml = ErrorCases.Minimal.Replace("inference: {nodes: 1, slots: 1}", "inference: {nodes: 0, slots: 1, dispatcher: jsqq}")
            + "colour: blue\n";
        var e = Assert.Throws<InputException>(() => ScenarioLoader.LoadText(yaml, "t.yaml", []));
        Assert.That(e!.Problems, Has.Count.EqualTo(3));
        Assert.That(e.Problems, Has.All.StartsWith("t.yaml:"));
    }
}
