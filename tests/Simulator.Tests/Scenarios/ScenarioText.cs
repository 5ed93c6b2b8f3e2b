using System.Collections;
using System.Globalization;
using System.Reflection;
using HacaSim.Catalog;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// A canonical text of a scenario's values, leaving out source locations (which differ between a file and
/// its resolved copy). Records holding dictionaries compare by reference, so tests compare this text.
/// </summary>
internal static class ScenarioText
{
    public static string Of(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>()
            .OrderBy(k => Of(k), StringComparer.Ordinal).Select(k => $"{Of(k)}: {Of(map[k])}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Of)) + "]",
        _ => value.GetType().Name + "(" + string.Join(", ", value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType != typeof(SourceLocation) && p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name}={Of(p.GetValue(value))}")) + ")",
    };
}
