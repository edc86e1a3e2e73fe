using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Tests.Regions;

public class RegionCatalogTests
{
    private static RegionCatalog Catalog => Shipped.Catalog;

    [Fact]
    public void Counts_per_level_match_the_NBS_2023_list()
    {
        // 31 NBS provinces + 台湾 / 香港 / 澳门; 342 NBS cities less 9 pseudo-cities (市辖区, 县, 省直辖县级行政区划);
        // 2 978 NBS counties less 3 that repeat their prefecture's code (东莞, 中山, 儋州).
        Assert.Equal(34, Catalog.Regions.Count(r => r.Level == RegionLevel.Province));
        Assert.Equal(333, Catalog.Regions.Count(r => r.Level == RegionLevel.City));
        Assert.Equal(2975, Catalog.Regions.Count(r => r.Level == RegionLevel.County));
    }

    [Fact]
    public void Gansu_has_14_prefectures_and_its_counties()
    {
        var cities = Catalog.Regions.Where(r => r.Level == RegionLevel.City && r.ProvinceCode == "620000").ToList();
        var counties = Catalog.Regions.Where(r => r.Level == RegionLevel.County && r.ProvinceCode == "620000").ToList();

        Assert.Equal(14, cities.Count);
        Assert.Equal("620100", cities[0].Code);
        Assert.Equal("623000", cities[^1].Code);
        // 86 county-level divisions + 兰州新区 620171 + NBS's 嘉峪关市 620201.
        Assert.Equal(88, counties.Count);
        Assert.All(["622901", "622921", "622926", "622927", "620171"], code => Assert.True(Catalog.IsKnown(code)));
    }

    [Theory]
    [InlineData("110101", "110000")]
    [InlineData("500229", "500000")]
    [InlineData("622901", "622900")]
    [InlineData("622900", "620000")]
    [InlineData("429004", "420000")]
    [InlineData("620000", null)]
    public void Parent(string code, string? parent)
    {
        Assert.Equal(parent, Catalog.Parent(code)?.Code);
    }

    [Theory]
    [InlineData("622901", "620000,622900,622901")]
    [InlineData("110105", "110000,110105")]
    [InlineData("429004", "420000,429004")]
    [InlineData("622900", "620000,622900")]
    [InlineData("620000", "620000")]
    public void Chain_runs_from_province_down(string code, string chain)
    {
        Assert.Equal(chain, string.Join(',', Catalog.Chain(code).Select(r => r.Code)));
    }

    [Theory]
    [InlineData("110105", "110000", "110000")]
    [InlineData("622901", "620000", "622900")]
    [InlineData("429004", "420000", "429004")]
    [InlineData("622900", "620000", "622900")]
    public void Province_and_city_codes(string code, string province, string city)
    {
        var region = Catalog.Find(code)!;

        Assert.Equal(province, region.ProvinceCode);
        Assert.Equal(city, region.CityCode);
    }

    [Theory]
    [InlineData("110100")] // NBS 市辖区 pseudo-city
    [InlineData("500200")] // NBS 县 pseudo-city
    [InlineData("429000")] // 省直辖县级行政区划
    [InlineData("999999")]
    public void Pseudo_and_unknown_codes_are_not_known(string code)
    {
        Assert.False(Catalog.IsKnown(code));
        Assert.Null(Catalog.Find(code));
    }

    [Theory]
    [InlineData("620171", true)]  // 兰州新区
    [InlineData("130171", true)]  // 石家庄高新技术产业开发区
    [InlineData("410173", true)]  // 郑州航空港经济综合实验区
    [InlineData("130181", false)] // 辛集市: 81-99 are county-level cities
    [InlineData("310115", false)] // 浦东新区 is a district despite its name
    [InlineData("120116", false)] // 滨海新区 likewise
    [InlineData("620000", false)]
    public void Functional_zones_are_flagged(string code, bool isZone)
    {
        Assert.Equal(isZone, Catalog.Find(code)!.IsFunctionalZone);
    }

    [Theory]
    [InlineData("622900", "临夏回族自治州", "临夏")]
    [InlineData("623000", "甘南藏族自治州", "甘南")]
    [InlineData("622926", "东乡族自治县", "东乡")]
    [InlineData("622927", "积石山保安族东乡族撒拉族自治县", "积石山")]
    [InlineData("622901", "临夏市", "临夏市")] // sibling 临夏县 would also shorten to 临夏
    [InlineData("450000", "广西壮族自治区", "广西")]
    [InlineData("640000", "宁夏回族自治区", "宁夏")]
    [InlineData("650000", "新疆维吾尔自治区", "新疆")]
    [InlineData("150000", "内蒙古自治区", "内蒙古")]
    [InlineData("540000", "西藏自治区", "西藏")]
    [InlineData("542500", "阿里地区", "阿里")]
    [InlineData("340523", "和县", "和县")] // one character would be left
    [InlineData("310115", "浦东新区", "浦东")]
    [InlineData("620171", "兰州新区", "兰州新区")] // zones keep their name
    public void Short_names(string code, string name, string shortName)
    {
        var region = Catalog.Find(code)!;

        Assert.Equal(name, region.Name);
        Assert.Equal(shortName, region.ShortName);
    }

    [Theory]
    [InlineData("91622901MA71X0XX1A", "622901")] // county known
    [InlineData("91622999MA71X0XX1A", "622900")] // unknown county: its prefecture
    [InlineData("91629999MA71X0XX1A", "620000")] // unknown prefecture: its province
    [InlineData("91110108MA01X0XX1A", "110108")]
    [InlineData("91110199MA01X0XX1A", "110000")] // 110100 is NBS's pseudo-city: the municipality
    [InlineData("91429004MA49X0XX1A", "429004")]
    [InlineData(" 91620171MA71X0XX1A ", "620171")]
    [InlineData("91999999MA71X0XX1A", null)]
    [InlineData("91A22901MA71X0XX1A", null)]
    [InlineData("9162", null)]
    [InlineData("", null)]
    public void Credit_code_area_digits_fall_back_to_city_then_province(string creditCode, string? code)
    {
        Assert.Equal(code, Catalog.FromCreditCode(creditCode)?.Code);
    }

    [Fact]
    public void Every_parent_is_one_level_up_and_in_the_same_province()
    {
        foreach (var region in Catalog.Regions.Where(r => r.ParentCode is not null))
        {
            var parent = region.Parent!;
            Assert.True(parent.Level < region.Level, region.ToString());
            Assert.Equal(region.ProvinceCode, parent.ProvinceCode);
            Assert.StartsWith(region.Code[..2], parent.Code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bad_header_names_the_file_and_the_fix()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => RegionCatalog.Load(new StringReader("code,name\n620000,甘肃省\n"), "test.csv"));

        Assert.Contains("test.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("build_regions.py", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parent_is_rejected()
    {
        const string csv = "code,name,level,parent_code,province_code,city_code,is_functional_zone,short_name\n"
            + "620100,兰州市,city,620000,620000,620100,false,兰州\n";

        var error = Assert.Throws<InvalidDataException>(() => RegionCatalog.Load(new StringReader(csv), "test.csv"));

        Assert.Contains("620000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_fix()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RegionCatalog.Load("/no/such/regions.csv"));

        Assert.Contains("Rebuild", error.Message, StringComparison.Ordinal);
    }
}
