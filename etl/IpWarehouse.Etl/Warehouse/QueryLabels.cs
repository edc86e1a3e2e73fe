namespace IpWarehouse.Etl.Warehouse;

/// <summary>Chinese labels for the columns of a query result, written into Parquet answers as column metadata.</summary>
public static class QueryLabels
{
    /// <summary>The quarantine's columns (<c>ipwh rejects</c>), labelled as the web console's table labels them.</summary>
    public static IReadOnlyDictionary<string, string> Rejects { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["batch_id"] = "批次",
        ["source"] = "数据源",
        ["file"] = "文件",
        ["row"] = "行",
        ["column"] = "列",
        ["value"] = "原值",
        ["reason"] = "原因",
        ["message"] = "说明",
    };

    /// <summary>
    /// A column name's label from the data dictionary: the Chinese word its <c>COMMENT</c> starts with (地区代码 for
    /// <c>region_code</c>), where every published table holding a column of that name agrees on it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FromDictionary(IEnumerable<DictionaryTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return tables.SelectMany(t => t.Columns)
            .Select(c => (c.Name, Label: Label(c.Comment)))
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Where(g => g.All(c => c.Label is not null) && g.Select(c => c.Label).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Label!, StringComparer.Ordinal);
    }

    private static string? Label(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }
        var word = comment.Trim().Split(' ', 2)[0];
        return word.Any(ch => ch >= '\u2E80') ? word : null;
    }
}
