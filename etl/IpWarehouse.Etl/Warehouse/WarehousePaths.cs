namespace IpWarehouse.Etl.Warehouse;

/// <summary>
/// The files of a warehouse folder. The loader works in <see cref="WorkDatabase"/>; each publish writes a new,
/// never-changed version <see cref="PublishedVersion"/>, then names it in <see cref="PublishedMarker"/> and points
/// the link <see cref="PublishedDatabase"/> at it, so a reader never sees a half-finished load and a long-running
/// reader opens each new publish by its own path.
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

    /// <summary>
    /// The stable path of the current publish, for statisticians and their tools: a symbolic link to the current
    /// <see cref="PublishedVersion"/>, replaced atomically at each publish. The product's readers open the version
    /// named in <see cref="PublishedMarker"/> instead (see <see cref="WarehouseConnections.OpenPublished(WarehousePaths)"/>).
    /// </summary>
    public string PublishedDatabase => Path.Combine(Folder, "ipwh.duckdb");

    /// <summary>Which publish is current (<see cref="Warehouse.PublishedMarker"/>), written after each publish.</summary>
    public string PublishedMarker => Path.Combine(Folder, "published.json");

    /// <summary>The published versions, one database file per publish.</summary>
    public string PublishedFolder => Path.Combine(Folder, "published");

    /// <summary>The database file of the publish of <paramref name="batchId"/>: written once, then only read.</summary>
    public string PublishedVersion(string batchId) => Path.Combine(PublishedFolder, batchId + ".duckdb");

    /// <summary>The loader's working database: staging, facts, run history. Never opened by readers.</summary>
    public string WorkDatabase => Path.Combine(Folder, "loader", "ipwh-work.duckdb");

    /// <summary>Parquet snapshots, one folder per publish.</summary>
    public string Snapshots => Path.Combine(Folder, "snapshots");

    /// <summary>The secret salt for natural persons' ID numbers: created on first run, never in a snapshot.</summary>
    public string SaltFile => Path.Combine(Folder, "secrets", "id-salt");

    /// <summary>Transcoded files and other scratch space of a load.</summary>
    public string Temp => Path.Combine(Folder, "tmp");

    /// <summary>A publish in progress; renamed to <see cref="PublishedVersion"/> when complete.</summary>
    public string PublishingDatabase(string batchId) => Path.Combine(PublishedFolder, $".publishing-{batchId}.duckdb");

    /// <summary>Creates the folders a load writes to.</summary>
    public void EnsureFolders()
    {
        foreach (var folder in new[] { Folder, Path.GetDirectoryName(WorkDatabase)!, PublishedFolder, Snapshots, Path.GetDirectoryName(SaltFile)!, Temp })
        {
            Directory.CreateDirectory(folder);
        }
    }
}
