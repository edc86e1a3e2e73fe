using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace IpWarehouse.Etl.Tests.Infrastructure;

/// A Parquet file read back with Parquet.Net, the way a test checks what a writer wrote: every column's schema
/// element, its column-chunk metadata (each row group's), the file's key/value metadata and every value as
/// invariant text (DECIMAL exactly, dates yyyy-MM-dd, timestamps yyyy-MM-dd HH:mm:ss.ffffff, null as null).
public sealed record ParquetFile(
    IReadOnlyList<ParquetFile.Column> Columns, IReadOnlyList<string?[]> Rows, IReadOnlyDictionary<string, string> Metadata, int RowGroups)
{
    /// A column: its name, its Parquet.Net field (type, timestamp and decimal details) and its metadata per row group.
    public sealed record Column(string Name, DataField Field, IReadOnlyList<IReadOnlyDictionary<string, string>> ChunkMetadata)
    {
        public string? Label => ChunkMetadata.Count == 0 ? null : ChunkMetadata[0].GetValueOrDefault("label");
    }

    public Column this[string name] => Columns.Single(c => c.Name == name);

    /// The values of one column, as text.
    public IEnumerable<string?> Values(string name)
    {
        var index = Columns.ToList().FindIndex(c => c.Name == name);
        return Rows.Select(r => r[index]);
    }

    public static async Task<ParquetFile> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        return await ReadAsync(stream);
    }

    public static async Task<ParquetFile> ReadAsync(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true, UseBigDecimal = true });
        var fields = reader.Schema.DataFields;
        var chunks = fields.Select(_ => new List<IReadOnlyDictionary<string, string>>()).ToArray();
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new List<string?[]>();
            for (var f = 0; f < fields.Length; f++)
            {
                chunks[f].Add(group.GetCustomMetadata(fields[f]));
                columns.Add(await ReadColumnAsync(group, fields[f], count));
            }
            for (var r = 0; r < count; r++)
            {
                rows.Add([.. columns.Select(c => c[r])]);
            }
        }
        return new ParquetFile([.. fields.Select((f, i) => new Column(f.Name, f, chunks[i]))], rows,
            reader.CustomMetadata, reader.RowGroupCount);
    }

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        var type = field.ClrType;
        return type switch
        {
            _ when type == typeof(long) => await Read<long>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => await Read<int>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(short) => await Read<short>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(sbyte) => await Read<sbyte>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(byte) => await Read<byte>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(ushort) => await Read<ushort>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(uint) => await Read<uint>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(ulong) => await Read<ulong>(group, field, rows, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(double) => await Read<double>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(float) => await Read<float>(group, field, rows, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(bool) => await Read<bool>(group, field, rows, v => v ? "true" : "false"),
            _ when type == typeof(BigDecimal) => await Read<BigDecimal>(group, field, rows, Exact),
            _ when type == typeof(DateOnly) => await Read<DateOnly>(group, field, rows, v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) => await Read<DateTime>(group, field, rows, v => v.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)),
            _ when type == typeof(ReadOnlyMemory<byte>) => await Read<ReadOnlyMemory<byte>>(group, field, rows, v => Convert.ToHexString(v.Span)),
            _ => await ReadText(group, field, rows),
        };
    }

    private static async Task<string?[]> Read<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string> text)
        where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync<T>(field, values);
        return [.. values.Select(v => v is { } x ? text(x) : null)];
    }

    private static async Task<string?[]> ReadText(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values!);
        return values;
    }

    /// The decimal as DuckDB prints it: every digit of its scale.
    private static string Exact(BigDecimal value)
    {
        var digits = BigInteger.Abs(value.UnscaledValue).ToString(CultureInfo.InvariantCulture);
        if (value.Scale > 0)
        {
            digits = digits.PadLeft(value.Scale + 1, '0');
            digits = digits[..^value.Scale] + "." + digits[^value.Scale..];
        }
        return (value.UnscaledValue.Sign < 0 ? "-" : "") + digits;
    }
}
