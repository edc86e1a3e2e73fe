using IpWarehouse.Etl.Layouts;

namespace IpWarehouse.Etl.Tests.Configuration;

/// The catalogue against SOURCES.md, and header recognition.
public sealed class LayoutCatalogTests
{
    [Fact]
    public void Has_the_kinds_in_the_order_of_sources_md()
    {
        Assert.Equal(
            ["patents", "trademarks", "cases", "subsidies", "population", "targets", "designations", "training", "official_figures",
             "pledges", "copyrights", "gi_products"],
            LayoutCatalog.All.Select(l => l.Name));
    }

    [Theory]
    [InlineData(SourceKind.Patents, "application_no*,patent_type,application_date*,grant_date,lapse_date,applicant_name*,applicant_type,applicant_address,region_code,credit_code,ipc_main,is_pct_national_phase,high_value_flags,abnormal_date", "application_no")]
    [InlineData(SourceKind.Trademarks, "application_no*,mark_kind,is_gi,nice_class,application_date*,registration_date,expiry_date,cancellation_date,well_known_date,applicant_name*,applicant_address,region_code,credit_code", "application_no")]
    [InlineData(SourceKind.Cases, "case_no*,case_type*,campaign,filed_date*,closed_date,transferred_date,suspended_days,is_online,region_code*,involved_amount,fine_amount,department", "case_no")]
    [InlineData(SourceKind.Subsidies, "payment_no*,program*,recipient_name*,recipient_type*,recipient_id,base_amount,paid_amount*,paid_date*,gov_level*,region_code*,related_no,is_foreign_or_major", "payment_no")]
    [InlineData(SourceKind.Population, "region_code*,year*,population*,population_type", "region_code,year,population_type")]
    [InlineData(SourceKind.Targets, "region_code*,year*,indicator*,comparator*,target_value,source_document,period", "region_code,year,indicator,period")]
    [InlineData(SourceKind.Designations, "credit_code,enterprise_name*,designation*,level*,year*,region_code*", "enterprise_name,designation,level,year")]
    [InlineData(SourceKind.Training, "event_id*,event_date*,region_code*,person_times*,topic", "event_id")]
    [InlineData(SourceKind.OfficialFigures, "region_code*,indicator*,year*,period,value*,source_document*,published_date", "region_code,indicator,year,period")]
    [InlineData(SourceKind.Pledges, "pledge_no*,registration_date*,pledgor_name*,credit_code,pledgee_name,amount*,ip_type*,ip_numbers,region_code*,cancelled_date", "pledge_no")]
    [InlineData(SourceKind.Copyrights, "registration_no*,registration_date*,work_type,title,owner_name*,credit_code,region_code*", "registration_no")]
    [InlineData(SourceKind.GiProducts, "product_name*,approval_date*,announcement_no,applicant,region_code*,revoked_date", "product_name")]
    public void Columns_required_flags_and_keys_match_sources_md(SourceKind kind, string columns, string key)
    {
        var layout = LayoutCatalog.Get(kind);
        Assert.Equal(columns.Split(','), layout.Columns.Select(c => c.Name + (c.Required ? "*" : "")));
        Assert.Equal(key.Split(','), layout.NaturalKey);
    }

    [Fact]
    public void Column_types_and_values_are_catalogued()
    {
        var patents = LayoutCatalog.Get(SourceKind.Patents);
        Assert.Equal(ColumnType.Date, patents.Find("application_date")!.Type);
        Assert.Equal(["invention", "utility_model", "design"], patents.Find("patent_type")!.EnumValues.Select(v => v.Code));
        Assert.Equal(["发明"], patents.Find("patent_type")!.EnumValues[0].Aliases);
        Assert.Equal(ColumnType.Flags, patents.Find("high_value_flags")!.Type);
        Assert.Equal(ColumnType.Boolean, patents.Find("is_pct_national_phase")!.Type);

        var trademarks = LayoutCatalog.Get(SourceKind.Trademarks);
        Assert.True(trademarks.Find("expiry_date")!.FutureAllowed);
        Assert.False(trademarks.Find("expiry_date")!.IsEventDate);
        Assert.True(trademarks.Find("registration_date")!.IsEventDate);
        Assert.Equal(ColumnType.Integer, trademarks.Find("nice_class")!.Type);

        var cases = LayoutCatalog.Get(SourceKind.Cases);
        Assert.Equal("0", cases.Find("suspended_days")!.DefaultWhenEmpty);
        Assert.Equal(ColumnType.Amount, cases.Find("fine_amount")!.Type);
        Assert.Equal(ColumnType.RegionCode, cases.Find("region_code")!.Type);
        Assert.Equal(7, cases.Find("case_type")!.EnumValues.Count);

        var subsidies = LayoutCatalog.Get(SourceKind.Subsidies);
        Assert.True(subsidies.Find("recipient_id")!.Sensitive);
        Assert.Empty(subsidies.Find("program")!.EnumValues.Single(v => v.Code == "other").Aliases);

        Assert.Equal("resident", LayoutCatalog.Get(SourceKind.Population).Find("population_type")!.DefaultWhenEmpty);
        Assert.Equal([">=", "<=", ">parent_avg"], LayoutCatalog.Get(SourceKind.Targets).Find("comparator")!.EnumValues.Select(v => v.Code));
        Assert.Equal(ColumnType.Number, LayoutCatalog.Get(SourceKind.Targets).Find("target_value")!.Type);
    }

