using ScottPlot;
using SkiaSharp;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Resolves <see cref="ChartFont.Family"/> to the DejaVu Sans files embedded in this assembly, so text renders
/// the same on every machine, including headless ones with no system fonts (where SkiaSharp's default font
/// manager finds nothing and ScottPlot would draw no text at all).
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private const string ResourcePrefix = "HacaSim.Analysis.Charts.Fonts.";

    // Typefaces are immutable and shared by all plots; loaded once, on first use.
    private readonly Lazy<SKTypeface> _regular = new(() => Load("DejaVuSans.ttf"));
    private readonly Lazy<SKTypeface> _bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        // No italic face is embedded; upright text is an acceptable stand-in for chart labels.
        string.Equals(fontName, ChartFont.Family, StringComparison.OrdinalIgnoreCase)
            ? (bold ? _bold.Value : _regular.Value)
            : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, bold: weight >= FontWeight.SemiBold, italic: slant != FontSlant.Upright);

    private static SKTypeface Load(string fileName)
    {
        using Stream stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded font '{ResourcePrefix + fileName}' is missing from the assembly.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"Embedded font '{fileName}' could not be read by SkiaSharp.");
    }
}
