using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace HacaSim.Tests.Cli;

/// <summary>Reads a Parquet file back with Parquet.Net as CSV-formatted cells (doubles round-trip, null and NaN empty).</summary>
internal static class ParquetFile
{
    public static (string[] Header, List<string[]> Rows, int RowGroups) Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<(string[], List<string[]>, int)> ReadAsync(string path)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(path);
        DataField[] fields = reader.Schema.GetDataFields();
        var rows = new List<string[]>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var columns = new List<string[]>();
            foreach (DataField f in fields) columns.Add(await Column(group, f, n));
            for (int i = 0; i < n; i++) rows.Add([.. columns.Select(c => c[i])]);
        }
        return ([.. fields.Select(f => f.Name)], rows, reader.RowGroupCount);
    }

    private static async Task<string[]> Column(ParquetRowGroupReader group, DataField f, int n)
    {
        // Parquet.Net 6 reports a string column with a ReadOnlyMemory type; it still reads into strings.
        if (f.ClrType == typeof(string) || f.ClrType.Name.StartsWith("ReadOnlyMemory", StringComparison.Ordinal))
        {
            var s = new string?[n];
            await group.ReadAsync(f, s.AsMemory());
            return [.. s.Select(x => x ?? "")];
        }
        if (f.ClrType == typeof(double)) return f.IsNullable ? await Nullable<double>(group, f, n, D) : await Values<double>(group, f, n, D);
        if (f.ClrType == typeof(int)) return f.IsNullable ? await Nullable<int>(group, f, n, I) : await Values<int>(group, f, n, I);
        if (f.ClrType == typeof(long)) return f.IsNullable ? await Nullable<long>(group, f, n, L) : await Values<long>(group, f, n, L);
        if (f.ClrType == typeof(bool)) return await Values<bool>(group, f, n, b => b ? "true" : "false");
        throw new NotSupportedException(f.ClrType.FullName);
    }

    private static string D(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
    private static string L(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static async Task<string[]> Values<T>(ParquetRowGroupReader group, DataField f, int n, Func<T, string> format) where T : struct
    {
        var values = new T[n];
        await group.ReadAsync<T>(f, values.AsMemory());
        return [.. values.Select(format)];
    }

    private static async Task<string[]> Nullable<T>(ParquetRowGroupReader group, DataField f, int n, Func<T, string> format) where T : struct
    {
        var values = new T?[n];
        await group.ReadAsync<T>(f, values.AsMemory());
        return [.. values.Select(v => v is { } x ? format(x) : "")];
    }
}
