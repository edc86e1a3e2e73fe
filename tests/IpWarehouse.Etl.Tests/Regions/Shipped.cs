using IpWarehouse.Etl.Regions;

namespace IpWarehouse.Etl.Tests.Regions;

/// <summary>The shipped regions.csv, loaded once for all tests (it is immutable).</summary>
internal static class Shipped
{
    private static readonly Lazy<RegionCatalog> LazyCatalog = new(RegionCatalog.LoadDefault);
    private static readonly Lazy<AddressResolver> LazyResolver = new(() => new AddressResolver(Catalog));

    public static RegionCatalog Catalog => LazyCatalog.Value;

    public static AddressResolver Resolver => LazyResolver.Value;
}
