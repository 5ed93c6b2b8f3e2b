using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace HacaSim.Analysis.Output;

/// <summary>
/// The Parquet columns of <typeparamref name="T"/>: its record parameters in declaration order (<see cref="RecordColumns"/>), named like
/// the CSV columns (<see cref="CsvColumnNaming"/>), so a Parquet file and its CSV twin have the same columns.
/// Each column buffers one row group of values; int, long, double (NaN kept), bool, their nullable forms and strings.
/// </summary>
/// <remarks>The column types are a closed list made without reflection over generic types (no MakeGenericType), so the
/// Native AOT binary has every column's code compiled in (README "Performance").</remarks>
internal sealed class ParquetColumns<[DynamicallyAccessedMembers(RecordColumns.Members)] T>
{
    public ParquetColumns(int rowGroupRows)
    {
        PropertyInfo[] properties = RecordColumns.Of<T>();
        Columns = [.. properties.Select(p => Create(p, rowGroupRows))];
        Schema = new ParquetSchema(Columns.Select(c => (Field)c.Field));
    }

    public IReadOnlyList<IColumn> Columns { get; }
    public ParquetSchema Schema { get; }

    private static IColumn Create(PropertyInfo property, int rows)
    {
        Type type = property.PropertyType;
        if (type == typeof(string)) return new StringColumn(property, rows);
        if (type == typeof(double)) return new ValueColumn<double>(property, rows);
        if (type == typeof(int)) return new ValueColumn<int>(property, rows);
        if (type == typeof(long)) return new ValueColumn<long>(property, rows);
        if (type == typeof(bool)) return new ValueColumn<bool>(property, rows);
        if (type == typeof(double?)) return new NullableColumn<double>(property, rows);
        if (type == typeof(int?)) return new NullableColumn<int>(property, rows);
        if (type == typeof(long?)) return new NullableColumn<long>(property, rows);
        if (type == typeof(bool?)) return new NullableColumn<bool>(property, rows);
        throw new ArgumentException($"{typeof(T).Name}.{property.Name}: type {type.Name} has no Parquet column " +
            "(string, double, int, long, bool and their nullable forms have).");
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
