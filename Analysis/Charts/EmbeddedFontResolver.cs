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
    private readonly Lazy<(SKData Data, SKTypeface Face)> _regular = new(() => Load("DejaVuSans.ttf"));
    private readonly Lazy<(SKData Data, SKTypeface Face)> _bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        // No italic face is embedded; upright text is an acceptable stand-in for chart labels.
        string.Equals(fontName, ChartFont.Family, StringComparison.OrdinalIgnoreCase)
            ? (bold ? _bold.Value.Face : _regular.Value.Face)
            : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, bold: weight >= FontWeight.SemiBold, italic: slant != FontSlant.Upright);

    // The font's bytes are copied into native memory (SKData) that the typeface reads from, instead of a typeface over the
    // manifest stream, which was disposed right after: Skia reads a typeface's tables lazily, from any thread that draws
    // text, so nothing it reads may depend on a managed stream's lifetime (issue 19, seventh session: native Skia
    // crashes on thread-pool workers under the test hosts, cause not yet found; this removes one candidate). The data is
    // kept beside its typeface for the process's lifetime, so its wrapper's finaliser never releases it either.
    private static (SKData Data, SKTypeface Face) Load(string fileName)
    {
        using Stream stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded font '{ResourcePrefix + fileName}' is missing from the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        SKData data = SKData.CreateCopy(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        return (data, SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Embedded font '{fileName}' could not be read by SkiaSharp."));
    }
}
