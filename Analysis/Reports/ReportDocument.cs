namespace HacaSim.Analysis.Reports;

/// <summary>A report as a list of blocks, rendered to Markdown and HTML by the same code path so both say the same.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

public sealed record ReportHeading(string Text) : ReportBlock;

public sealed record ReportParagraph(string Text) : ReportBlock;

public sealed record ReportList(IReadOnlyList<string> Items) : ReportBlock;

public sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A chart: <see cref="File"/> is a PNG in the results directory.</summary>
public sealed record ReportImage(string File, string Caption) : ReportBlock;
