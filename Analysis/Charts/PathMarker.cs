using ScottPlot;
using SkiaSharp;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Draws the triangle, diamond, cross and X (Eks) markers exactly as ScottPlot 5.1.59's own marker classes do (same
/// geometry, same <see cref="Drawing"/> calls, so the same pixels and SVG), except that the <see cref="SKPath"/>
/// of each marker is disposed after drawing instead of being left to the garbage collector.
/// </summary>
/// <remarks>
/// ScottPlot's markers of these shapes build an <c>SKPath</c> that nothing disposes or keeps referenced, and
/// SkiaSharp 3.119's <c>SKCanvas.DrawPath</c> does not keep its arguments alive across the native call
/// (mono/SkiaSharp#2821, #4127). Once <c>path.Handle</c> has been read the wrapper is unreachable; a garbage
/// collection during <c>sk_canvas_draw_path</c>, which another thread's allocations trigger at any moment, lets
/// the finaliser thread run <c>sk_path_delete</c> while Skia still reads the path: a native segfault (issue 19:
/// the test hosts' crashes in libSkiaSharp.so inside <c>SkCanvas::drawPath</c>). The more threads render and
/// allocate at once, the likelier. A <c>using</c> local is referenced until its <c>Dispose</c> after the last
/// draw, so no collection can finalise it earlier. Circles and squares draw without a path and stay ScottPlot's.
/// </remarks>
internal sealed class PathMarker : IMarker
{
    private static readonly Dictionary<MarkerShape, PathMarker> ByShape = new[]
    {
        MarkerShape.FilledTriangleUp, MarkerShape.OpenTriangleUp, MarkerShape.FilledTriangleDown,
        MarkerShape.OpenTriangleDown, MarkerShape.FilledDiamond, MarkerShape.OpenDiamond, MarkerShape.Cross, MarkerShape.Eks,
    }.ToDictionary(shape => shape, shape => new PathMarker(shape));

    // ScottPlot draws these without an SKPath of its own (circles, rectangles, nothing).
    private static readonly HashSet<MarkerShape> PathFree =
        [MarkerShape.None, MarkerShape.FilledCircle, MarkerShape.OpenCircle, MarkerShape.FilledSquare, MarkerShape.OpenSquare];

    private readonly MarkerShape _shape;

    private PathMarker(MarkerShape shape) => _shape = shape;

    /// <summary>
    /// Gives every visible marker of <paramref name="plot"/> (its plottables' and its legend's) a renderer that keeps its
    /// path alive; call before rendering. Throws for a shape that needs a path and has no such renderer here yet, so a
    /// new shape fails every chart test instead of crashing a process once in a while.
    /// </summary>
    public static void KeepPathsAlive(Plot plot)
    {
        foreach (IHasMarker item in plot.GetPlottables().OfType<IHasMarker>()) KeepPathAlive(item.MarkerStyle);
        // A plottable's own legend items share its MarkerStyle; manual ones have theirs.
        foreach (LegendItem item in plot.Legend.ManualItems) KeepPathAlive(item.MarkerStyle);
    }

    private static void KeepPathAlive(MarkerStyle style)
    {
        if (style.CustomRenderer is not null || !style.IsVisible || PathFree.Contains(style.Shape)) return;
        style.CustomRenderer = ByShape.TryGetValue(style.Shape, out PathMarker? marker)
            ? marker
            : throw new InvalidOperationException(
                $"Marker shape {style.Shape} draws through an SKPath that ScottPlot leaves to the finaliser (a native crash when a " +
                $"collection runs during the draw); add it to {nameof(PathMarker)} before using it in a chart.");
    }

    public void Render(SKCanvas canvas, Paint paint, Pixel center, float size, MarkerStyle markerStyle)
    {
        using SKPath path = new();
        switch (_shape)
        {
            case MarkerShape.FilledTriangleUp or MarkerShape.OpenTriangleUp or MarkerShape.FilledTriangleDown or MarkerShape.OpenTriangleDown:
            {
                // As ScottPlot: side = size; the first vertex is the apex (up: above the centre, down: below).
                float radius = (float)(size / 1.732); // size / sqrt(3)
                float xOffset = (float)(radius * 0.866); // r * sqrt(3)/2
                float yOffset = radius / 2;
                bool up = _shape is MarkerShape.FilledTriangleUp or MarkerShape.OpenTriangleUp;
                SKPoint[] points = up
                    ? [new(center.X, center.Y - radius), new(center.X + xOffset, center.Y + yOffset), new(center.X - xOffset, center.Y + yOffset)]
                    : [new(center.X, center.Y + radius), new(center.X + xOffset, center.Y - yOffset), new(center.X - xOffset, center.Y - yOffset)];
                path.AddPoly(points);
                if (_shape is MarkerShape.FilledTriangleUp or MarkerShape.FilledTriangleDown)
                    Fill(canvas, paint, path, markerStyle, new PixelRect(center, radius));
                else
                    Drawing.DrawPath(canvas, paint, path, markerStyle.LineStyle);
                break;
            }
            case MarkerShape.FilledDiamond or MarkerShape.OpenDiamond:
            {
                float radius = size / 2;
                path.AddPoly(
                [
                    new(center.X + radius, center.Y),
                    new(center.X, center.Y + radius),
                    new(center.X - radius, center.Y),
                    new(center.X, center.Y - radius),
                ]);
                if (_shape == MarkerShape.FilledDiamond)
                    Fill(canvas, paint, path, markerStyle, new PixelRect(center, radius));
                else
                    Drawing.DrawPath(canvas, paint, path, markerStyle.LineStyle);
                break;
            }
            case MarkerShape.Cross:
            {
                float offset = size / 2;
                path.MoveTo(center.X + offset, center.Y);
                path.LineTo(center.X - offset, center.Y);
                path.MoveTo(center.X, center.Y + offset);
                path.LineTo(center.X, center.Y - offset);
                Drawing.DrawPath(canvas, paint, path, markerStyle.LineStyle);
                break;
            }
            case MarkerShape.Eks:
            {
                float radius = size / 2;
                path.MoveTo(center.X + radius, center.Y + radius);
                path.LineTo(center.X - radius, center.Y - radius);
                path.MoveTo(center.X - radius, center.Y + radius);
                path.LineTo(center.X + radius, center.Y - radius);
                Drawing.DrawPath(canvas, paint, path, markerStyle.LineStyle);
                break;
            }
            default:
                throw new InvalidOperationException($"{nameof(PathMarker)} has no geometry for {_shape}.");
        }
    }

    private static void Fill(SKCanvas canvas, Paint paint, SKPath path, MarkerStyle markerStyle, PixelRect rect)
    {
        Drawing.FillPath(canvas, paint, path, markerStyle.FillStyle, rect);
        Drawing.DrawPath(canvas, paint, path, markerStyle.OutlineStyle);
    }
}
