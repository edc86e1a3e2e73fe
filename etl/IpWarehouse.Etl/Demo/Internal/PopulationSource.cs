namespace IpWarehouse.Etl.Demo.Internal;

/// 人口: the statistics bureau's yearbook table as XLSX: year-end resident population of the province,
/// every prefecture and county, and registered population of the province and prefectures. Counties add
/// up to their prefecture exactly (see Gansu.Population).
internal sealed class PopulationSource(DemoContext context)
{
    public const string Name = "stats-population";
    public const string Kind = "population";
    public const string File = "drops/population.xlsx";
    public const string Sheet = "人口";

    private static readonly XlsxSheet Layout = new(
        Sheet,
        $"甘肃省分地区年末人口（{DemoYears.First}—{DemoYears.Last}年）",
        "单位：人。常住人口为年末常住人口，户籍人口为年末户籍人口。",
        ["行政区划代码", "地区", "年份", "人口类型", "人口"],
        [14, 30, 8, 10, 14]);

    public void Write()
    {
        var random = context.Stream(DemoStream.Population);
        var gansu = context.Gansu;
        var rows = new List<SourceRow<XlsxValue>>();
        foreach (var year in DemoYears.All)
        {
            rows.Add(Row(gansu.Province.Code, gansu.Province.Name, year, "常住", gansu.Resident(gansu.Province.Code, year), random));
            foreach (var city in gansu.Cities)
            {
                rows.Add(Row(city.Code, city.Name, year, "常住", gansu.Resident(city.Code, year), random));
                rows.AddRange(city.Counties.Select(c => Row(c.Code, c.Name, year, "常住", gansu.Resident(c.Code, year), random)));
            }
            rows.Add(Row(gansu.Province.Code, gansu.Province.Name, year, "户籍", gansu.Registered(gansu.Province.Code, year), random));
            rows.AddRange(gansu.Cities.Select(c => Row(c.Code, c.Name, year, "户籍", gansu.Registered(c.Code, year), random)));
        }
        var county = random.Pick(gansu.Counties);
        SourceRows.Scatter(rows,
        [
            Dirty(Row(Reasons.UnknownRegionCode, "某新区", 2022, "常住", 85_000, random),
                new DirtyTag(Reasons.UnknownRegion, "region_code", Reasons.UnknownRegionCode, "629999 is not a division")),
            Dirty(Row(county.Code, county.Name, 2023, "户籍", 0, random), new DirtyTag(Reasons.BadNumber, "population", "二十一万五千", "a count in Chinese numerals"),
                cells => cells[4] = XlsxValue.Of("二十一万五千")),
            Dirty(Row(county.Code, county.Name, 2021, "户籍", gansu.Resident(county.Code, 2021), random),
                new DirtyTag(Reasons.MissingRequired, "year", null, "年份 left empty"), cells => cells[2] = XlsxValue.Empty),
        ], random);
        XlsxPackage.Write(context.PathOf(File), Layout, rows.Select(r => r.Cells).ToList());
        context.Record(Name, Kind, File, "xlsx", rows, XlsxPackage.RowOf);
    }

    private static SourceRow<XlsxValue> Row(string code, string name, int year, string type, int population, DemoRandom random) => new(
    [
        XlsxValue.Of(double.Parse(code, System.Globalization.CultureInfo.InvariantCulture)),
        XlsxValue.Of(name),
        XlsxValue.Of(year),
        // 常住 is the default type; tables often leave it out.
        type == "常住" && random.Chance(0.1) ? XlsxValue.Empty : XlsxValue.Of(type),
        XlsxValue.Of(population, XlsxStyles.Thousands),
    ]);

    private static SourceRow<XlsxValue> Dirty(SourceRow<XlsxValue> row, DirtyTag tag, Action<XlsxValue[]>? spoil = null)
    {
        spoil?.Invoke(row.Cells);
        return new SourceRow<XlsxValue>(row.Cells) { Dirty = tag };
    }
}
