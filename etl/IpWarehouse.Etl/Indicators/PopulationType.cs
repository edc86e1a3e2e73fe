namespace IpWarehouse.Etl.Indicators;

/// <summary>The population per-capita indicators divide by (setting <c>populationType</c>); one ranking never mixes them.</summary>
public enum PopulationType
{
    /// <summary><c>resident</c> 常住 (default): year-end resident population.</summary>
    Resident,

    /// <summary><c>registered</c> 户籍: year-end registered (hukou) population.</summary>
    Registered,
}
