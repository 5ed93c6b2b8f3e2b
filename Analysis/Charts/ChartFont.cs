using ScottPlot;

namespace HacaSim.Analysis.Charts;

/// <summary>The one typeface of every chart: DejaVu Sans, embedded (see Fonts/LICENSE.txt).</summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock RegistrationLock = new();

    /// <summary>Draws <paramref name="label"/> in the bold face.</summary>
    /// <remarks>
    /// ScottPlot's <c>Font.Set</c> fixes each label's typeface to the regular face, after which the label's
    /// <c>Bold</c> flag no longer changes it; setting the typeface itself does.
    /// </remarks>
    public static void MakeBold(LabelStyle label)
    {
        EnsureRegistered();
        label.Bold = true;
        label.Font = Fonts.GetTypeface(Family, FontWeight.Bold, FontSlant.Upright, FontSpacing.Normal);
    }

    /// <summary>Sets every text element of <paramref name="plot"/> to the embedded font.</summary>
    public static void Apply(Plot plot)
    {
        EnsureRegistered();
        // Also makes Family ScottPlot's process-wide default font, for anything added to the plot later.
        plot.Font.Set(Family);
        plot.Legend.FontName = Family;
        // Otherwise the legend re-detects a font per item from the system fonts on every render.
        plot.Legend.SetBestFontOnEachRender = false;
    }

    // ScottPlot keeps its font resolvers in a process-wide list. Ours goes first, once, so the embedded
    // files win over a system "DejaVu Sans" that may be another version: identical output everywhere.
    private static void EnsureRegistered()
    {
        lock (RegistrationLock)
        {
            if (!Fonts.FontResolvers.OfType<EmbeddedFontResolver>().Any())
                Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        }
    }
}
