using System.Text.Json;
using System.Text.Json.Serialization;
using IpWarehouse.Etl.Warehouse;

namespace IpWarehouse.Etl.Sandbox;

/// <summary>One query for a worker process: what to run, on which warehouse, with which limits, written where.</summary>
public sealed record SqlRequest
{
    /// <summary>The warehouse folder (its current publish is opened).</summary>
    public required string Warehouse { get; init; }

    /// <summary>The statistician's SQL.</summary>
    public required string Sql { get; init; }

    /// <summary><c>table</c>, <c>json</c>, <c>csv</c> or <c>parquet</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The file the answer is written to; null for the worker's standard output.</summary>
    public string? Output { get; init; }

    /// <summary>Where the answer stops (zero: no limit).</summary>
    public OutputLimit Limit { get; init; }

    /// <summary>The query's time limit in seconds; zero for none.</summary>
    public int TimeLimitSeconds { get; init; }

    /// <summary>DuckDB's memory_limit, max_temp_directory_size and threads.</summary>
    public required string MemoryLimit { get; init; }

    /// <inheritdoc cref="MemoryLimit"/>
    public required string TempLimit { get; init; }

    /// <inheritdoc cref="MemoryLimit"/>
    public int Threads { get; init; } = 1;

    internal static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>How a query ended: <see cref="Status"/> 200 with the answer written, or an HTTP status and a message.</summary>
/// <param name="Status">200, or 400 (the query's fault), 404 (nothing published), 429 (too many queries), 500 (the worker failed), 503 (busy file).</param>
/// <param name="Error">The message for the statistician, without the server's paths; null on success.</param>
/// <param name="Cut">Which limit cut the answer short.</param>
public sealed record SqlOutcome(int Status, string? Error = null, ResultCut Cut = ResultCut.None)
{
    /// <summary>True when the answer was written.</summary>
    public bool Succeeded => Status == 200;
}
