using HacaSim.Workload;

namespace HacaSim.Tests.Workload;

public class TraceReaderTests
{
    private const string Header = "TIMESTAMP,ContextTokens,GeneratedTokens\n";

    [Test]
    public void ReadsTimesRelativeToTheFirstRowAndTokens()
    {
        string path = TestFiles.Write("good.csv",
            Header + "2023-11-16 18:15:46.6805900,374,44\n2023-11-16 18:15:47.5,0,109\n2023-11-16 18:15:47.5,879,55\n2023-11-16 18:16:00,1,2\n\n");
        TraceData data = TraceReader.Read(path);
        Assert.Multiple(() =>
        {
            Assert.That(data.Count, Is.EqualTo(4));
            Assert.That(data[0], Is.EqualTo(new TraceRow(0, 374, 44)));
            Assert.That(data[1].TimeSeconds, Is.EqualTo(0.81941).Within(1e-9), "3 fractional digits, 100 ns ticks");
            Assert.That(data[2], Is.EqualTo(new TraceRow(data[1].TimeSeconds, 879, 55)), "equal timestamps are allowed");
            Assert.That(data[3].TimeSeconds, Is.EqualTo(13.31941).Within(1e-9), "no fractional digits");
            Assert.That(data.Source, Is.EqualTo(path));
        });
    }

    [Test]
    public void AcceptsCrLfLineEndingsAndAnyHeaderCase()
    {
        string path = TestFiles.Write("crlf.csv", "timestamp,contexttokens,generatedtokens\r\n2023-01-01 00:00:00,1,2\r\n2023-01-01 00:00:01.25,3,4\r\n");
        TraceData data = TraceReader.Read(path);
        Assert.That(data[1], Is.EqualTo(new TraceRow(1.25, 3, 4)));
    }

    [Test]
    public void ReadsTheBundledAzureTrace()
    {
        TraceData data = TraceReader.Read(TestFiles.AzureConversationTrace);
        Assert.Multiple(() =>
        {
            Assert.That(data.Count, Is.EqualTo(19_366), "19,367 lines minus the header");
            Assert.That(data[0], Is.EqualTo(new TraceRow(0, 374, 44)));
            // Last row 2023-11-16 19:14:08.4025270, first 18:15:46.6805900.
            Assert.That(data[^1], Is.EqualTo(new TraceRow(3501.721937, 197, 183)));
        });
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        const string ok = "2023-11-16 18:15:46.6805900,374,44\n";
        TestCaseData Case(string name, string text, int line, string fragment) =>
            new TestCaseData(name, text, line, fragment).SetArgDisplayNames(name);
        yield return Case("bad-month", Header + ok + "2023-13-16 18:15:47,1,2\n", 3, "TIMESTAMP \"2023-13-16 18:15:47\" is not a time like");
        yield return Case("bad-format", Header + "16/11/2023 18:15:47,1,2\n", 2, "TIMESTAMP \"16/11/2023 18:15:47\" is not");
        yield return Case("eight-digits", Header + "2023-11-16 18:15:46.68059001,1,2\n", 2, "0-7 fractional digits");
        yield return Case("negative-tokens", Header + ok + "2023-11-16 18:15:47,-5,2\n", 3, "ContextTokens \"-5\" is not a non-negative integer");
        yield return Case("text-tokens", Header + "2023-11-16 18:15:47,1,abc\n", 2, "GeneratedTokens \"abc\" is not a non-negative integer");
        yield return Case("missing-column", Header + ok + ok + "2023-11-16 18:15:47,5\n", 4, "the GeneratedTokens column is missing");
        yield return Case("extra-column", Header + "2023-11-16 18:15:47,5,6,7\n", 2, "more than 3 columns");
        yield return Case("decreasing", Header + ok + "2023-11-16 18:15:45,1,2\n", 3, "is earlier than \"2023-11-16 18:15:46.6805900\" on line 2; times must be non-decreasing");
        yield return Case("empty", "", 1, "the trace is empty");
        yield return Case("no-header", ok + ok, 1, "expected exactly TIMESTAMP,ContextTokens,GeneratedTokens");
        yield return Case("header-only", Header, 2, "no rows");
    }

    [TestCaseSource(nameof(Malformed))]
    public void MalformedFileNamesFileLineAndProblem(string name, string text, int line, string fragment)
    {
        string path = TestFiles.Write(name + ".csv", text);
        var ex = Assert.Throws<InputException>(() => TraceReader.Read(path));
        TestContext.Out.WriteLine(ex!.Message);
        Assert.That(ex.Message, Does.StartWith($"{path}:{line}: "));
        Assert.That(ex.Message, Does.Contain(fragment));
    }

    [Test]
    public void MessageReadsLikeTheBrief()
    {
        string path = TestFiles.Write("abc.csv", Header + "2023-11-16 18:15:47,abc,1\n");
        var ex = Assert.Throws<InputException>(() => TraceReader.Read(path));
        Assert.That(ex!.Message, Does.StartWith($"{path}:2: ContextTokens \"abc\" is not a non-negative integer"));
    }
}
