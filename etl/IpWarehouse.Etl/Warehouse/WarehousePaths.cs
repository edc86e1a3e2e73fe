namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// The files of a warehouse folder. The loader works in <see cref="WorkDatabase"/>; readers open
/// <see cref="PublishedDatabase"/>, which the loader only ever replaces whole (write a new file, then
/// rename it over the old one), so a reader never sees a half-finished load.
/// </summary>
public sealed class WarehousePaths
{
    /// <summary>Paths under <paramref name="folder"/> (the config's <c>warehouse</c>).</summary>
    public WarehousePaths(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The warehouse folder.</summary>
    public string Folder { get; }

    /// <summary>The published, read-only warehouse: what <c>ipwh sql</c>, the web and statisticians open.</summary>
    public string PublishedDatabase => Path.Combine(Folder, "ipwh.duckdb");

    /// <summary>Which batch <see cref="PublishedDatabase"/> holds (written after each publish).</summary>
    public string PublishedMarker => Path.Combine(Folder, "published.json");

    /// <summary>The loader's working database: staging, facts, run history. Never opened by readers.</summary>
    public string WorkDatabase => Path.Combine(Folder, "loader", "ipwh-work.duckdb");

    /// <summary>Parquet snapshots, one folder per publish.</summary>
    public string Snapshots => Path.Combine(Folder, "snapshots");

    /// <summary>The secret salt for natural persons' ID numbers: created on first run, never in a snapshot.</summary>
    public string SaltFile => Path.Combine(Folder, "secrets", "id-salt");

    /// <summary>Transcoded files and other scratch space of a load.</summary>
    public string Temp => Path.Combine(Folder, "tmp");

    /// <summary>A publish in progress; renamed to <see cref="PublishedDatabase"/> when complete.</summary>
    public string PublishingDatabase(string batchId) => Path.Combine(Folder, $".publishing-{batchId}.duckdb");

    /// <summary>Creates the folders a load writes to.</summary>
    public void EnsureFolders()
    {
        foreach (var folder in new[] { Folder, Path.GetDirectoryName(WorkDatabase)!, Snapshots, Path.GetDirectoryName(SaltFile)!, Temp })
        {
            Directory.CreateDirectory(folder);
        }
    }
}
