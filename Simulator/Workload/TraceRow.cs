namespace HacaSim.Workload;

/// <summary>One request of a trace: its time relative to the trace's first row, and its token counts.</summary>
public readonly record struct TraceRow(double TimeSeconds, int ContextTokens, int GeneratedTokens);
