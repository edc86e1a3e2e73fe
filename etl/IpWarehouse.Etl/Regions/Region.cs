namespace IpWarehouse.Etl.Regions;

/// <summary>One row of <c>warehouse-sql/reference/regions.csv</c>: a province, prefecture or county-level unit.</summary>
public sealed class Region
{
    internal Region(
        string code, string name, string shortName, RegionLevel level,
        string? parentCode, string provinceCode, string? cityCode, bool isFunctionalZone)
    {
        Code = code;
        Name = name;
        ShortName = shortName;
        Level = level;
        ParentCode = parentCode;
        ProvinceCode = provinceCode;
        CityCode = cityCode;
        IsFunctionalZone = isFunctionalZone;
    }

    /// <summary>Six-digit GB/T 2260 code, e.g. <c>622901</c>.</summary>
    public string Code { get; }

    /// <summary>Full official name as published, e.g. 临夏回族自治州.</summary>
    public string Name { get; }

    /// <summary>Short form used in addresses and charts (临夏); equal to <see cref="Name"/> when none is safe.</summary>
    public string ShortName { get; }

    /// <summary>Province, city (prefecture) or county level.</summary>
    public RegionLevel Level { get; }

    /// <summary>The parent's code; null for provinces. Municipal districts hang directly from the municipality.</summary>
    public string? ParentCode { get; }

    /// <summary>The province-level unit this region belongs to (its own code for a province).</summary>
    public string ProvinceCode { get; }

    /// <summary>
    /// The prefecture-level unit it counts under: its own code for a city; for a county its prefecture, the
    /// municipality for municipal districts (110105 → 110000), its own code for a county-level unit the
    /// province administers directly (仙桃 429004). Null for provinces.
    /// </summary>
    public string? CityCode { get; }

    /// <summary>NBS functional zone (开发区, 新区 …, county codes ending 71–80), e.g. 兰州新区 620171.</summary>
    public bool IsFunctionalZone { get; }

    /// <summary>The parent region (set once by the catalogue); null for provinces.</summary>
    public Region? Parent { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}";
}
