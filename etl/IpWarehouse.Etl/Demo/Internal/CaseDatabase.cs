using System.Text;
using Microsoft.Data.Sqlite;

namespace IpWarehouse.Etl.Demo.Internal;

/// Writes the case system's SQLite file: typed columns as such a system declares them, a UNIQUE case
/// number, an index on the watermark, rows inserted in one transaction in the order given (rowid order).
internal static class CaseDatabase
{
    private const string Ddl = """
        CREATE TABLE IpCases (
            CaseId          INTEGER PRIMARY KEY,
            CaseNo          TEXT NOT NULL UNIQUE,
            CaseType        TEXT,
            Campaign        TEXT,
            FiledOn         DATE,
            ClosedOn        DATE,
            TransferredOn   DATE,
            SuspendedDays   INTEGER,
            IsOnline        BOOLEAN NOT NULL DEFAULT 0,
            RegionCode      TEXT,
            InvolvedAmount  NUMERIC,
            FineAmount      NUMERIC,
            Department      TEXT,
            Handler         TEXT,
            Status          TEXT,
            Summary         TEXT,
            CreatedAt       DATETIME NOT NULL,
            UpdatedAt       DATETIME NOT NULL
        );
        CREATE INDEX IX_IpCases_UpdatedAt ON IpCases (UpdatedAt);
        """;

    public static void Write(string path, IReadOnlyList<object?[]> rows)
    {
        foreach (var stale in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            File.Delete(stale);
        }
        // No pooling: the file is closed when this returns, so it can be copied or deleted at once.
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using (var ddl = connection.CreateCommand())
        {
            ddl.CommandText = Ddl;
            ddl.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        var columns = CaseSource.Columns;
        insert.CommandText = new StringBuilder("INSERT INTO IpCases (")
            .AppendJoin(", ", columns).Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(')').ToString();
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null))).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
