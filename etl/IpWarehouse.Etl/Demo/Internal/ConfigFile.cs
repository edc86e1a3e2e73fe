using System.Globalization;
using System.Text;

namespace IpWarehouse.Etl.Demo.Internal;

/// Writes ipwh.json for the demo: every source with relative paths, comments where a setting needs a
/// reason. JSON with comments, as SOURCES.md allows; no trailing commas, so strict readers manage too.
internal static class ConfigFile
{
    public const string FileName = "ipwh.json";

    public static string Write(DemoContext context)
    {
        var cases = string.Join(",\n", CaseSource.Mapping.Select(m => $"        \"{m.Canonical}\": \"{m.Column}\""));
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"// IpWarehouse demo: 甘肃省 (620000), {DemoYears.First}–{DemoYears.Last}, written by `ipwh demo --seed {context.Seed} --scale {context.Scale.ToString(CultureInfo.InvariantCulture)}`.\n")
            .Append("// Relative paths start at this file's folder. Some rows are dirty on purpose: `ipwh rejects` lists them.\n")
            .Append("{\n")
            .Append("  \"warehouse\": \"warehouse\",\n")
            .Append("  \"timeZone\": \"Asia/Shanghai\",\n")
            .Append("  \"sources\": [\n")
            .Append("    // CNIPA search-platform exports in GB18030; two files, because the platform caps one export.\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{PatentSource.Name}\", \"kind\": \"{PatentSource.Kind}\", \"connector\": \"csv\", \"path\": \"{PatentSource.Folder}/*.csv\", \"encoding\": \"auto\" }},\n")
            .Append("    // The trademark office's workbook: a title row above the header, dates as Excel dates.\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{TrademarkSource.Name}\", \"kind\": \"{TrademarkSource.Kind}\", \"connector\": \"xlsx\", \"path\": \"{TrademarkSource.File}\", \"sheet\": \"{TrademarkSource.Sheet}\" }},\n")
            .Append("    // The bureau's case system keeps its own English column names; read incrementally by UpdatedAt.\n")
            .Append("    {\n")
            .Append(CultureInfo.InvariantCulture, $"      \"name\": \"{CaseSource.Name}\", \"kind\": \"{CaseSource.Kind}\", \"connector\": \"sqlite\",\n")
            .Append(CultureInfo.InvariantCulture, $"      \"connection\": \"Data Source={CaseSource.File}\", \"table\": \"{CaseSource.Table}\", \"watermark\": \"{CaseSource.Watermark}\",\n")
            .Append("      \"columns\": {\n").Append(cases).Append('\n')
            .Append("      }\n")
            .Append("    },\n")
            .Append("    // The finance bureau's ledger (UTF-8 with BOM): 关联编号 is no standard header, so it is mapped.\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{SubsidySource.Name}\", \"kind\": \"{SubsidySource.Kind}\", \"connector\": \"csv\", \"path\": \"{SubsidySource.File}\", \"encoding\": \"utf-8\",\n")
            .Append(CultureInfo.InvariantCulture, $"      \"columns\": {{ \"related_no\": \"{SubsidySource.RelatedColumn}\" }} }},\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{PopulationSource.Name}\", \"kind\": \"{PopulationSource.Kind}\", \"connector\": \"xlsx\", \"path\": \"{PopulationSource.File}\", \"sheet\": \"{PopulationSource.Sheet}\" }},\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{TargetSource.Name}\", \"kind\": \"{TargetSource.Kind}\", \"connector\": \"xlsx\", \"path\": \"{TargetSource.File}\", \"sheet\": \"{TargetSource.Sheet}\" }},\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{DesignationSource.Name}\", \"kind\": \"{DesignationSource.Kind}\", \"connector\": \"csv\", \"path\": \"{DesignationSource.File}\" }},\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{TrainingSource.Name}\", \"kind\": \"{TrainingSource.Kind}\", \"connector\": \"csv\", \"path\": \"{TrainingSource.File}\" }},\n")
            .Append("    // Figures transcribed from bulletins and yearbooks: `ipwh reconcile` compares them with the load's own.\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{OfficialFigureSource.Name}\", \"kind\": \"{OfficialFigureSource.Kind}\", \"connector\": \"csv\", \"path\": \"{OfficialFigureSource.File}\" }},\n")
            .Append("    // The pledge register (amounts in 元 or 万元), the copyright register and the GI product list.\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{PledgeSource.Name}\", \"kind\": \"{PledgeSource.Kind}\", \"connector\": \"csv\", \"path\": \"{PledgeSource.File}\", \"encoding\": \"utf-8\" }},\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{CopyrightSource.Name}\", \"kind\": \"{CopyrightSource.Kind}\", \"connector\": \"csv\", \"path\": \"{CopyrightSource.File}\" }},\n")
            .Append(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{GiProductSource.Name}\", \"kind\": \"{GiProductSource.Kind}\", \"connector\": \"xlsx\", \"path\": \"{GiProductSource.File}\", \"sheet\": \"{GiProductSource.Sheet}\" }}\n")
            .Append("  ],\n")
            .Append("  // true: target tracking judges a completed year (or plan) on its official figure where one exists\n")
            .Append("  \"targets\": { \"preferOfficial\": false },\n")
            .Append("  // An EXAMPLE evaluation index: the weights of a real one come from the bureau's provincial document, not from ipwh.\n")
            .Append("  \"indexes\": [\n")
            .Append("    { \"name\": \"强县评价（示例权重）\", \"missing\": \"reweight\",\n")
            .Append("      \"dimensions\": [\n")
            .Append("        { \"name\": \"创造质量\", \"weight\": 40, \"indicators\": [\n")
            .Append("            { \"code\": \"high_value_invention_per_10k\", \"weight\": 50, \"normalise\": \"min_max\", \"cap\": 100 },\n")
            .Append("            { \"code\": \"valid_trademarks_growth\", \"weight\": 50, \"normalise\": \"ratio_to_parent\", \"cap\": 120 } ] },\n")
            .Append("        { \"name\": \"运用效益\", \"weight\": 20, \"indicators\": [\n")
            .Append("            { \"code\": \"pledge_amount\", \"weight\": 100, \"normalise\": \"zscore\", \"cap\": 100 } ] },\n")
            .Append("        { \"name\": \"保护环境\", \"weight\": 30, \"indicators\": [\n")
            .Append("            { \"code\": \"case_closure_rate\", \"weight\": 60, \"normalise\": \"ratio_to_target\", \"cap\": 100 },\n")
            .Append("            { \"code\": \"abnormal_share\", \"weight\": 40, \"normalise\": \"min_max\", \"cap\": 100 } ] },\n")
            .Append("        { \"name\": \"优质服务\", \"weight\": 10, \"indicators\": [\n")
            .Append("            { \"code\": \"training_person_times\", \"weight\": 100, \"normalise\": \"min_max\", \"cap\": 100 } ] } ] }\n")
            .Append("  ],\n")
            .Append("  \"schedule\": { \"nightly\": \"0 30 1 * * ?\" }   // cron (seconds first): 01:30 every night, in timeZone\n")
            .Append("}\n")
            .ToString();
        var path = context.PathOf(FileName);
        File.WriteAllText(path, text, CsvFile.Utf8);
        return path;
    }
}
