using System.Linq.Expressions;
using System.Reflection;
using CsvHelper;

namespace HacaSim.Analysis.Output;

/// <summary>
/// The CSV columns of <typeparamref name="T"/>: its public readable properties in declaration order, named by
/// <see cref="CsvColumnNaming"/>, each with a writer delegate (a getter delegate for the common column types, a
/// compiled expression for any other) so a row costs no reflection or boxing.
/// Doubles are written in shortest round-trip form ("R"), so identical inputs give identical bytes and a
/// value read back is bit-identical; null and NaN are written as empty fields.
/// </summary>
/// <remarks>
/// CsvHelper 34 maps types through a source generator driven by attributes on the record types; the
/// records in <c>Records/</c> stay plain, so the columns are built here once per type instead.
/// </remarks>
internal sealed class CsvColumns<T>
{
    private static readonly Lazy<CsvColumns<T>> Shared = new(() => new CsvColumns<T>());

    private readonly Action<CsvWriter, T>[] _writers;

    private CsvColumns()
    {
        PropertyInfo[] properties = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
            // Reflection does not promise declaration order; metadata tokens follow it within a type.
            .OrderBy(p => p.MetadataToken)
            .ToArray();
        if (properties.Length == 0)
            throw new ArgumentException($"{typeof(T)} has no public properties to write as CSV columns.");
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
        // The column types of the shipped records through a plain getter delegate: compiling an expression tree costs
        // ~100 ms of JIT and interpreter set-up on the first CSV file a short run writes, on its critical path.
        if (!typeof(T).IsValueType)
        {
            MethodInfo getter = property.GetMethod!;
            Type type = property.PropertyType;
            if (type == typeof(double)) return Bind<double>(getter, WriteDouble);
            if (type == typeof(double?)) return Bind<double?>(getter, WriteNullableDouble);
            if (type == typeof(string)) return Bind<string?>(getter, WriteString);
            if (type == typeof(bool)) return Bind<bool>(getter, WriteBool);
            if (type == typeof(int)) return Bind<int>(getter, WriteFormattable);
            if (type == typeof(long)) return Bind<long>(getter, WriteFormattable);
        }
        ParameterExpression csv = Expression.Parameter(typeof(CsvWriter), "csv");
        ParameterExpression row = Expression.Parameter(typeof(T), "row");
        Expression value = Expression.Property(row, property);
        MethodInfo write = FieldWriterFor(property.PropertyType);
        if (write.GetParameters()[1].ParameterType == typeof(object))
            value = Expression.Convert(value, typeof(object));
        return Expression.Lambda<Action<CsvWriter, T>>(Expression.Call(write, csv, value), csv, row).Compile();
    }

    private static Action<CsvWriter, T> Bind<TValue>(MethodInfo getter, Action<CsvWriter, TValue> write)
    {
        Func<T, TValue> get = getter.CreateDelegate<Func<T, TValue>>();
        return (csv, row) => write(csv, get(row));
    }

    private static MethodInfo FieldWriterFor(Type type)
    {
        const BindingFlags Flags = BindingFlags.NonPublic | BindingFlags.Static;
        Type self = typeof(CsvColumns<T>);
        if (type == typeof(double))
            return self.GetMethod(nameof(WriteDouble), Flags)!;
        if (type == typeof(double?))
            return self.GetMethod(nameof(WriteNullableDouble), Flags)!;
        if (type == typeof(string))
            return self.GetMethod(nameof(WriteString), Flags)!;
        if (type == typeof(bool))
            return self.GetMethod(nameof(WriteBool), Flags)!;
        if (type.IsValueType && typeof(IUtf8SpanFormattable).IsAssignableFrom(type))
            return self.GetMethod(nameof(WriteFormattable), Flags)!.MakeGenericMethod(type);
        if (Nullable.GetUnderlyingType(type) is { } underlying && typeof(IUtf8SpanFormattable).IsAssignableFrom(underlying))
            return self.GetMethod(nameof(WriteNullableFormattable), Flags)!.MakeGenericMethod(underlying);
        return self.GetMethod(nameof(WriteObject), Flags)!;
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

    private static void WriteObject(CsvWriter csv, object? value) =>
        csv.WriteField((value?.ToString() ?? "").AsSpan());
}
