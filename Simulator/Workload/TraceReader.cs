using System.Globalization;

namespace HacaSim.Workload;

/// <summary>
/// Reads request traces in the <c>TIMESTAMP,ContextTokens,GeneratedTokens</c> CSV schema of the
/// Azure LLM inference traces (Azure/AzurePublicDataset), which other public LLM-serving traces share.
/// </summary>
public static class TraceReader
{
    /// <summary>A trace larger than this is refused before reading (the public Azure traces are under 100 MB).</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Rows are about 40 characters; a longer line than this is not a trace row (and is not held in memory whole).</summary>
    public const int MaxLineChars = 4096;

    /// <summary>The required header, column for column.</summary>
    public static readonly IReadOnlyList<string> Columns = ["TIMESTAMP", "ContextTokens", "GeneratedTokens"];

    // The traces write 7 fractional digits; fewer (or none) are accepted so that a trace re-saved by
    // a spreadsheet, which drops trailing zeros, still reads.
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.f",
        "yyyy-MM-dd HH:mm:ss.ff",
        "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss.ffff",
        "yyyy-MM-dd HH:mm:ss.fffff",
        "yyyy-MM-dd HH:mm:ss.ffffff",
        "yyyy-MM-dd HH:mm:ss.fffffff",
    ];

    private const string TimestampAllowed = "a time like 2023-11-16 18:15:46.6805900 (yyyy-MM-dd HH:mm:ss with 0-7 fractional digits)";

    /// <summary>
    /// Parses the file at <paramref name="path"/>. Times become seconds after the first row. Blank
    /// lines are skipped. Any malformed line throws <see cref="InputException"/> whose message starts
    /// with <c>path:line: </c> and names the column, the value found and what is allowed.
    /// </summary>
    public static TraceData Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using StreamReader reader = InputFiles.OpenText(path, "trace", MaxBytes);
        return Read(reader, path);
    }

    /// <summary>Parses trace text from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    public static TraceData Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);

        string? header = InputFiles.ReadLine(reader, MaxLineChars, source, 1);
        if (header is null || header.Trim().Length == 0)
            throw new InputException($"{source}:1: the trace is empty; expected the header {string.Join(',', Columns)} and one row per request.");
        CheckHeader(header, source);

        var times = new List<double>();
        var context = new List<int>();
        var generated = new List<int>();
        long firstTicks = 0;
        long previousTicks = long.MinValue;
        string previousTimestamp = "";
        int previousLine = 0;
        int lineNumber = 1;
        string? line;
        while ((line = InputFiles.ReadLine(reader, MaxLineChars, source, lineNumber + 1)) is not null)
        {
            lineNumber++;
            if (line.AsSpan().Trim().IsEmpty) continue;

            ReadOnlySpan<char> rest = line;
            ReadOnlySpan<char> timestampField = NextField(ref rest, source, lineNumber, 0, line);
            ReadOnlySpan<char> contextField = NextField(ref rest, source, lineNumber, 1, line);
            ReadOnlySpan<char> generatedField = NextField(ref rest, source, lineNumber, 2, line);
            if (!rest.IsEmpty)
                throw new InputException(
                    $"{source}:{lineNumber}: the row has more than {Columns.Count} columns; expected {string.Join(',', Columns)}, found \"{InputFiles.Echo(line)}\".");

            if (!DateTime.TryParseExact(timestampField, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime timestamp))
                throw new InputException($"{source}:{lineNumber}: TIMESTAMP \"{InputFiles.Echo(timestampField)}\" is not {TimestampAllowed}.");
            if (times.Count == 0) firstTicks = timestamp.Ticks;
            if (timestamp.Ticks < previousTicks)
                throw new InputException(
                    $"{source}:{lineNumber}: TIMESTAMP \"{timestampField}\" is earlier than \"{previousTimestamp}\" on line {previousLine}; times must be non-decreasing.");
            previousTicks = timestamp.Ticks;
            previousTimestamp = timestampField.ToString();
            previousLine = lineNumber;

            times.Add((timestamp.Ticks - firstTicks) / (double)TimeSpan.TicksPerSecond);
            context.Add(ParseTokens(contextField, Columns[1], source, lineNumber));
            generated.Add(ParseTokens(generatedField, Columns[2], source, lineNumber));
        }
        if (times.Count == 0)
            throw new InputException($"{source}:{lineNumber + 1}: the trace has a header but no rows; expected one row per request.");
        return new TraceData([.. times], [.. context], [.. generated], source);
    }

    private static void CheckHeader(string header, string source)
    {
        string[] names = header.Split(',');
        bool matches = names.Length == Columns.Count;
        for (int i = 0; matches && i < names.Length; i++)
            matches = string.Equals(names[i].Trim(), Columns[i], StringComparison.OrdinalIgnoreCase);
        if (!matches)
            throw new InputException(
                $"{source}:1: the header is \"{InputFiles.Echo(header)}\"; expected exactly {string.Join(',', Columns)} (a header row is required).");
    }

    /// <summary>Cuts the next comma-separated field off <paramref name="rest"/>, trimmed.</summary>
    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> rest, string source, int lineNumber, int column, string line)
    {
        if (column > 0)
        {
            if (rest.IsEmpty || rest[0] != ',')
                throw new InputException(
                    $"{source}:{lineNumber}: the {Columns[column]} column is missing; expected {Columns.Count} columns {string.Join(',', Columns)}, found \"{InputFiles.Echo(line)}\".");
            rest = rest[1..];
        }
        int comma = rest.IndexOf(',');
        ReadOnlySpan<char> field = comma < 0 ? rest : rest[..comma];
        rest = comma < 0 ? [] : rest[comma..];
        return field.Trim();
    }

    private static int ParseTokens(ReadOnlySpan<char> field, string column, string source, int lineNumber)
    {
        // NumberStyles.None: digits only, so "-5", "+5", "1e3" and "1,000" are all rejected.
        if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            throw new InputException($"{source}:{lineNumber}: {column} \"{InputFiles.Echo(field)}\" is not a non-negative integer (digits only, at most {int.MaxValue}).");
        return value;
    }
}
