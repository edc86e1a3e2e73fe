namespace IpWarehouse.Etl.Planning.Internal;

/// Which source kinds deliver the facts an indicator counts (INDICATORS.md, the catalogue's definitions), so that a
/// reconciliation counts the quarantined rows that could have changed it.
internal static class IndicatorSources
{
    public static string[] KindsOf(string indicator) => indicator switch
    {
        _ when indicator.StartsWith("trademark", StringComparison.Ordinal) || indicator.Contains("_trademarks", StringComparison.Ordinal) => ["trademarks"],
        _ when indicator.Contains("patent", StringComparison.Ordinal) || indicator.Contains("invention", StringComparison.Ordinal) => ["patents"],
        _ when indicator.StartsWith("case", StringComparison.Ordinal) || indicator is "online_cases" or "fines_amount" => ["cases"],
        _ when indicator.StartsWith("subsidy", StringComparison.Ordinal) => ["subsidies"],
        "ip_enterprises" => ["designations"],
        "training_person_times" => ["training"],
        "abnormal_applications" or "abnormal_share" => ["patents"],
        "madrid_registrations" => ["trademarks"],
        "overdue_open_cases" => ["cases"],
        "pledge_amount" or "pledge_count" => ["pledges"],
        "copyright_registrations" => ["copyrights"],
        "gi_products" => ["gi_products"],
        "gi_total" => ["trademarks", "gi_products"],
        _ => [],
    };
}
