namespace IpWarehouse.Etl.Planning;

/// <summary>One payment breaking one subsidy rule (<c>ipwh violations</c>), from mart_subsidy_violation.</summary>
/// <param name="PaymentNo">The payment.</param>
/// <param name="Rule">The rule broken: rights_protection_share, rights_protection_cap, paid_twice_across_levels, patent_application_ended.</param>
/// <param name="RuleEffectiveFrom">The first day of the rule version applied; null when it applies to any date.</param>
/// <param name="Detail">What was exceeded, in Chinese with the amounts.</param>
/// <param name="Program">The subsidy program.</param>
/// <param name="RecipientType">natural_person or legal_entity.</param>
/// <param name="RelatedNo">The case or patent number paid for.</param>
/// <param name="GovLevel">The paying government's level.</param>
/// <param name="RegionCode">The paying government's region.</param>
/// <param name="RegionName">Its name.</param>
/// <param name="PaidDate">The payment date.</param>
/// <param name="PaidAmount">元.</param>
/// <param name="LimitAmount">The limit exceeded (元); null for paid_twice_across_levels.</param>
/// <param name="FirstPaymentNo">For paid_twice_across_levels, the first payment of the same matter.</param>
/// <param name="SourceName">The source of the payment row.</param>
/// <param name="SourceRow">Its row in that source.</param>
/// <param name="BatchId">The batch that wrote it.</param>
public sealed record SubsidyViolation(
    string PaymentNo,
    string Rule,
    DateOnly? RuleEffectiveFrom,
    string Detail,
    string Program,
    string RecipientType,
    string? RelatedNo,
    string GovLevel,
    string RegionCode,
    string RegionName,
    DateOnly PaidDate,
    double PaidAmount,
    double? LimitAmount,
    string? FirstPaymentNo,
    string? SourceName,
    long? SourceRow,
    string? BatchId);
