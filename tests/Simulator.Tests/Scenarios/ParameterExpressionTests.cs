using HacaSim.Scenarios.Loading;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Scenarios;

public class ParameterExpressionTests
{
    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["zkml_share"] = "0.2", ["nodes"] = "8", ["big"] = "1e3", ["dispatcher"] = "jsq",
    };

    [TestCase("1 - zkml_share", 0.8)]
    [TestCase("2 + 3 * 4", 14)]
    [TestCase("(2 + 3) * 4", 20)]
    [TestCase("10 - 4 - 3", 3)]
    [TestCase("24 / 4 / 2", 3)]
    [TestCase("-nodes", -8)]
    [TestCase("--2", 2)]
    [TestCase("-(1 + 2) * +3", -9)]
    [TestCase("2 * -3", -6)]
    [TestCase("big / nodes", 125)]
    [TestCase("1.5e2 + .5", 150.5)]
    [TestCase("  nodes  ", 8)]
    [TestCase("nodes/2", 4)]
    [TestCase("round(10 * 0.25)", 3)]                 // halves away from zero
    [TestCase("round(-2.5)", -3)]
    [TestCase("round(10 * zkml_share + 0.4)", 2)]
    [TestCase("floor(2.99)", 2)]
    [TestCase("ceil(2.01)", 3)]
    [TestCase("min(nodes, 5, 7)", 5)]
    [TestCase("max(1, min(big, 500))", 500)]
    [TestCase("24 + round ( 10 * 0.36 )", 28)]
    [TestCase("floor((1e3 - 50) / 3)", 316)]
    public void Evaluates(string expression, double expected) =>
        Assert.That(ParameterExpression.Evaluate(expression, Parameters), Is.EqualTo(expected));

    [Test]
    public void MatchesDoubleArithmetic() =>
        Assert.That(ParameterExpression.Evaluate("0.1 + 0.2", Parameters), Is.EqualTo(0.1 + 0.2));

    [TestCase("1 +", "ended")]
    [TestCase("", "ended")]
    [TestCase("(1 + 2", "missing \")\"")]
    [TestCase("1 + 2)", "unexpected \")\"")]
    [TestCase("2 * * 3", "unexpected \"* 3\"")]
    [TestCase("1 / 0", "division by zero")]
    [TestCase("1 / (nodes - 8)", "division by zero")]
    [TestCase("zkml_shar * 2", "unknown parameter \"zkml_shar\" (did you mean \"zkml_share\"?)")]
    [TestCase("dispatcher + 1", "\"jsq\", not a finite number")]
    [TestCase("1.2.3", "\"1.2.3\" is not a number")]
    [TestCase("3 $ 4", "unexpected \"$ 4\"")]
    [TestCase("rond(2.5)", "unknown function \"rond\" (did you mean \"round\"?)")]
    [TestCase("round(1, 2)", "round() takes 1 argument, found 2")]
    [TestCase("min(1)", "min() takes at least 2 arguments, found 1")]
    [TestCase("max(1, 2", "missing \")\"")]
    [TestCase("floor(1 2)", "expected \",\" or \")\"")]
    public void RejectsWithAReason(string expression, string reason) =>
        Assert.That(() => ParameterExpression.Evaluate(expression, Parameters),
            Throws.TypeOf<FormatException>().With.Message.Contains(reason));

    [Test]
    public void FormatsShortestRoundTrip()
    {
        double value = ParameterExpression.Evaluate("1 / 3", Parameters);
        string text = ParameterExpression.Format(value);
        Assert.That(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(value));
        Assert.That(ParameterExpression.Format(0.8), Is.EqualTo("0.8"));
    }

    [Test]
    public void AFunctionNameIsNotAParameterReference() =>
        Assert.That(ParameterSubstitution.ReferencedNames("${24 + round(10 * cpu_gpu_ratio)} and ${min (a, b)}"),
            Is.EqualTo(new[] { "cpu_gpu_ratio", "a", "b" }));
}
