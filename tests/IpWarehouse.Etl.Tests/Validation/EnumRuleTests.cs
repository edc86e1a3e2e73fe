using DuckDB.NET.Data;
using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Tests.Validation;

public class EnumRuleTests(RulesDatabase db) : IClassFixture<RulesDatabase>
{
    [Theory]
    [InlineData("patents", "patent_type", "发明", "invention")]
    [InlineData("patents", "patent_type", "invention", "invention")]
    [InlineData("patents", "patent_type", "Invention", "invention")]
    [InlineData("patents", "patent_type", " ＩＮＶＥＮＴＩＯＮ\u3000", "invention")]
    [InlineData("patents", "patent_type", "实用新型", "utility_model")]
    [InlineData("patents", "patent_type", "UTILITY_MODEL", "utility_model")]
    [InlineData("patents", "patent_type", "外观设计", "design")]
    [InlineData("patents", "applicant_type", "企业", "enterprise")]
    [InlineData("patents", "applicant_type", "高校", "university")]
    [InlineData("patents", "applicant_type", "大学", "university")]
    [InlineData("patents", "applicant_type", "科研单位", "research_institute")]
    [InlineData("patents", "applicant_type", "科研院所", "research_institute")]
    [InlineData("patents", "applicant_type", "Research_Institute", "research_institute")]
    [InlineData("patents", "applicant_type", "个人", "individual")]
    [InlineData("patents", "applicant_type", "机关", "government")]
    [InlineData("patents", "applicant_type", "政府", "government")]
    [InlineData("patents", "applicant_type", "其他", "other")]
    [InlineData("patents", "high_value_flags", "sei", "sei")]
    [InlineData("patents", "high_value_flags", "overseas_family", "overseas_family")]
    [InlineData("trademarks", "mark_kind", "普通", "ordinary")]
    [InlineData("trademarks", "mark_kind", "集体", "collective")]
    [InlineData("trademarks", "mark_kind", "证明", "certification")]
    [InlineData("trademarks", "mark_kind", "Certification", "certification")]
    [InlineData("cases", "case_type", "商标侵权", "trademark_infringement")]
    [InlineData("cases", "case_type", "地理标志", "gi")]
    [InlineData("cases", "case_type", "GI", "gi")]
    [InlineData("cases", "case_type", "假冒专利", "patent_counterfeiting")]
    [InlineData("cases", "case_type", "专利侵权纠纷", "patent_dispute")]
    [InlineData("cases", "case_type", "代理", "agency")]
    [InlineData("cases", "case_type", "版权", "copyright")]
    [InlineData("cases", "case_type", "其他", "other")]
    [InlineData("subsidies", "program", "专利授权资助", "patent_grant")]
    [InlineData("subsidies", "program", "专利申请资助", "patent_application")]
    [InlineData("subsidies", "program", "年费资助", "annual_fee")]
    [InlineData("subsidies", "program", "维权补助", "rights_protection")]
    [InlineData("subsidies", "program", "质押贴息", "pledge_interest")]
    [InlineData("subsidies", "program", "other", "other")]
    [InlineData("subsidies", "recipient_type", "自然人", "natural_person")]
    [InlineData("subsidies", "recipient_type", "法人", "legal_entity")]
    [InlineData("subsidies", "gov_level", "县级", "county")]
    [InlineData("subsidies", "gov_level", "市级", "city")]
    [InlineData("subsidies", "gov_level", "省级", "province")]
    [InlineData("subsidies", "gov_level", "国家级", "national")]
    [InlineData("population", "population_type", "常住", "resident")]
    [InlineData("population", "population_type", "户籍", "registered")]
    [InlineData("targets", "comparator", ">=", ">=")]
    [InlineData("targets", "comparator", "≥", ">=")]
    [InlineData("targets", "comparator", "＞＝", ">=")]
    [InlineData("targets", "comparator", "<=", "<=")]
    [InlineData("targets", "comparator", "≤", "<=")]
    [InlineData("targets", "comparator", "＜＝", "<=")]
    [InlineData("targets", "comparator", ">parent_avg", ">parent_avg")]
    [InlineData("targets", "comparator", "＞parent_avg", ">parent_avg")]
    [InlineData("targets", "comparator", ">PARENT_AVG", ">parent_avg")]
    [InlineData("designations", "designation", "优势企业", "advantage")]
    [InlineData("designations", "designation", "示范企业", "demonstration")]
    [InlineData("designations", "designation", "试点企业", "pilot")]
    [InlineData("designations", "level", "国家级", "national")]
    [InlineData("designations", "level", "省级", "province")]
    [InlineData("designations", "level", "市级", "city")]
    public void Enum_maps_codes_and_aliases(string layout, string column, string raw, string expected) =>
        Assert.Equal(expected, MapEnum(layout, column, raw));

    [Theory]
    [InlineData("patents", "patent_type", "发明申请")]
    [InlineData("patents", "patent_type", "x")]
    [InlineData("trademarks", "mark_kind", "发明")]
    [InlineData("targets", "comparator", ">")]
    [InlineData("targets", "comparator", "=")]
    [InlineData("designations", "level", "县级")]
    [InlineData("patents", "patent_type", "")]
    [InlineData("patents", "patent_type", null)]
    [InlineData("no_such_layout", "patent_type", "发明")]
    public void Enum_of_an_unknown_or_empty_value_is_null(string layout, string column, string? raw) =>
        Assert.Null(MapEnum(layout, column, raw));

