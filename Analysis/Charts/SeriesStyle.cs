using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// How the n-th series of a chart is drawn: colour, line pattern and marker shape all change with the index,
/// so series stay apart in grey-scale print and for colour-blind readers.
/// </summary>
internal sealed record SeriesStyle(Color Color, LinePattern LinePattern, MarkerShape MarkerShape)
{
    // Okabe-Ito palette (Wong, "Points of view: Color blindness", Nature Methods 8:441, 2011), reordered so
    // that yellow, the colour with least contrast on white, comes last.
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), // blue
        Color.FromHex("#D55E00"), // vermillion
        Color.FromHex("#009E73"), // bluish green
        Color.FromHex("#CC79A7"), // reddish purple
        Color.FromHex("#E69F00"), // orange
        Color.FromHex("#56B4E9"), // sky blue
        Color.FromHex("#000000"), // black
        Color.FromHex("#F0E442"), // yellow
    ];

    private static readonly LinePattern[] Patterns =
    [
        LinePattern.Solid,
        LinePattern.Dashed,
        LinePattern.Dotted,
        new([12, 4, 2, 4], 0, "DashDot"),
        LinePattern.DenselyDashed,
    ];

    // Five patterns and seven shapes: the (pattern, shape) pair repeats only after 35 series.
    private static readonly MarkerShape[] Markers =
    [
        MarkerShape.FilledCircle,
        MarkerShape.OpenSquare,
        MarkerShape.FilledTriangleUp,
        MarkerShape.OpenDiamond,
        MarkerShape.Cross,
        MarkerShape.FilledSquare,
        MarkerShape.OpenTriangleDown,
    ];

    // One colour per verification path in every chart (CDFs, proof lag, spreads, comparisons), so a reader who
    // learnt "zkml is blue" on one chart reads the next one without the legend. Paths not listed fall back to
    // the index order; the other four palette colours stay free for those.
    private static readonly Dictionary<string, Color> PathColors = new(StringComparer.Ordinal)
    {
        ["zkml"] = Palette[0],
        ["tee"] = Palette[1],
        ["zkcrv"] = Palette[2],
        ["vanilla"] = Palette[3],
        [AllPaths] = Palette[6], // black: all paths together
    };

    /// <summary>The pseudo-path of a quantity over all paths together (drawn in black beside the paths' colours).</summary>
    public const string AllPaths = "all";

    /// <summary>The first colour, for charts with one series.</summary>
    public static Color PrimaryColor => Palette[0];

    public static SeriesStyle ForIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new SeriesStyle(Palette[index % Palette.Length], Patterns[index % Patterns.Length], Markers[index % Markers.Length]);
    }

    /// <summary>The colour of a verification path (e.g. "zkml"), or null for a name that is not one.</summary>
    public static Color? PathColor(string? path) => path is not null && PathColors.TryGetValue(path, out Color c) ? c : null;

    /// <summary>
    /// A series of a path: the path's colour, and pattern and marker from <paramref name="variant"/> (e.g. 0 for
    /// result latency, 1 for time to trust; or the variant of a comparison), so all series of one path share a
    /// colour. Null when <paramref name="path"/> is not a verification path.
    /// </summary>
    public static SeriesStyle? ForPath(string? path, int variant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        return PathColor(path) is { } color
            ? new SeriesStyle(color, Patterns[variant % Patterns.Length], Markers[variant % Markers.Length])
            : null;
    }
}
