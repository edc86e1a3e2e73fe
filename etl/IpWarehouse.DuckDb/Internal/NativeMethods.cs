using System.Runtime.InteropServices;

namespace IpWarehouse.DuckDb.Internal;

/// DuckDB's C API (src/include/duckdb.h, DuckDB 1.5.6). Every handle is an opaque pointer; strings are
/// UTF-8. Functions that return a `char*` documented as "must be freed with duckdb_free" are marked.
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    internal const int DuckDBSuccess = 0;

    // --- database, configuration, connection -------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "duckdb_library_version")]
    internal static partial byte* LibraryVersion();

    [LibraryImport(Library, EntryPoint = "duckdb_open_ext")]
    internal static partial int OpenExt(byte* path, out nint database, nint config, out byte* error);

    [LibraryImport(Library, EntryPoint = "duckdb_close")]
    internal static partial void Close(ref nint database);

    [LibraryImport(Library, EntryPoint = "duckdb_create_config")]
    internal static partial int CreateConfig(out nint config);

    [LibraryImport(Library, EntryPoint = "duckdb_set_config")]
    internal static partial int SetConfig(nint config, byte* name, byte* option);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_config")]
    internal static partial void DestroyConfig(ref nint config);

    [LibraryImport(Library, EntryPoint = "duckdb_connect")]
    internal static partial int Connect(nint database, out nint connection);

    [LibraryImport(Library, EntryPoint = "duckdb_disconnect")]
    internal static partial void Disconnect(ref nint connection);

    [LibraryImport(Library, EntryPoint = "duckdb_interrupt")]
    internal static partial void Interrupt(nint connection);

    [LibraryImport(Library, EntryPoint = "duckdb_free")]
    internal static partial void Free(void* pointer);

    // --- statements ---------------------------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "duckdb_extract_statements")]
    internal static partial ulong ExtractStatements(nint connection, byte* query, out nint extracted);

    [LibraryImport(Library, EntryPoint = "duckdb_extract_statements_error")]
    internal static partial byte* ExtractStatementsError(nint extracted);

    [LibraryImport(Library, EntryPoint = "duckdb_prepare_extracted_statement")]
    internal static partial int PrepareExtractedStatement(nint connection, nint extracted, ulong index, out nint prepared);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_extracted")]
    internal static partial void DestroyExtracted(ref nint extracted);

    [LibraryImport(Library, EntryPoint = "duckdb_prepare_error")]
    internal static partial byte* PrepareError(nint prepared);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_prepare")]
    internal static partial void DestroyPrepare(ref nint prepared);

    [LibraryImport(Library, EntryPoint = "duckdb_nparams")]
    internal static partial ulong ParameterCount(nint prepared);

    /// Returns a string the caller frees with duckdb_free.
    [LibraryImport(Library, EntryPoint = "duckdb_parameter_name")]
    internal static partial byte* ParameterName(nint prepared, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_value")]
    internal static partial int BindValue(nint prepared, ulong index, nint value);

    [LibraryImport(Library, EntryPoint = "duckdb_clear_bindings")]
    internal static partial int ClearBindings(nint prepared);

    [LibraryImport(Library, EntryPoint = "duckdb_execute_prepared")]
    internal static partial int ExecutePrepared(nint prepared, DuckDBResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_execute_prepared_streaming")]
    internal static partial int ExecutePreparedStreaming(nint prepared, DuckDBResultStruct* result);

    // --- values (parameters) ------------------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "duckdb_destroy_value")]
    internal static partial void DestroyValue(ref nint value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_null_value")]
    internal static partial nint CreateNullValue();

    [LibraryImport(Library, EntryPoint = "duckdb_create_varchar_length")]
    internal static partial nint CreateVarcharLength(byte* text, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_create_blob")]
    internal static partial nint CreateBlob(byte* data, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_create_bool")]
    internal static partial nint CreateBool([MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_int8")]
    internal static partial nint CreateInt8(sbyte value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_uint8")]
    internal static partial nint CreateUInt8(byte value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_int16")]
    internal static partial nint CreateInt16(short value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_uint16")]
    internal static partial nint CreateUInt16(ushort value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_int32")]
    internal static partial nint CreateInt32(int value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_uint32")]
    internal static partial nint CreateUInt32(uint value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_int64")]
    internal static partial nint CreateInt64(long value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_uint64")]
    internal static partial nint CreateUInt64(ulong value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_hugeint")]
    internal static partial nint CreateHugeInt(DuckDBHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_uhugeint")]
    internal static partial nint CreateUHugeInt(DuckDBHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_float")]
    internal static partial nint CreateFloat(float value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_double")]
    internal static partial nint CreateDouble(double value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_decimal")]
    internal static partial nint CreateDecimal(DuckDBDecimalStruct value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_date")]
    internal static partial nint CreateDate(int days);

    [LibraryImport(Library, EntryPoint = "duckdb_create_time")]
    internal static partial nint CreateTime(long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_create_timestamp")]
    internal static partial nint CreateTimestamp(long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_create_timestamp_tz")]
    internal static partial nint CreateTimestampTz(long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_create_interval")]
    internal static partial nint CreateInterval(DuckDBIntervalStruct value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_uuid")]
    internal static partial nint CreateUuid(DuckDBHugeInt value);

    // --- results ------------------------------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "duckdb_destroy_result")]
    internal static partial void DestroyResult(DuckDBResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_result_error")]
    internal static partial byte* ResultError(DuckDBResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_result_error_type")]
    internal static partial int ResultErrorType(DuckDBResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_result_return_type")]
    internal static partial int ResultReturnType(DuckDBResultStruct result);

    [LibraryImport(Library, EntryPoint = "duckdb_column_count")]
    internal static partial ulong ColumnCount(DuckDBResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_column_name")]
    internal static partial byte* ColumnName(DuckDBResultStruct* result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_column_logical_type")]
    internal static partial nint ColumnLogicalType(DuckDBResultStruct* result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_rows_changed")]
    internal static partial ulong RowsChanged(DuckDBResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_fetch_chunk")]
    internal static partial nint FetchChunk(DuckDBResultStruct result);

    // --- data chunks and vectors --------------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "duckdb_vector_size")]
    internal static partial ulong VectorSize();

    [LibraryImport(Library, EntryPoint = "duckdb_create_data_chunk")]
    internal static partial nint CreateDataChunk(nint* types, ulong columnCount);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_data_chunk")]
    internal static partial void DestroyDataChunk(ref nint chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_reset")]
    internal static partial void DataChunkReset(nint chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_size")]
    internal static partial ulong DataChunkGetSize(nint chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_set_size")]
    internal static partial void DataChunkSetSize(nint chunk, ulong size);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_vector")]
    internal static partial nint DataChunkGetVector(nint chunk, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_data")]
    internal static partial void* VectorGetData(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_validity")]
    internal static partial ulong* VectorGetValidity(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    internal static partial void VectorEnsureValidityWritable(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_assign_string_element_len")]
    internal static partial void VectorAssignStringElementLen(nint vector, ulong index, byte* text, ulong length);

    /// The same without DuckDB's UTF-8 validation: only for bytes .NET's UTF-8 encoder produced.
    [LibraryImport(Library, EntryPoint = "duckdb_unsafe_vector_assign_string_element_len")]
    internal static partial void UnsafeVectorAssignStringElementLen(nint vector, ulong index, byte* text, ulong length);

    // --- logical types ------------------------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "duckdb_get_type_id")]
    internal static partial int GetTypeId(nint logicalType);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_logical_type")]
    internal static partial void DestroyLogicalType(ref nint logicalType);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_width")]
    internal static partial byte DecimalWidth(nint logicalType);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_scale")]
    internal static partial byte DecimalScale(nint logicalType);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_internal_type")]
    internal static partial int DecimalInternalType(nint logicalType);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_internal_type")]
    internal static partial int EnumInternalType(nint logicalType);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_dictionary_size")]
    internal static partial uint EnumDictionarySize(nint logicalType);

    /// Returns a string the caller frees with duckdb_free.
    [LibraryImport(Library, EntryPoint = "duckdb_enum_dictionary_value")]
    internal static partial byte* EnumDictionaryValue(nint logicalType, ulong index);

    // --- appender -----------------------------------------------------------------------------------
    [LibraryImport(Library, EntryPoint = "duckdb_appender_create_ext")]
    internal static partial int AppenderCreateExt(nint connection, byte* catalog, byte* schema, byte* table, out nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_error")]
    internal static partial byte* AppenderError(nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_count")]
    internal static partial ulong AppenderColumnCount(nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_type")]
    internal static partial nint AppenderColumnType(nint appender, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_append_data_chunk")]
    internal static partial int AppendDataChunk(nint appender, nint chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_flush")]
    internal static partial int AppenderFlush(nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_close")]
    internal static partial int AppenderClose(nint appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_destroy")]
    internal static partial int AppenderDestroy(ref nint appender);
}

/// `duckdb_result`: six pointer-sized fields; only `internal_data` matters, the rest are deprecated.
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDBResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

/// `duckdb_hugeint` / `duckdb_uhugeint`: lower 64 bits unsigned, upper 64 bits.
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDBHugeInt
{
    public ulong Lower;
    public long Upper;
}

/// `duckdb_decimal`: width, scale, then the unscaled value as a hugeint (8-byte aligned).
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDBDecimalStruct
{
    public byte Width;
    public byte Scale;
    public DuckDBHugeInt Value;
}

/// `duckdb_interval`.
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDBIntervalStruct
{
    public int Months;
    public int Days;
    public long Micros;
}

/// `duckdb_string_t`: 16 bytes; length first, then 12 inline bytes or a 4-byte prefix and a pointer.
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDBStringStruct
{
    public uint Length;
    public uint Prefix;
    public nint Pointer;
}

/// `duckdb_type` (DUCKDB_TYPE_*).
internal enum DuckDBTypeId
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Time = 14,
    Interval = 15,
    HugeInt = 16,
    Varchar = 17,
    Blob = 18,
    Decimal = 19,
    TimestampS = 20,
    TimestampMs = 21,
    TimestampNs = 22,
    Enum = 23,
    List = 24,
    Struct = 25,
    Map = 26,
    Uuid = 27,
    Union = 28,
    Bit = 29,
    TimeTz = 30,
    TimestampTz = 31,
    UHugeInt = 32,
    Array = 33,
    Any = 34,
    BigNum = 35,
    SqlNull = 36,
}

/// `duckdb_result_type`.
internal enum DuckDBResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}
