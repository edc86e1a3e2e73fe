namespace IpWarehouse.Bench;

/// <summary>
/// Small fixed pools the provider rows draw from: Gansu administrative codes (GB/T 2260, 62xxxx) with
/// their prefecture, and ~1 000 applicant names. The text sizes straddle DuckDB's 12-byte inline-string
/// limit on purpose: "兰州市" is 9 UTF-8 bytes, "嘉峪关市" exactly 12, "临夏回族自治州" 21, company
/// names 24–45, individuals 6–12.
/// </summary>
internal static class ProviderPools
{
    public static readonly (int Code, string City)[] Regions =
    [
        (620102, "兰州市"), (620103, "兰州市"), (620104, "兰州市"), (620105, "兰州市"), (620111, "兰州市"),
        (620121, "兰州市"), (620122, "兰州市"), (620123, "兰州市"), (620200, "嘉峪关市"), (620302, "金昌市"),
        (620402, "白银市"), (620502, "天水市"), (620503, "天水市"), (620602, "武威市"), (620702, "张掖市"),
        (620802, "平凉市"), (620902, "酒泉市"), (620982, "酒泉市"), (621002, "庆阳市"), (621102, "定西市"),
        (621202, "陇南市"), (622901, "临夏回族自治州"), (623001, "甘南藏族自治州"),
    ];

    /// <summary>900 composed company names (place + trade name + industry + legal form) and 100 individuals.</summary>
    public static readonly string[] Applicants = BuildApplicants();

    private static string[] BuildApplicants()
    {
        string[] places = ["兰州", "嘉峪关", "金昌", "白银", "天水", "武威", "张掖", "酒泉", "庆阳", "甘肃"];
        string[] tradeNames = ["恒达", "金川", "陇原", "丝路", "祁连", "黄河", "敦煌", "飞天", "西部", "华晨"];
        string[] industries = ["科技", "生物科技", "新材料", "新能源", "农业科技", "机械制造", "医药", "信息技术", "建筑工程"];
        string[] legalForms = ["有限公司", "股份有限公司", "有限责任公司"];
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "马", "周", "欧阳"];
        string[] givenNames = ["伟", "芳", "娜", "敏", "静", "磊", "建国", "海燕", "志强", "晓东"];

        var names = new List<string>(1000);
        foreach (var place in places)
        {
            foreach (var tradeName in tradeNames)
            {
                foreach (var industry in industries)
                {
                    names.Add(place + tradeName + industry + legalForms[names.Count % legalForms.Length]);
                }
            }
        }
        foreach (var surname in surnames)
        {
            foreach (var givenName in givenNames)
            {
                names.Add(surname + givenName);
            }
        }
        return [.. names];
    }
}
