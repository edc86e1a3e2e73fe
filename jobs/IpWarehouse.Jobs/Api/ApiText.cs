using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IpWarehouse.Jobs.Api;

/// <summary>
/// A text answer written to memory first: the answers are small (row limits), and an error found while
/// writing (a conversion in the last chunk of a query) must still become a clean 400, not half a body.
/// </summary>
internal static class ApiText
{
    internal const string Json = "application/json; charset=utf-8";

    internal const string Csv = "text/csv; charset=utf-8";

    internal static IResult Of(Action<TextWriter> write, string contentType)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return Results.Text(writer.ToString(), contentType, Encoding.UTF8);
    }
}
