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

    /// <summary>The first colour, for charts with one series.</summary>
    public static Color PrimaryColor => Palette[0];

    public static SeriesStyle ForIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new SeriesStyle(Palette[index % Palette.Length], Patterns[index % Patterns.Length], Markers[index % Markers.Length]);
    }
}
