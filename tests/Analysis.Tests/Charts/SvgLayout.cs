using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HacaSim.Tests.Charts;

/// <summary>
/// Where a chart's SVG puts its text and lines, in figure pixels: enough to check that labels fit in the figure
/// (and inside the data area when drawn there, where they would be clipped), that a legend stays out of the data,
/// and where an axis value lies. Skia writes each glyph's x offset and a transform per text element; a text's box is
/// from its first glyph to its last glyph plus one average advance, and from an ascent above its baseline to a
/// descent below it.
/// </summary>
internal sealed partial class SvgLayout
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Inside(Box outer, double tolerance = 2.5) =>
            Left >= outer.Left - tolerance && Right <= outer.Right + tolerance && Top >= outer.Top - tolerance && Bottom <= outer.Bottom + tolerance;

        public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

        public override string ToString() => FormattableString.Invariant($"[{Left:0.#}, {Top:0.#}] - [{Right:0.#}, {Bottom:0.#}]");
    }

    /// <summary>A text element: its string, its box, and the clip rectangle it is drawn in (null: the whole figure).</summary>
    public sealed record TextItem(string Text, Box Box, Box? Clip);

    public Box Figure { get; }
    public IReadOnlyList<TextItem> Texts { get; }

    /// <summary>The largest clip rectangle: the data area.</summary>
    public Box DataArea { get; }

    /// <summary>Every y coordinate of the lines drawn inside the data area (whiskers, curves, caps).</summary>
    public IReadOnlyList<double> DataPathYs { get; }

    private SvgLayout(XDocument doc)
    {
        XElement root = doc.Root!;
        Figure = new Box(0, 0, Number(root.Attribute("width")!.Value), Number(root.Attribute("height")!.Value));
        var clips = doc.Descendants(Svg + "clipPath").ToDictionary(
            c => c.Attribute("id")!.Value,
            c =>
            {
                XElement r = c.Element(Svg + "rect")!;
                double x = Number(r.Attribute("x")!.Value), y = Number(r.Attribute("y")!.Value);
                return new Box(x, y, x + Number(r.Attribute("width")!.Value), y + Number(r.Attribute("height")!.Value));
            });
        DataArea = clips.Values.OrderByDescending(b => (b.Right - b.Left) * (b.Bottom - b.Top)).FirstOrDefault() ?? Figure;
        Texts = [.. doc.Descendants(Svg + "text").Select(t => new TextItem(t.Value.Trim(), TextBox(t), ClipOf(t, clips)))];
        DataPathYs = [.. doc.Descendants(Svg + "path")
            .Where(p => ClipOf(p, clips) == DataArea)
            .SelectMany(p => Coordinates(p.Attribute("d")?.Value ?? "").Select(c => c.Y))];
    }

    public static SvgLayout Of(string pathWithoutExtension) =>
        new(XDocument.Parse(File.ReadAllText(pathWithoutExtension + ".svg", Encoding.UTF8)));

    /// <summary>The pixel row of a y-axis tick label (a text left of the data area reading <paramref name="label"/>).</summary>
    public double YTick(string label)
    {
        TextItem tick = Texts.Single(t => t.Text == label && t.Box.Right <= DataArea.Left + 1);
        return (tick.Box.Top + tick.Box.Bottom) / 2;
    }

    /// <summary>Numbers drawn as tick labels (texts that parse as a number).</summary>
    public IEnumerable<double> NumericTexts() =>
        Texts.Select(t => t.Text.Replace('\u2212', '-').Replace(",", ""))
            .Where(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(t => double.Parse(t, CultureInfo.InvariantCulture));

    /// <summary>Texts whose box leaves the figure, or the clip rectangle they are drawn in.</summary>
    public IReadOnlyList<string> TextsThatDoNotFit() =>
        [.. Texts.Where(t => t.Text.Length > 0 && (!t.Box.Inside(Figure) || (t.Clip is { } c && !t.Box.Inside(c))))
            .Select(t => $"'{t.Text}' at {t.Box} (figure {Figure}, clip {t.Clip})")];

    private static Box? ClipOf(XElement e, Dictionary<string, Box> clips)
    {
        foreach (XElement g in e.Ancestors(Svg + "g"))
        {
            string? clip = g.Attribute("clip-path")?.Value;
            if (clip is not null && ClipReference().Match(clip) is { Success: true } m && clips.TryGetValue(m.Groups[1].Value, out Box? box))
                return box;
        }
        return null;
    }

    private static Box TextBox(XElement text)
    {
        double fontSize = Number(text.Attribute("font-size")?.Value ?? "12");
        double[] xs = Numbers(text.Attribute("x")?.Value ?? "0");
        double y = Numbers(text.Attribute("y")?.Value ?? "0").FirstOrDefault();
        double advance = xs.Length > 1 ? (xs[^1] - xs[0]) / (xs.Length - 1) : 0.7 * fontSize;
        // Local box: glyph origins to the last glyph's end (an average advance: over-estimates a narrow last glyph
        // by a pixel or two, hence the tolerance of the checks); DejaVu Sans' cap height is 0.73 em, its descent 0.24 em.
        (double left, double right) = (xs.Min(), xs.Max() + advance);
        (double top, double bottom) = (y - 0.76 * fontSize, y + 0.24 * fontSize);
        double[] m = Matrix(text.Attribute("transform")?.Value ?? "");
        var corners = new[] { (left, top), (right, top), (left, bottom), (right, bottom) }
            .Select(c => (X: m[0] * c.Item1 + m[2] * c.Item2 + m[4], Y: m[1] * c.Item1 + m[3] * c.Item2 + m[5])).ToArray();
        return new Box(corners.Min(c => c.X), corners.Min(c => c.Y), corners.Max(c => c.X), corners.Max(c => c.Y));
    }

    // SVG transform "translate(tx ty)" or "matrix(a b c d e f)" as (a, b, c, d, e, f).
    private static double[] Matrix(string transform)
    {
        if (transform.StartsWith("translate(", StringComparison.Ordinal))
        {
            double[] t = Numbers(transform["translate(".Length..^1]);
            return [1, 0, 0, 1, t[0], t.Length > 1 ? t[1] : 0];
        }
        if (transform.StartsWith("matrix(", StringComparison.Ordinal))
            return Numbers(transform["matrix(".Length..^1]);
        return [1, 0, 0, 1, 0, 0];
    }

    private static IEnumerable<(double X, double Y)> Coordinates(string d)
    {
        double[] n = [.. NumberPattern().Matches(d).Select(m => Number(m.Value))];
        for (int i = 0; i + 1 < n.Length; i += 2) yield return (n[i], n[i + 1]);
    }

    private static double[] Numbers(string text) => [.. NumberPattern().Matches(text).Select(m => Number(m.Value))];

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"-?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex ClipReference();
}
