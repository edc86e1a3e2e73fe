using Microsoft.AspNetCore.Http;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// A Parquet answer (<c>format=parquet</c>), written to memory first like <see cref="ApiText"/>: the answers are
/// bounded (row limits), the writer needs a seekable stream, and an error found while writing must still become a
/// clean 400 rather than half a file.
/// </summary>
internal static class ApiParquet
{
    /// <summary>The media type registered for Parquet.</summary>
    internal const string ContentType = "application/vnd.apache.parquet";

    internal static IResult Of(Action<Stream> write, string fileName)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Results.File(stream.ToArray(), ContentType, fileName);
    }
}
