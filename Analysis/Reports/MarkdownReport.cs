using System.Text;

namespace HacaSim.Analysis.Reports;

/// <summary>Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown; images are linked by relative path.</summary>
public static class MarkdownReport
{
    public static string Render(ReportDocument document)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(document.Title).Append("\n\n");
        foreach (ReportBlock block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading h: md.Append("## ").Append(h.Text).Append("\n\n"); break;
                case ReportParagraph p: md.Append(p.Text).Append("\n\n"); break;
                case ReportList l:
                    foreach (string item in l.Items) md.Append("- ").Append(item).Append('\n');
                    md.Append('\n');
                    break;
                case ReportTable t:
                    md.Append("| ").Append(string.Join(" | ", t.Headers.Select(Cell))).Append(" |\n");
                    md.Append('|').Append(string.Concat(t.Headers.Select(_ => "---|"))).Append('\n');
                    foreach (var row in t.Rows) md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                    md.Append('\n');
                    break;
                case ReportImage i: md.Append("![").Append(i.Caption).Append("](").Append(i.File).Append(")\n\n*").Append(i.Caption).Append("*\n\n"); break;
            }
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
