using System.Globalization;

namespace HacaSim.Randomness;

/// <summary>Reads one numeric column of a comma-separated file with a header row (measured service times, say).</summary>
public static class CsvColumn
{
    /// <summary>Limits checked before reading: a measured-times file is a few MB; a line is a few numbers.</summary>
    public const long MaxBytes = 1024L * 1024 * 1024;
    public const int MaxLineChars = 65536;

    public static double[] Read(string path, string column)
    {
        using StreamReader reader = InputFiles.OpenText(path, "CSV file", MaxBytes);
        return Read(reader, path, column);
    }

    /// <summary>Reads <paramref name="column"/> from <paramref name="reader"/>; <paramref name="path"/> names it in messages.</summary>
    public static double[] Read(TextReader reader, string path, string column)
    {
        string header = InputFiles.ReadLine(reader, MaxLineChars, path, 1) ?? throw new InputException($"{path}:1: empty file; expected a header row naming column \"{column}\"");
        string[] names = header.Split(',').Select(n => n.Trim()).ToArray();
        int index = Array.IndexOf(names, column);
        if (index < 0) throw new InputException($"{path}:1: no column \"{column}\"; columns: {InputFiles.Echo(string.Join(", ", names))}");
        var values = new List<double>();
        int line = 1;
        while (InputFiles.ReadLine(reader, MaxLineChars, path, line + 1) is { } text)
        {
            line++;
            if (text.Trim().Length == 0) continue;
            string[] fields = text.Split(',');
            if (index >= fields.Length || !double.TryParse(fields[index].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                || !double.IsFinite(v))
                throw new InputException($"{path}:{line}: column \"{column}\": \"{(index < fields.Length ? fields[index] : "")}\" is not a finite number");
            values.Add(v);
        }
        return values.Count > 0 ? values.ToArray() : throw new InputException($"{path}: column \"{column}\" has no values");
    }
}
