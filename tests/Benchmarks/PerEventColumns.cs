using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace HacaSim.Benchmarks;

/// <summary>Adds events/s and allocated bytes/event, from the known events per invocation.</summary>
public sealed class PerEventColumnsConfig : ManualConfig
{
    public PerEventColumnsConfig()
    {
        long events = MmcWorkload.Standard.EventsPerRun;
        AddColumn(new PerEventColumn("Events/s", "Events fired per second (events per invocation / mean time)", 0,
            report => report.ResultStatistics is { } stats ? events / (stats.Mean * 1e-9) : null, "N0"));
        AddColumn(new PerEventColumn("Bytes/event", "Managed bytes allocated per event (MemoryDiagnoser)", 1,
            report => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes ? (double)bytes / events : null, "F4"));
    }
}

/// <summary>A numeric summary column computed from each benchmark's report.</summary>
public sealed class PerEventColumn(string name, string legend, int priority, Func<BenchmarkReport, double?> value, string format) : IColumn
{
    public string Id => nameof(PerEventColumn) + "." + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => priority;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase] is { } report && value(report) is { } result
            ? result.ToString(format, CultureInfo.InvariantCulture)
            : "NA";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
