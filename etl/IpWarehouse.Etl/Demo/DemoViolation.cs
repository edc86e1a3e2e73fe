namespace IpWarehouse.Etl.Demo;

/// <summary>
/// A subsidy payment that loads fine but breaks a subsidy rule of INDICATORS.md, so that
/// <c>subsidy_violations</c> has something to count.
/// </summary>
/// <param name="PaymentNo">The payment's natural key (凭证号).</param>
/// <param name="Row">Its CSV line number in the subsidies file.</param>
/// <param name="Rule">
/// <c>rights_protection_share</c> (paid above 50 % of base_amount), <c>rights_protection_cap</c> (above
/// 5 000 / 10 000 / 50 000), <c>paid_twice_across_levels</c> (the same recipient and related_no already paid
/// under the program by another gov_level), or <c>patent_application_ended</c> (paid after 2021-06-30).
/// </param>
/// <param name="Year">The year of the payment date.</param>
/// <param name="RegionCode">The paying government's region code as written.</param>
public sealed record DemoViolation(string PaymentNo, long Row, string Rule, int Year, string RegionCode);
