namespace IpWarehouse.Etl.Demo.Internal;

/// The free-text columns a case system keeps and the loader ignores (except the department).
internal sealed partial class CaseSource
{
    private static readonly string[] Goods = ["白酒", "运动鞋", "化妆品", "食用油", "服装", "手机配件", "农资化肥", "奶粉", "茶叶", "牛肉干"];

    private static readonly string[] Brands = ["某知名", "某驰名", "某著名", "他人"];

    private static string Department(CaseDraft d)
    {
        if (d.ByProvince)
        {
            return "甘肃省市场监督管理局";
        }
        if (d.County is not { } county)
        {
            return d.City.Name + (d.Type == "patent_dispute" ? "市场监督管理局（知识产权局）" : "市场监督管理局");
        }
        // Bureaus of districts in an ordinary city carry the city's name (兰州市城关区…: 城关区 exists
        // elsewhere too); those under an autonomous prefecture do not (临夏市市场监督管理局).
        if (county.Region.IsFunctionalZone || county.Name == d.City.Name || d.City.IsAutonomous)
        {
            return county.Name + "市场监督管理局";
        }
        return d.City.Name + county.Name + "市场监督管理局";
    }

    private static string Handlers(CaseDraft d, DemoRandom random)
    {
        var mix = d.County?.People ?? d.City.Profile.People;
        return Words.PersonName(random, mix) + "、" + Words.PersonName(random, mix);
    }

    private static string Summary(CaseDraft d, DemoRandom random) => d.Type switch
    {
        "trademark_infringement" => $"当事人{(d.Online ? "通过网络店铺" : "")}销售侵犯{random.Pick(Brands)}注册商标专用权的{random.Pick(Goods)}",
        "gi" => "当事人在产品包装上擅自使用地理标志专用标志",
        "patent_counterfeiting" => "当事人在产品说明书上标注已失效的专利号",
        "patent_dispute" => "请求人请求处理被请求人侵犯其实用新型专利权纠纷",
        "agency" => "代理机构代理非正常专利申请或恶意商标注册申请",
        "copyright" => $"当事人销售盗版{random.Pick(["图书", "音像制品", "软件"])}",
        _ => "其他知识产权违法行为",
    };
}
