using ScottPlot;
using ScottPlot.DataSources;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// The points of one drawn line, handed to ScottPlot's <c>Scatter</c> as the coordinates array itself. ScottPlot's own source
/// for two double arrays hands out a zip view inside a skip view inside a take view, read through three interface calls per
/// point on every render; a chart of a long time series renders each of its ~33,000 points three times (layout, PNG, SVG),
/// and those views were most of the chart's cost. Limits and the rest come from ScottPlot's source over the same arrays, so
/// the plot is the same, point for point.
/// </summary>
internal sealed class LinePoints(double[] xs, double[] ys) : IScatterSource
{
    private readonly ScatterSourceDoubleArray _source = new(xs, ys);
    private readonly Coordinates[] _points = Zip(xs, ys);

    public int MinRenderIndex { get => _source.MinRenderIndex; set => _source.MinRenderIndex = value; }

    public int MaxRenderIndex { get => _source.MaxRenderIndex; set => _source.MaxRenderIndex = value; }

    public IReadOnlyList<Coordinates> GetScatterPoints() =>
        MinRenderIndex == 0 && MaxRenderIndex == _points.Length - 1 ? _points : _source.GetScatterPoints();

    public AxisLimits GetLimits() => _source.GetLimits();

    public CoordinateRange GetLimitsX() => _source.GetLimitsX();

    public CoordinateRange GetLimitsY() => _source.GetLimitsY();

    public DataPoint GetNearest(Coordinates location, RenderDetails renderInfo, float maxDistance = 15) =>
        _source.GetNearest(location, renderInfo, maxDistance);

    public DataPoint GetNearestX(Coordinates location, RenderDetails renderInfo, float maxDistance = 15) =>
        _source.GetNearestX(location, renderInfo, maxDistance);

    private static Coordinates[] Zip(double[] xs, double[] ys)
    {
        var points = new Coordinates[Math.Min(xs.Length, ys.Length)];
        for (int i = 0; i < points.Length; i++) points[i] = new Coordinates(xs[i], ys[i]);
        return points;
    }
}
