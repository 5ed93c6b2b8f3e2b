using System.CommandLine;
using HacaSim.Analysis.Reports;

namespace HacaSim.Cli;

/// <summary><c>hacasim report RUN_DIR</c>: (re)write report.md and report.html from a results directory's files alone.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout)
    {
        var directory = new Argument<string>("RUN_DIR") { Description = "A results directory written by 'hacasim run' (summary.json), 'sweep' (sweep.csv), 'compare' (comparison.csv) or 'explore' (explore.csv)." };
        var command = new Command("report", "Write report.md and a self-contained report.html (charts embedded, no external links) " +
            "for a results directory; 'run' does this automatically.\n\nExample:\n  hacasim report results/runs/baseline-20250101-120000") { directory };
        command.SetAction(parse =>
        {
            string dir = parse.GetValue(directory)!;
            // A sweep or compare directory has its own report; a run directory has summary.json.
            if (ExperimentReport.Write(dir))
            {
                stdout.WriteLine(Path.GetFullPath(Path.Combine(dir, RunReport.HtmlFile)));
                return Program.Success;
            }
            if (!File.Exists(Path.Combine(dir, RunReportData.SummaryFile)))
                throw new InputException($"{dir}: no {RunReportData.SummaryFile}, sweep.csv, comparison.csv or explore.csv here; give a directory written by 'hacasim run', 'sweep', 'compare' or 'explore'");
            // summary.json is read back here (the only command that does): a damaged one is bad input, not a crash.
            InputFiles.Check(Path.Combine(dir, RunReportData.SummaryFile), "summary.json", 256L * 1024 * 1024);
            try
            {
                RunReport.Write(dir);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException
                                           or IndexOutOfRangeException or ArgumentException or YamlDotNet.Core.YamlException)
            {
                throw new InputException($"{dir}: cannot read the results ({InputFiles.Echo(e.Message)}); is {RunReportData.SummaryFile} damaged? Rerun the command that wrote it");
            }
            stdout.WriteLine(Path.GetFullPath(Path.Combine(dir, RunReport.HtmlFile)));
            return Program.Success;
        });
        return command;
    }
}