    [Fact]
    public void Headers_match_by_canonical_name_and_alias_ignoring_case_and_spaces()
    {
        var layout = LayoutCatalog.Get(SourceKind.Patents);
        var mapping = layout.MatchHeaders(["序号", " 申请号 ", "APPLICANT_NAME", "申\u3000请\u3000日", "备注", "授权公告日", "\uFEFF主分类号"]);

        Assert.Equal(1, mapping.SourceIndexOf(layout.IndexOf("application_no")));
        Assert.Equal(2, mapping.SourceIndexOf(layout.IndexOf("applicant_name")));
        Assert.Equal(3, mapping.SourceIndexOf(layout.IndexOf("application_date")));
        Assert.Equal(5, mapping.SourceIndexOf(layout.IndexOf("grant_date")));
        Assert.Equal(6, mapping.SourceIndexOf(layout.IndexOf("ipc_main")));
        Assert.Equal(5, mapping.MatchedCount);
        Assert.Empty(mapping.MissingRequired);
    }

    [Fact]
    public void Full_width_letters_compare_as_ascii()
    {
        var layout = LayoutCatalog.Get(SourceKind.Training);
        var mapping = layout.MatchHeaders(["ＥＶＥＮＴ＿ＩＤ"]);
        Assert.Equal(0, mapping.SourceIndexOf(layout.IndexOf("event_id")));
    }

    [Fact]
    public void The_preferred_alias_wins_and_a_header_feeds_one_column()
    {
        var layout = LayoutCatalog.Get(SourceKind.Patents);
        // 专利权人 and 申请人 both mean applicant_name: 申请人 is listed first, so it wins.
        var mapping = layout.MatchHeaders(["专利权人", "申请人"]);
        Assert.Equal(1, mapping.SourceIndexOf(layout.IndexOf("applicant_name")));
    }

    [Fact]
    public void A_mapping_wins_over_aliases_and_has_no_fallback()
    {
        var layout = LayoutCatalog.Get(SourceKind.Cases);
        var mapped = new Dictionary<string, string> { ["case_no"] = "CaseNo", ["filed_date"] = "FiledOn", ["department"] = "Dept" };
        var mapping = layout.MatchHeaders(["案号", "caseno", "FiledOn", "立案日期", "案件类型"], mapped);

        Assert.Equal(1, mapping.SourceIndexOf(layout.IndexOf("case_no")));
        Assert.Equal(2, mapping.SourceIndexOf(layout.IndexOf("filed_date")));
        Assert.Equal(4, mapping.SourceIndexOf(layout.IndexOf("case_type")));
        Assert.Equal(-1, mapping.SourceIndexOf(layout.IndexOf("department")));
        Assert.Equal(["department (mapped to 'Dept')"], mapping.MissingMapped);
        Assert.Equal(["region_code"], mapping.MissingRequired);
        Assert.Contains("required columns missing: region_code", mapping.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_row_is_found_below_title_rows()
    {
        var layout = LayoutCatalog.Get(SourceKind.Cases);
        IReadOnlyList<string?>[] rows =
        [
            ["某县市场监督管理局"],
            ["2024年知识产权执法案件统计表", null, "案号"],
            [],
            ["序号", "案号", "案件类型", "立案日期", "行政区划代码"],
            ["1", "A-1", "商标侵权", "2024-01-02", "622901"],
        ];
        Assert.Equal(3, layout.FindHeaderRow(rows));
    }

    [Fact]
    public void Without_a_recognisable_header_the_first_non_blank_row_is_the_header()
    {
        var layout = LayoutCatalog.Get(SourceKind.Cases);
        IReadOnlyList<string?>[] rows = [[" "], ["a", "b"], ["c", "d"]];
        Assert.Equal(1, layout.FindHeaderRow(rows));
        Assert.Equal(-1, layout.FindHeaderRow([[], [null, " "]]));
    }
}
