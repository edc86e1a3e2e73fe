using System.Data.Common;

namespace IpWarehouse.DuckDb;

/// <summary>
/// <c>DataSource=&lt;file&gt;</c> or <c>DataSource=:memory:</c>; every other key is a DuckDB configuration
/// option (<c>ACCESS_MODE=READ_ONLY</c>, <c>threads</c>, <c>memory_limit</c>, …) applied before opening.
/// </summary>
public sealed class DuckDBConnectionStringBuilder : DbConnectionStringBuilder
{
    /// <summary>The in-memory data source: a private database per connection.</summary>
    public const string InMemory = ":memory:";

    private static readonly string[] DataSourceKeys = ["DataSource", "Data Source"];

    /// <summary>Creates an empty builder.</summary>
    public DuckDBConnectionStringBuilder()
    {
    }

    /// <summary>Parses <paramref name="connectionString"/>.</summary>
    public DuckDBConnectionStringBuilder(string connectionString)
    {
        ConnectionString = connectionString;
    }

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string DataSource
    {
        get
        {
            foreach (var key in DataSourceKeys)
            {
                if (TryGetValue(key, out var value) && value is string text && text.Length > 0)
                {
                    return text;
                }
            }
            return string.Empty;
        }
        set
        {
            Remove("Data Source");
            this["DataSource"] = value;
        }
    }

    /// <summary>The DuckDB configuration options: every key that is not the data source.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options
    {
        get
        {
            var options = new List<KeyValuePair<string, string>>();
            foreach (string key in Keys)
            {
                if (DataSourceKeys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                options.Add(new(key, Convert.ToString(this[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            }
            options.Sort((a, b) => string.Compare(a.Key, b.Key, StringComparison.OrdinalIgnoreCase));
            return options;
        }
    }
}
