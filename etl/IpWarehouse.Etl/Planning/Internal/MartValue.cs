namespace IpWarehouse.Etl.Planning.Internal;

/// One row of mart_indicator (or mart_indicator_as_of).
internal sealed record MartValue(
    string RegionCode,
    string Indicator,
    int Year,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double? Value,
    double? Numerator,
    double? Denominator);
