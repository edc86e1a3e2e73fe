namespace IpWarehouse.Etl.Regions.Internal;

/// <summary>When a name form found in an address counts as a mention of its region.</summary>
internal enum FormContext
{
    /// <summary>Full names and suffixed short forms (临夏州, 东乡县): distinctive wherever they occur.</summary>
    Anywhere,

    /// <summary>
    /// Bare short names of provinces and prefectures (甘肃, 临夏): only at the start of the address or right
    /// after another region, and not when a street word follows (天水路), since they are ordinary words too.
    /// </summary>
    Leading,

    /// <summary>Two-character district names that are ordinary words (城区, 郊区, 矿区, 东区): only after an ancestor.</summary>
    AfterAncestor,
}

/// <summary>One way of writing a region's name in an address.</summary>
internal readonly record struct NameForm(string Text, Region Region, FormContext Context);
