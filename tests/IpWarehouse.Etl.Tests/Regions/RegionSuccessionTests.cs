using System.Diagnostics;
using IpWarehouse.Etl.Regions;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Regions;

// The successions below were read off the MCA lists in warehouse-sql/reference/gb2260-history/ by hand
// (grep the code in the YYYYMM.tsv files), not taken from the build script.
public sealed class RegionSuccessionTests
{
    private static readonly Lazy<RegionSuccession> LazyHistory = new(RegionSuccession.LoadDefault);

    private static RegionSuccession History => LazyHistory.Value;

    [Fact]
    public void Huating_county_became_Huating_city_in_2018_and_its_1980s_code_leads_there_too()
    {
        // 620824 华亭县 is in 201712.tsv, 620881 华亭市 first in 201904.tsv; 622725 华亭县 (平凉地区) until 200112.tsv.
        var retirement = Assert.Single(History.RetirementOf("620824", Shipped.Catalog));
        Assert.Equal(("华亭县", "620881", "华亭市", "撤县设市"), (retirement.OldName, retirement.NewCode, retirement.NewName, retirement.Reason));
        Assert.Equal((new DateOnly(2017, 12, 31), new DateOnly(2019, 4, 30)), (retirement.LastListed, retirement.EffectiveDate));
        Assert.Equal("620881", retirement.Successor);
        Assert.True(retirement.SolePredecessor);

        var older = Assert.Single(History.RetirementOf("622725", Shipped.Catalog));
        Assert.Equal(("620824", null, "620881"), (older.NewCode, older.Reason, older.Successor));

        Assert.Equal(["622725", "620824"], History.HistoryOf("620824").Select(c => c.OldCode));
        Assert.Empty(History.RetirementOf("620881", Shipped.Catalog));
    }

    [Fact]
    public void A_merger_leads_each_old_code_to_the_one_new_code_but_not_as_its_sole_predecessor()
    {
        // 2019: 伊春区 230702 and 美溪区 230708 (201904.tsv) are gone in 2023; 伊美区 230717 is new.
        foreach (var code in new[] { "230702", "230708" })
        {
            var merged = Assert.Single(History.RetirementOf(code, Shipped.Catalog));
            Assert.Equal(("230717", "合并", "230717", false), (merged.NewCode, merged.Reason, merged.Successor, merged.SolePredecessor));
        }
        // 莱芜市 371200 (201904.tsv) went into 济南市 370100, which already existed: its districts 钢城区 and 莱城区 are now 济南's.
        var laiwu = Assert.Single(History.RetirementOf("371200", Shipped.Catalog));
        Assert.Equal(("370100", "合并", false), (laiwu.Successor, laiwu.Reason, laiwu.SolePredecessor));
        Assert.Equal("370117", History.RetirementOf("371203", Shipped.Catalog).Single().Successor); // 钢城区
    }

    [Fact]
    public void A_split_keeps_both_successors_and_names_no_single_one()
    {
        // 南宁地区 452100 (200112.tsv) is gone in 200212.tsv; its counties went to 南宁市 450100 and the new 崇左市 451400.
        var split = History.RetirementOf("452100", Shipped.Catalog);
        Assert.Equal(["450100", "451400"], split.Select(c => c.NewCode));
        Assert.All(split, c => Assert.Equal("拆分", c.Reason));
        Assert.All(split, c => Assert.Null(c.Successor));
        Assert.Equal(["450100", "451400"], split[0].CurrentCodes);
    }

    [Fact]
    public void Unclear_changes_name_candidates_that_are_never_followed()
    {
        // 杭州 2021: 下城区 330103 went into 拱墅区 (kept its code), not into 临平区 or 钱塘区 (created then): the lists cannot tell.
        var unclear = History.RetirementOf("330103", Shipped.Catalog);
        Assert.Equal(["330113", "330114"], unclear.Select(c => c.NewCode));
        Assert.All(unclear, c => Assert.Equal(RegionChange.Unclear, c.Reason));
        Assert.All(unclear, c => Assert.Empty(c.CurrentCodes));
    }

    [Fact]
    public void Each_change_is_listed_once_and_every_current_code_is_in_the_division_list()
    {
        var keys = History.Changes.Select(c => (c.OldCode, c.EffectiveDate, c.NewCode)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(History.Changes.SelectMany(c => c.CurrentCodes), code => Assert.True(Shipped.Catalog.IsKnown(code), code));
        Assert.All(History.Changes, c => Assert.True(c.LastListed < c.EffectiveDate, $"{c.OldCode} {c.EffectiveDate}"));
    }

    [Fact]
    public void An_address_with_a_former_name_resolves_to_the_successor()
    {
        var resolver = new AddressResolver(Shipped.Catalog, History);

        Assert.Equal("620881", resolver.Resolve("甘肃省平凉市华亭县东华镇新华街")?.Code);
        Assert.Equal("620881", resolver.Resolve("华亭县安口镇")?.Code);
        // without the history, the county is lost and only the prefecture is read
        Assert.Equal("620800", Shipped.Resolver.Resolve("甘肃省平凉市华亭县东华镇新华街")?.Code);
        // current names are unchanged
        Assert.Equal("620881", resolver.Resolve("甘肃省平凉市华亭市")?.Code);
        Assert.Equal("622921", resolver.Resolve("临夏县韩集镇")?.Code);
        // 东乡县 was also 江西's county (now 抚州市东乡区), but it is how addresses write 东乡族自治县: it stays 甘肃's
        Assert.Equal("622926", resolver.Resolve("东乡县石门镇上庄村97号")?.Code);
    }

    [Fact]
    public async Task The_shipped_csv_is_what_the_build_script_makes_of_the_shipped_lists()
    {
        var reference = Path.Combine(Repository.Root, "warehouse-sql", "reference");
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = reference,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            Environment = { ["PYTHONDONTWRITEBYTECODE"] = "1" }, // no __pycache__ in the checkout
        };
        foreach (var argument in new[] { "build_region_succession.py", "gb2260-history", "regions.csv" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        var stderr = await stderrTask;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);

        Assert.Equal(File.ReadAllText(Repository.File("warehouse-sql", "reference", "region_succession.csv")), output);
        Assert.Contains("without one clear successor today", stderr, StringComparison.Ordinal);
    }
}
