namespace IpWarehouse.Etl.Demo.Internal;

/// An enforcement case before it is numbered and written; the dirty ones carry the spoiling step that
/// runs once the case number is known.
internal sealed class CaseDraft
{
    public required string Type { get; init; }

    public required string TypeLabel { get; init; }

    public required GansuCity City { get; init; }

    /// Null for cases the prefecture's or the province's bureau handles.
    public GansuCounty? County { get; init; }

    public bool ByProvince { get; init; }

    public required DateOnly Filed { get; init; }

    public DateOnly? Closed { get; set; }

    public DateOnly? Transferred { get; set; }

    public int? SuspendedDays { get; set; }

    public bool Online { get; init; }

    public string? Campaign { get; init; }

    public decimal? Involved { get; set; }

    public decimal? Fine { get; set; }

    public string CaseNo { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public Func<object?[], DirtyTag>? Spoil { get; init; }

    public string RegionCode => ByProvince ? Gansu.ProvinceCode : County?.Code ?? City.Code;
}
