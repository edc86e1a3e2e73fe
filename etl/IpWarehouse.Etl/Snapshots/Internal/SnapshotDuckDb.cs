using System.Data.Common;
using IpWarehouse.Etl.DuckDb;

namespace IpWarehouse.Etl.Snapshots.Internal;

/// The DuckDB that reads an older snapshot's own files for the deep check: in memory, holding nothing, with the
/// file access the published warehouse's connections never have.
internal static class SnapshotDuckDb
{
    internal static DbConnection OpenForFiles()
    {
        return DuckDbFactory.OpenInMemory();
    }
}
