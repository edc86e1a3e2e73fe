namespace IpWarehouse.Etl.Demo.Internal;

/// A subsidy payment before it is numbered and formatted.
internal sealed class Payment
{
    public required string Program { get; init; }

    public required Party Recipient { get; init; }

    public decimal? Base { get; init; }

    public required decimal Paid { get; init; }

    public required DateOnly Date { get; init; }

    /// county, city, province or national.
    public required string Level { get; init; }

    public required string RegionCode { get; init; }

    public string? Related { get; init; }

    public bool? Major { get; init; }

    public required string Memo { get; init; }

    /// The rule it breaks on purpose, when it does.
    public string? Rule { get; init; }

    public Func<string?[], DirtyTag>? Spoil { get; init; }

    public string PaymentNo { get; set; } = "";

    public static string ProgramLabel(string program) => program switch
    {
        "patent_grant" => "专利授权资助",
        "patent_application" => "专利申请资助",
        "annual_fee" => "年费资助",
        "rights_protection" => "维权补助",
        "pledge_interest" => "质押贴息",
        _ => "其他",
    };
}
