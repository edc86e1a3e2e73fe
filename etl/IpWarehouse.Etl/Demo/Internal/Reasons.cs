namespace IpWarehouse.Etl.Demo.Internal;

/// The quarantine reason codes of SOURCES.md.
internal static class Reasons
{
    public const string MissingRequired = "missing_required";
    public const string BadDate = "bad_date";
    public const string BadNumber = "bad_number";
    public const string BadEnum = "bad_enum";
    public const string BadCheckDigit = "bad_check_digit";
    public const string DateOrder = "date_order";
    public const string UnknownRegion = "unknown_region";
    public const string RegionUnresolved = "region_unresolved";

    /// A code that follows the GB/T 2260 pattern of 甘肃 but names no division.
    public const string UnknownRegionCode = "629999";
}
