namespace IpWarehouse.Etl.Indicators;

/// <summary>How many of the facts behind a figure were attributed one way (<see cref="IndicatorMart.ExplainAttribution"/>).</summary>
/// <param name="Method"><c>code</c>, <c>code_succeeded</c>, <c>address</c> or <c>credit_code</c>.</param>
/// <param name="Facts">How many facts.</param>
/// <param name="GivenCodes">For <c>code_succeeded</c>: the retired codes the sources gave.</param>
public sealed record IndicatorAttributionCount(string Method, long Facts, IReadOnlyList<string> GivenCodes);
