namespace IpWarehouse.Etl.Demo.Internal;

internal enum PartyKind
{
    Enterprise,
    University,
    Institute,
    Individual,
    Government,
    Association,
}

/// An applicant, registrant or subsidy recipient. The street stays the same wherever the party appears;
/// how much of the address is written varies per row, as it does in real exports.
internal sealed class Party
{
    public required string Name { get; init; }

    public required PartyKind Kind { get; init; }

    public required GansuCounty County { get; init; }

    /// The part of the address below the county: 东岗西路188号, 新城镇上庄村21号.
    public required string Street { get; init; }

    /// GB 32100-2015 code of organisations; null for persons.
    public string? CreditCode { get; init; }

    /// True when the credit code's area digits are the county's own code (not the city's or province's),
    /// so the code alone attributes the party to its county.
    public bool CreditCodeNamesCounty { get; init; }

    /// GB 11643 number of persons; null for organisations.
    public string? IdNumber { get; init; }

    /// The technical field of an enterprise or institution.
    public Domain? Domain { get; init; }

    public bool IsLegalEntity => Kind != PartyKind.Individual;

    /// 申请人类型 as CNIPA exports write it (the Chinese aliases of SOURCES.md).
    public string ApplicantTypeLabel => Kind switch
    {
        PartyKind.Enterprise => "企业",
        PartyKind.University => "大专院校",
        PartyKind.Institute => "科研单位",
        PartyKind.Individual => "个人",
        _ => "机关团体",
    };
}
