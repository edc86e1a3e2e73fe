namespace IpWarehouse.Etl.Indicators;

/// <summary>How the trademark indicators' years run (setting <c>trademarkYear</c>).</summary>
public enum TrademarkYearMode
{
    /// <summary>
    /// <c>cnipa</c> (default): CNIPA's trademark statistics year Y runs 16 Dec Y-1 .. 15 Dec Y, stocks as of
    /// 15 Dec Y.
    /// </summary>
    Cnipa,

    /// <summary><c>calendar</c>: 1 Jan .. 31 Dec, stocks as of 31 Dec.</summary>
    Calendar,
}
