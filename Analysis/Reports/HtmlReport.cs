using System.Net;
using System.Text;

namespace HacaSim.Analysis.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML page: inline CSS, PNG charts embedded
/// as base64 data URIs, no scripts, no links or external references of any kind.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #444; padding-bottom: .2em; }
        h2 { font-size: 1.25em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: .6em 0 1em; font-size: .92em; }
        th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr:nth-child(even) td { background: #fafafa; }
        .bad { color: #a00; font-weight: bold; }
        figure { margin: 1em 0 2em; }
        figure img { max-width: 100%; border: 1px solid #ddd; }
        figcaption { font-size: .9em; color: #555; }
        ul.verdict li { margin-bottom: .4em; }
        """;

    public static string Render(ReportDocument document, string directory)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(document.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(document.Title)).Append("</h1>\n");
        bool afterVerdict = false;
        foreach (ReportBlock block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    html.Append("<h2>").Append(E(h.Text)).Append("</h2>\n");
                    afterVerdict = h.Text == "Verdict";
                    break;
                case ReportParagraph p: html.Append("<p>").Append(E(p.Text)).Append("</p>\n"); break;
                case ReportList l:
                    html.Append(afterVerdict ? "<ul class=\"verdict\">\n" : "<ul>\n");
                    foreach (string item in l.Items) html.Append("<li>").Append(E(item)).Append("</li>\n");
                    html.Append("</ul>\n");
                    break;
                case ReportTable t:
                    html.Append("<table>\n<tr>");
                    foreach (string header in t.Headers) html.Append("<th>").Append(E(header)).Append("</th>");
                    html.Append("</tr>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (string cell in row) html.Append(CellTag(cell)).Append(E(cell)).Append("</td>");
                        html.Append("</tr>\n");
                    }
                    html.Append("</table>\n");
                    break;
                case ReportImage i:
                    byte[] png = File.ReadAllBytes(Path.Combine(directory, i.File));
                    html.Append("<figure><img alt=\"").Append(E(i.Caption)).Append("\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(png)).Append("\"><figcaption>").Append(E(i.Caption)).Append("</figcaption></figure>\n");
                    break;
            }
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string CellTag(string cell)
    {
        if (cell == "NO" || cell.EndsWith("(unstable)", StringComparison.Ordinal)) return "<td class=\"bad\">";
        return cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] == '-' || cell[0] == '–') ? "<td class=\"num\">" : "<td>";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
