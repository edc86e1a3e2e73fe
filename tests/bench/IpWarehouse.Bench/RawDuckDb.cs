using System.Runtime.InteropServices;

namespace IpWarehouse.Bench;

/// <summary>
/// The few DuckDB C API functions (duckdb.h, DuckDB 1.5.6) the hand-written baseline needs, bound
/// directly so that it shares nothing with DuckDB.NET but the library file: the libduckdb.so next to the
/// assembly (DuckDB.NET.Bindings.Full's linux-x64 copy), which DuckDB.NET loads too.
/// </summary>
internal static unsafe partial class RawDuckDb
{
    private const string Library = "duckdb";

    public const int Success = 0;

    static RawDuckDb()
    {
        NativeLibrary.SetDllImportResolver(typeof(RawDuckDb).Assembly, (name, _, _) =>
        {
            if (name != Library)
            {
                return 0;
            }
            return NativeLibrary.Load(Path.Combine(AppContext.BaseDirectory, "libduckdb.so"));
        });
    }

    /// <summary>duckdb_string_t: 4-byte length, then 12 inline bytes or a 4-byte prefix and a pointer.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    public struct StringValue
    {
        [FieldOffset(0)]
        public uint Length;

        [FieldOffset(8)]
        public byte* Pointer;
    }

    [LibraryImport(Library, EntryPoint = "duckdb_open")]
    public static partial int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out nint database);

    [LibraryImport(Library, EntryPoint = "duckdb_close")]
    public static partial void Close(ref nint database);

    [LibraryImport(Library, EntryPoint = "duckdb_connect")]
    public static partial int Connect(nint database, out nint connection);

    [LibraryImport(Library, EntryPoint = "duckdb_disconnect")]
    public static partial void Disconnect(ref nint connection);

    /// <summary>Runs <paramref name="sql"/>; <paramref name="result"/> may be null when the result is not wanted.</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_query")]
    public static partial int Query(nint connection, [MarshalAs(UnmanagedType.LPUTF8Str)] string sql, void* result);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_create")]
    public static partial int AppenderCreate(nint connection, byte* schema, [MarshalAs(UnmanagedType.LPUTF8Str)] string table, out nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_count")]
    public static partial ulong AppenderColumnCount(nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_type")]
    public static partial nint AppenderColumnType(nint appender, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_append_data_chunk")]
    public static partial int AppendDataChunk(nint appender, nint chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_close")]
    public static partial int AppenderClose(nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_destroy")]
    public static partial int AppenderDestroy(ref nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_logical_type")]
    public static partial void DestroyLogicalType(ref nint logicalType);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_size")]
    public static partial ulong VectorSize();

    [LibraryImport(Library, EntryPoint = "duckdb_create_data_chunk")]
    public static partial nint CreateDataChunk(nint* types, ulong columnCount);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_data_chunk")]
    public static partial void DestroyDataChunk(ref nint chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_reset")]
    public static partial void DataChunkReset(nint chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_set_size")]
    public static partial void DataChunkSetSize(nint chunk, ulong size);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_vector")]
    public static partial nint DataChunkGetVector(nint chunk, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_data")]
    public static partial void* VectorGetData(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    public static partial void VectorEnsureValidityWritable(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_validity")]
    public static partial ulong* VectorGetValidity(nint vector);

    /// <summary>
    /// Copies text into the vector's string heap without duckdb_vector_assign_string_element_len's UTF-8
    /// check (duckdb_valid_utf8_check): Encoding.UTF8 only ever produces well-formed UTF-8.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "duckdb_unsafe_vector_assign_string_element_len")]
    public static partial void UnsafeVectorAssignStringElementLen(nint vector, ulong index, byte* text, ulong length);
}
