namespace IpWarehouse.Etl.Indicators;

/// <summary>Which party's region a patent or trademark counts in (INDICATORS.md, Attribution).</summary>
public enum IndicatorAttribution
{
    /// <summary>
    /// <c>first_applicant</c>: the region of the first applicant / registrant (CNIPA and WIPO practice). The
    /// loader attributes it (given code, address or credit code) into the facts' <c>region_code</c>.
    /// </summary>
    FirstApplicant,
}
