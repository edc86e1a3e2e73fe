namespace IpWarehouse.Etl.Regions;

/// <summary>The three levels of the division list the warehouse keeps (GB/T 2260 省级, 地级, 县级).</summary>
public enum RegionLevel
{
    /// <summary>Province, autonomous region, municipality (北京市) or SAR.</summary>
    Province,

    /// <summary>Prefecture-level unit: city, 自治州, 地区, 盟.</summary>
    City,

    /// <summary>County-level unit: district, county, county-level city, banner, functional zone.</summary>
    County,
}
