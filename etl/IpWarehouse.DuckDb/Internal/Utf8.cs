using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace IpWarehouse.DuckDb.Internal;

/// UTF-8 strings for the C API: NUL-terminated copies in and decoded strings out.
internal static unsafe class Utf8
{
    internal static string? FromNative(byte* text) =>
        text == null ? null : Marshal.PtrToStringUTF8((nint)text);

    /// Decodes and frees a string that DuckDB allocated for the caller (duckdb_free).
    internal static string? FromNativeAndFree(byte* text)
    {
        if (text == null)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8((nint)text);
        }
        finally
        {
            NativeMethods.Free(text);
        }
    }

    /// A NUL-terminated UTF-8 copy of <paramref name="value"/> in pooled memory; dispose returns it.
    internal static PinnedUtf8 Pin(string? value) => new(value);

    internal readonly struct PinnedUtf8 : IDisposable
    {
        private readonly byte[]? buffer;
        private readonly GCHandle handle;

        public PinnedUtf8(string? value)
        {
            if (value is null)
            {
                buffer = null;
                handle = default;
                Length = 0;
                return;
            }
            var max = Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
            buffer = ArrayPool<byte>.Shared.Rent(max);
            Length = Encoding.UTF8.GetBytes(value, buffer);
            buffer[Length] = 0;
            handle = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        }

        public int Length { get; }

        public byte* Pointer => buffer is null ? null : (byte*)handle.AddrOfPinnedObject();

        public void Dispose()
        {
            if (buffer is not null)
            {
                handle.Free();
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
