using System.Globalization;
using System.Text.Json;
using IpWarehouse.Etl.Configuration;

namespace IpWarehouse.Etl.Snapshots;

/// <summary>
/// Which snapshots stay (ipwh.json <c>snapshots.keep</c>): every publish of the last <see cref="Days"/> days, the last
/// publish of each month for <see cref="Months"/> months, the last publish of each year for <see cref="Years"/> years
/// (null: forever), the snapshot of the current publish and every pinned one. Calendar days, months and years are
/// those of the configured time zone. Old published warehouse versions follow the same rule (Loader.Publish.cs).
/// </summary>
/// <param name="Days">Every publish of this many last days stays.</param>
/// <param name="Months">The last publish of each of this many last months (the current month included) stays.</param>
/// <param name="Years">The last publish of each of this many last years stays; null keeps each year's last forever.</param>
public sealed partial record SnapshotRetention(int Days, int Months, int? Years)
{
    /// <summary>The rule when ipwh.json does not say: 14 days, 24 months, every year forever.</summary>
    public static SnapshotRetention Default { get; } = new(14, 24, null);

    /// <summary>The rule of ipwh.json's <c>snapshots.keep</c> (<c>{"days": 14, "months": 24, "years": "forever"}</c>; any key may be left out).</summary>
    /// <exception cref="ConfigException">A key is unknown or its value is not a whole number of at least 0.</exception>
    public static SnapshotRetention FromConfig(IpwhConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Section("snapshots") is not { ValueKind: JsonValueKind.Object } section || !section.TryGetProperty("keep", out var keep))
        {
            return Default;
        }
        if (keep.ValueKind != JsonValueKind.Object)
        {
            throw Bad(config, "snapshots.keep", keep);
        }
        var rule = Default;
        foreach (var property in keep.EnumerateObject())
        {
            var name = "snapshots.keep." + property.Name;
            rule = property.Name switch
            {
                "days" => rule with { Days = Count(config, name, property.Value) },
                "months" => rule with { Months = Count(config, name, property.Value) },
                "years" => rule with
                {
                    Years = property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == "forever" ? null : Count(config, name, property.Value),
                },
                _ => throw new ConfigException(
                    $"{name} in {config.ConfigPath}: unknown key '{property.Name}'. snapshots.keep knows days, months and years " +
                    """(default {"days": 14, "months": 24, "years": "forever"})."""),
            };
        }
        return rule;
    }

    /// <summary>
    /// The batches of <paramref name="entries"/> this rule keeps at <paramref name="now"/>: by the calendar rules, the
    /// <paramref name="current"/> publish and the pinned ones. Removed entries count for nothing.
    /// </summary>
    public IReadOnlySet<string> Kept(IEnumerable<SnapshotEntry> entries, string? current, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zone);
        var live = entries.Where(e => e.Status != SnapshotLedger.Removed).ToList();
        var today = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in live.Where(e => e.Pinned || e.BatchId == current || now - e.AsOf < TimeSpan.FromDays(Days)))
        {
            kept.Add(entry.BatchId);
        }
        var local = live.Select(e => (Entry: e, Time: TimeZoneInfo.ConvertTime(e.AsOf, zone).DateTime)).ToList();
        foreach (var month in local.GroupBy(x => (x.Time.Year, x.Time.Month)))
        {
            var age = (today.Year - month.Key.Year) * 12 + today.Month - month.Key.Month;
            if (age < Months)
            {
                kept.Add(month.MaxBy(x => x.Entry.AsOf).Entry.BatchId);
            }
        }
        foreach (var year in local.GroupBy(x => x.Time.Year))
        {
            if (Years is null || today.Year - year.Key < Years)
            {
                kept.Add(year.MaxBy(x => x.Entry.AsOf).Entry.BatchId);
            }
        }
        return kept;
    }

    /// <summary>The rule as ipwh.json writes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"days\": {Days}, \"months\": {Months}, \"years\": {(Years is { } y ? y.ToString(CultureInfo.InvariantCulture) : "\"forever\"")}}}");

    private static int Count(IpwhConfig config, string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0 ? count : throw Bad(config, name, value);

    private static ConfigException Bad(IpwhConfig config, string name, JsonElement value) => new(
        $"{name} in {config.ConfigPath} is {value.GetRawText()}: snapshots.keep is an object of whole numbers of at least 0, " +
        """e.g. {"days": 14, "months": 24, "years": "forever"} (every publish of the last 14 days, the last of each month for 24 months, the last of each year forever).""");
}
