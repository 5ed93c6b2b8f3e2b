using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;

namespace HacaSim.Tests.Charts;

/// <summary>
/// Where chart tests write, and checks on what they wrote. Set HACASIM_KEEP_CHARTS to a directory to keep
/// the images for a look; otherwise a temporary directory is used and deleted.
/// </summary>
internal sealed class ChartFiles : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly XNamespace SvgNamespace = "http://www.w3.org/2000/svg";

    private readonly bool _keep;

    public ChartFiles()
    {
        string? keep = Environment.GetEnvironmentVariable("HACASIM_KEEP_CHARTS");
        _keep = !string.IsNullOrEmpty(keep);
        Directory = _keep
            ? keep!
            : Path.Combine(Path.GetTempPath(), "hacasim-charts-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathFor(string name) => Path.Combine(Directory, name);

    /// <summary>Asserts both files exist, the PNG is a real 1200x700 image and the SVG carries <paramref name="title"/>.</summary>
    public static void AssertChartWritten(string pathWithoutExtension, string title)
    {
        byte[] png = File.ReadAllBytes(pathWithoutExtension + ".png");
        string svg = File.ReadAllText(pathWithoutExtension + ".svg", Encoding.UTF8);
        Assert.Multiple(() =>
        {
            Assert.That(png.Take(PngSignature.Length), Is.EqualTo(PngSignature), "PNG signature");
            Assert.That(png, Has.Length.GreaterThan(10_000), "a drawn chart, not a blank image");
            // The first chunk is IHDR: length (4), type (4), then width and height, big-endian.
            Assert.That(Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), Is.EqualTo(1200), "width");
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)), Is.EqualTo(700), "height");
            Assert.That(svg, Does.StartWith("<?xml"));
            Assert.That(svg, Does.Contain("<svg"));
            Assert.That(SvgTexts(svg), Does.Contain(title), "title drawn as text");
            // With no usable font ScottPlot silently emits no <text> at all.
            Assert.That(svg, Does.Contain("font-family=\"DejaVu Sans\""), "embedded font used");
            Assert.That(System.IO.Directory.GetFiles(Path.GetDirectoryName(pathWithoutExtension)!, "*.tmp-*"), Is.Empty);
        });
    }

    /// <summary>The text of every <c>&lt;text&gt;</c> element of an SVG file, trimmed.</summary>
    public static IReadOnlyList<string> SvgTexts(string svg) =>
        [.. XDocument.Parse(svg).Descendants(SvgNamespace + "text").Select(e => e.Value.Trim())];

    public static IReadOnlyList<string> SvgTextsOf(string pathWithoutExtension) =>
        SvgTexts(File.ReadAllText(pathWithoutExtension + ".svg", Encoding.UTF8));

    /// <summary>Asserts that two renderings of the same input are byte-identical.</summary>
    public static void AssertSameBytes(string first, string second)
    {
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(second + ".png"), Is.EqualTo(File.ReadAllBytes(first + ".png")), "PNG");
            Assert.That(File.ReadAllBytes(second + ".svg"), Is.EqualTo(File.ReadAllBytes(first + ".svg")), "SVG");
        });
    }

    public void Dispose()
    {
        if (!_keep)
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}
