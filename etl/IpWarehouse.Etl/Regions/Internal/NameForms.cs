namespace IpWarehouse.Etl.Regions.Internal;

/// <summary>
/// The forms under which each region is recognised in an address. The short name itself comes from
/// regions.csv (build_regions.py decides it once, for SQL and charts too); which forms an address may use
/// is decided here.
/// </summary>
internal static class NameForms
{
    internal static IEnumerable<NameForm> For(Region region, Region? parent)
    {
        var name = region.Name;
        var stem = region.ShortName;
        var hasShort = !string.Equals(stem, name, StringComparison.Ordinal);

        switch (region.Level)
        {
            case RegionLevel.Province:
                yield return new NameForm(name, region, FormContext.Anywhere);
                if (hasShort)
                {
                    yield return new NameForm(stem, region, FormContext.Leading);
                }
                if (hasShort && name.EndsWith("自治区", StringComparison.Ordinal))
                {
                    yield return new NameForm(stem + "自治区", region, FormContext.Anywhere); // 广西自治区
                }
                break;

            case RegionLevel.City:
                yield return new NameForm(name, region, FormContext.Anywhere);
                if (hasShort)
                {
                    yield return new NameForm(stem, region, FormContext.Leading);
                }
                if (hasShort && name.EndsWith("自治州", StringComparison.Ordinal))
                {
                    yield return new NameForm(stem + "州", region, FormContext.Anywhere); // 临夏州
                    yield return new NameForm(stem + "自治州", region, FormContext.Anywhere);
                }
                break;

            default:
                // NBS lists 嘉峪关 620201 under 嘉峪关市 620200 with the same name: the name means the city.
                if (parent is not null && string.Equals(name, parent.Name, StringComparison.Ordinal))
                {
                    yield break;
                }
                var context = name.Length == 2 && name[1] == '区' ? FormContext.AfterAncestor : FormContext.Anywhere;
                yield return new NameForm(name, region, context);
                // A county's bare short name (东乡) is never a form: it is too often part of a street or
                // township name (东乡路, 东乡镇). Autonomous counties and banners are commonly written with
                // the plain suffix instead: 东乡县, 积石山县, 鄂温克旗.
                if (hasShort && name.EndsWith("自治县", StringComparison.Ordinal))
                {
                    yield return new NameForm(stem + "县", region, FormContext.Anywhere);
                }
                else if (hasShort && name.EndsWith("自治旗", StringComparison.Ordinal))
                {
                    yield return new NameForm(stem + "旗", region, FormContext.Anywhere);
                }
                break;
        }
    }
}
