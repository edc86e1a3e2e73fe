namespace IpWarehouse.Etl.Indicators;

/// <summary>Which way an indicator is better (INDICATORS.md, column dir): it decides the ranking order.</summary>
public enum IndicatorDirection
{
    /// <summary><c>+</c>: higher is better, ranked descending.</summary>
    HigherIsBetter,

    /// <summary><c>-</c>: lower is better, ranked ascending (subsidy_violations).</summary>
    LowerIsBetter,
}
