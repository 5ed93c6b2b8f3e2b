using System.Globalization;

namespace HacaSim.Randomness;

/// <summary>Reads one numeric column of a comma-separated file with a header row (measured service times, say).</summary>
public static class CsvColumn
{
    public static double[] Read(string path, string column)
    {
        using var reader = new StreamReader(path);
        string header = reader.ReadLine() ?? throw new InputException($"{path}:1: empty file; expected a header row naming column \"{column}\"");
        string[] names = header.Split(',').Select(n => n.Trim()).ToArray();
        int index = Array.IndexOf(names, column);
        if (index < 0) throw new InputException($"{path}:1: no column \"{column}\"; columns: {string.Join(", ", names)}");
        var values = new List<double>();
        int line = 1;
        while (reader.ReadLine() is { } text)
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
