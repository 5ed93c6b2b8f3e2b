using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using CsvHelper;

namespace HacaSim.Analysis.Output;

/// <summary>
/// The CSV columns of <typeparamref name="T"/>: its record parameters in declaration order (<see cref="RecordColumns"/>), named by
/// <see cref="CsvColumnNaming"/>, each with a writer delegate (a getter delegate per column type) so a row costs no
/// reflection or boxing.
/// Doubles are written in shortest round-trip form ("R"), so identical inputs give identical bytes and a
/// value read back is bit-identical; null and NaN are written as empty fields.
/// </summary>
/// <remarks>
/// CsvHelper 34 maps types through a source generator driven by attributes on the record types; the
/// records in <c>Records/</c> stay plain, so the columns are built here once per type instead.
/// </remarks>
internal sealed class CsvColumns<[DynamicallyAccessedMembers(RecordColumns.Members)] T>
    where T : class
{
    private static readonly Lazy<CsvColumns<T>> Shared = new(() => new CsvColumns<T>());

    private readonly Action<CsvWriter, T>[] _writers;

    private CsvColumns()
    {
        PropertyInfo[] properties = RecordColumns.Of<T>();
        Names = [.. properties.Select(p => CsvColumnNaming.ToColumnName(p.Name))];
        _writers = [.. properties.Select(CompileWriter)];
    }

    public static CsvColumns<T> Instance => Shared.Value;

    public IReadOnlyList<string> Names { get; }

    public void WriteRow(CsvWriter csv, T row)
    {
        foreach (Action<CsvWriter, T> write in _writers)
            write(csv, row);
        csv.EndRecord();
    }

    private static Action<CsvWriter, T> CompileWriter(PropertyInfo property)
    {
        // A getter delegate per column type: no expression trees (~100 ms of JIT and interpreter set-up on a short run's
        // critical path) and no generic types made by reflection, so the Native AOT binary has all of it compiled in.
        MethodInfo getter = property.GetMethod!;
        Type type = property.PropertyType;
        if (type == typeof(double)) return Bind<double>(getter, WriteDouble);
        if (type == typeof(double?)) return Bind<double?>(getter, WriteNullableDouble);
        if (type == typeof(string)) return Bind<string?>(getter, WriteString);
        if (type == typeof(bool)) return Bind<bool>(getter, WriteBool);
        if (type == typeof(int)) return Bind<int>(getter, WriteFormattable);
        if (type == typeof(long)) return Bind<long>(getter, WriteFormattable);
        if (type == typeof(int?)) return Bind<int?>(getter, WriteNullableFormattable);
        if (type == typeof(long?)) return Bind<long?>(getter, WriteNullableFormattable);
        throw new ArgumentException($"{typeof(T).Name}.{property.Name}: type {type.Name} has no CSV column " +
            "(string, double, int, long, bool, double?, int? and long? have).");
    }

    private static Action<CsvWriter, T> Bind<TValue>(MethodInfo getter, Action<CsvWriter, TValue> write)
    {
        Func<T, TValue> get = getter.CreateDelegate<Func<T, TValue>>();
        return (csv, row) => write(csv, get(row));
    }

    private static void WriteDouble(CsvWriter csv, double value)
    {
        if (double.IsNaN(value))
            csv.WriteField(ReadOnlySpan<char>.Empty);
        else
            csv.WriteField(value, "R");
    }

    private static void WriteNullableDouble(CsvWriter csv, double? value)
    {
        if (value is { } v)
            WriteDouble(csv, v);
        else
            csv.WriteField(ReadOnlySpan<char>.Empty);
    }

    private static void WriteString(CsvWriter csv, string? value) => csv.WriteField(value.AsSpan());

    // Lower case, as sweep.csv writes its flags.
    private static void WriteBool(CsvWriter csv, bool value) => csv.WriteField(value ? "true" : "false");

    private static void WriteFormattable<TValue>(CsvWriter csv, TValue value)
        where TValue : IUtf8SpanFormattable => csv.WriteField(value, ReadOnlySpan<char>.Empty);

    private static void WriteNullableFormattable<TValue>(CsvWriter csv, TValue? value)
        where TValue : struct, IUtf8SpanFormattable
    {
        if (value is { } v)
            csv.WriteField(v, ReadOnlySpan<char>.Empty);
        else
            csv.WriteField(ReadOnlySpan<char>.Empty);
    }
}
