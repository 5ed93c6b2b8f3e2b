using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace HacaSim.Analysis.Output;

/// <summary>
/// The Parquet columns of <typeparamref name="T"/>: its public properties in declaration order, named like
/// the CSV columns (<see cref="CsvColumnNaming"/>), so a Parquet file and its CSV twin have the same columns.
/// Each column buffers one row group of values; int, long, double (NaN kept), nullable numbers and strings.
/// </summary>
internal sealed class ParquetColumns<T>
{
    public ParquetColumns(int rowGroupRows)
    {
        PropertyInfo[] properties = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken) // declaration order, as for CSV
            .ToArray();
        Columns = [.. properties.Select(p => Create(p, rowGroupRows))];
        Schema = new ParquetSchema(Columns.Select(c => (Field)c.Field));
    }

    public IReadOnlyList<IColumn> Columns { get; }
    public ParquetSchema Schema { get; }

    private static IColumn Create(PropertyInfo property, int rows)
    {
        Type type = property.PropertyType;
        Type column;
        if (type == typeof(string)) column = typeof(StringColumn);
        else if (Nullable.GetUnderlyingType(type) is { } underlying) column = typeof(NullableColumn<>).MakeGenericType(typeof(T), underlying);
        else if (type.IsPrimitive) column = typeof(ValueColumn<>).MakeGenericType(typeof(T), type);
        else throw new ArgumentException($"{typeof(T).Name}.{property.Name}: type {type.Name} has no Parquet column.");
        return (IColumn)Activator.CreateInstance(column, property, rows)!;
    }

    public interface IColumn
    {
        DataField Field { get; }
        void Add(T row, int index);
        Task WriteAsync(ParquetRowGroupWriter group, int count);
        /// <summary>Copies this column of one row group from <paramref name="source"/> (whose schema field is <paramref name="sourceField"/>).</summary>
        Task CopyAsync(ParquetRowGroupReader source, DataField sourceField, ParquetRowGroupWriter target, int rowCount);
    }

    private sealed class ValueColumn<TValue>(PropertyInfo property, int rows) : IColumn where TValue : struct
    {
        private readonly Func<T, TValue> _get = property.GetMethod!.CreateDelegate<Func<T, TValue>>();
        private readonly TValue[] _buffer = new TValue[rows];
        public DataField Field { get; } = new(CsvColumnNaming.ToColumnName(property.Name), typeof(TValue), isNullable: false);
        public void Add(T row, int index) => _buffer[index] = _get(row);
        public Task WriteAsync(ParquetRowGroupWriter group, int count) => group.WriteAsync<TValue>(Field, _buffer.AsMemory(0, count));

        public async Task CopyAsync(ParquetRowGroupReader source, DataField sourceField, ParquetRowGroupWriter target, int rowCount)
        {
            var values = new TValue[rowCount];
            await source.ReadAsync<TValue>(sourceField, values.AsMemory());
            await target.WriteAsync<TValue>(Field, values.AsMemory());
        }
    }

    private sealed class NullableColumn<TValue>(PropertyInfo property, int rows) : IColumn where TValue : struct
    {
        private readonly Func<T, TValue?> _get = property.GetMethod!.CreateDelegate<Func<T, TValue?>>();
        private readonly TValue?[] _buffer = new TValue?[rows];
        public DataField Field { get; } = new(CsvColumnNaming.ToColumnName(property.Name), typeof(TValue), isNullable: true);
        public void Add(T row, int index) => _buffer[index] = _get(row);
        public Task WriteAsync(ParquetRowGroupWriter group, int count) => group.WriteAsync<TValue>(Field, _buffer.AsMemory(0, count));

        public async Task CopyAsync(ParquetRowGroupReader source, DataField sourceField, ParquetRowGroupWriter target, int rowCount)
        {
            var values = new TValue?[rowCount];
            await source.ReadAsync<TValue>(sourceField, values.AsMemory());
            await target.WriteAsync<TValue>(Field, values.AsMemory());
        }
    }

    private sealed class StringColumn(PropertyInfo property, int rows) : IColumn
    {
        private readonly Func<T, string?> _get = property.GetMethod!.CreateDelegate<Func<T, string?>>();
        private readonly string?[] _buffer = new string?[rows];
        public DataField Field { get; } = new(CsvColumnNaming.ToColumnName(property.Name), typeof(string), isNullable: true);
        public void Add(T row, int index) => _buffer[index] = _get(row);
        public Task WriteAsync(ParquetRowGroupWriter group, int count) => group.WriteAsync(Field, new ArraySegment<string>(_buffer!, 0, count));

        public async Task CopyAsync(ParquetRowGroupReader source, DataField sourceField, ParquetRowGroupWriter target, int rowCount)
        {
            var values = new string?[rowCount];
            await source.ReadAsync(sourceField, values.AsMemory());
            await target.WriteAsync(Field, values!);
        }
    }
}
