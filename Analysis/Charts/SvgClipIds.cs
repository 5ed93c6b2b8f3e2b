using System.Globalization;
using System.Text.RegularExpressions;

namespace HacaSim.Analysis.Charts;

/// <summary>
/// Renumbers the clip-path ids of Skia's SVG output (<c>id="cl_1f"</c>, <c>url(#cl_1f)</c>) from 1 in order of
/// appearance. Skia numbers them from a counter that keeps running across renders in the process, so
/// without this the same chart drawn twice gives different SVG files.
/// </summary>
internal static partial class SvgClipIds
{
    public static string Normalize(string svg)
    {
        var renumbered = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, match =>
        {
            string id = match.Groups["id"].Value;
            if (!renumbered.TryGetValue(id, out string? replacement))
            {
                replacement = (renumbered.Count + 1).ToString(CultureInfo.InvariantCulture);
                renumbered.Add(id, replacement);
            }
            return match.Groups["before"].Value + replacement + match.Groups["after"].Value;
        });
    }

    [GeneratedRegex("""(?<before>id="cl_|url\(#cl_)(?<id>[0-9a-f]+)(?<after>[")])""")]
    private static partial Regex ClipId();
}