    [Fact]
    public void Every_enum_column_of_the_layout_catalogue_maps_its_codes_and_aliases()
    {
        var checkedColumns = new List<string>();
        foreach (var layout in LayoutCatalog.All)
        {
            foreach (var column in layout.Columns.Where(c => c.Type is ColumnType.Enum or ColumnType.Flags))
            {
                checkedColumns.Add($"{layout.Name}.{column.Name}");
                foreach (var value in column.EnumValues)
                {
                    foreach (var spelling in value.Aliases.Prepend(value.Code))
                    {
                        Assert.True(value.Code == MapEnum(layout.Name, column.Name, spelling) as string,
                            $"{layout.Name}.{column.Name}: '{spelling}' should mean '{value.Code}'");
                    }
                }
            }
        }
        string[] expected =
        [
            "patents.patent_type", "patents.applicant_type", "patents.high_value_flags", "trademarks.mark_kind",
            "cases.case_type", "subsidies.program", "subsidies.recipient_type", "subsidies.gov_level",
            "population.population_type", "targets.comparator", "designations.designation", "designations.level",
            "pledges.ip_type",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), checkedColumns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_canonical_value_is_also_its_own_alias()
    {
        var missing = db.Scalar("""
            SELECT string_agg(DISTINCT e.layout || '.' || e.column_name || '=' || e.value, ', ')
            FROM ref_enum AS e
            WHERE NOT EXISTS (
              SELECT 1 FROM ref_enum AS a
              WHERE a.layout = e.layout AND a.column_name = e.column_name AND a.alias_key = lower(e.value) AND a.value = e.value
            )
            """);
        Assert.Null(missing);
    }

    [Fact]
    public void Enum_as_a_join_over_a_staging_table_agrees_with_the_macro()
    {
        db.Execute("""
            CREATE OR REPLACE TABLE stg_enum_example AS
            SELECT * FROM (VALUES (1, '发明'), (2, ' Design '), (3, '实用新型专利'), (4, '软件'), (5, NULL)) AS v(row_no, patent_type)
            """);
        var joined = db.Scalar("""
            SELECT string_agg(coalesce(e.value, '-'), ' ' ORDER BY s.row_no)
            FROM stg_enum_example AS s
            LEFT JOIN ref_enum AS e
              ON e.layout = 'patents' AND e.column_name = 'patent_type' AND e.alias_key = ipwh_enum_key(s.patent_type)
            """);
        var macro = db.Scalar("""
            SELECT string_agg(coalesce(ipwh_enum('patents', 'patent_type', patent_type), '-'), ' ' ORDER BY row_no)
            FROM stg_enum_example
            """);
        Assert.Equal("invention design utility_model - -", joined);
        Assert.Equal(joined, macro);
    }

    [Theory]
    [InlineData("清华大学", "university")]
    [InlineData("甘肃农业职业技术学院", "university")]
    [InlineData("临夏州职业学校", "university")]
    [InlineData("中国科学院大学", "university")]
    [InlineData("中国科学院兰州化学物理研究所", "research_institute")]
    [InlineData("甘肃省农业科学院", "research_institute")]
    [InlineData("甘肃省机械科学研究院", "research_institute")]
    [InlineData("兰州市农业技术研究中心", "research_institute")]
    [InlineData("华为技术有限公司", "enterprise")]
    [InlineData("兰州石化研究院有限公司", "enterprise")]
    [InlineData("临夏州农机修造厂", "enterprise")]
    [InlineData("甘肃省电力投资集团", "enterprise")]
    [InlineData("和政县牡丹种植专业合作社", "enterprise")]
    [InlineData("临夏州民族用品企业", "enterprise")]
    [InlineData("临夏市市场监督管理局", "government")]
    [InlineData("临夏回族自治州人民政府", "government")]
    [InlineData("兰州新区管委会", "government")]
    [InlineData("甘肃省发展和改革委员会", "government")]
    [InlineData("甘肃省中小企业发展局", "government")]
    [InlineData("临夏州知识产权保护中心", "government")]
    [InlineData("张三", "individual")]
    [InlineData("欧阳娜娜", "individual")]
    [InlineData("买买提·艾力", "individual")]
    [InlineData("张三；李四", "individual")]
    [InlineData(" 李四 ; 华为技术有限公司", "individual")]
    [InlineData("华为技术有限公司;张三", "enterprise")]
    [InlineData("张三丰五六", "other")]
    [InlineData("John Smith", "other")]
    [InlineData("甘肃省知识产权协会", "other")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Applicant_type_is_derived_from_the_first_name(string? name, string? expected) =>
        Assert.Equal(expected, db.Apply("ipwh_applicant_type_from_name", name));

    private object? MapEnum(string layout, string column, string? raw)
    {
        using var command = db.Connection.CreateCommand();
        command.CommandText = "SELECT ipwh_enum($layout, $column, CAST($raw AS VARCHAR))";
        command.Parameters.Add(new DuckDBParameter("layout", layout));
        command.Parameters.Add(new DuckDBParameter("column", column));
        command.Parameters.Add(new DuckDBParameter("raw", (object?)raw ?? DBNull.Value));
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
