using System.Collections.Frozen;

namespace IpWarehouse.Etl.Layouts;

/// <summary>
/// The canonical layouts of SOURCES.md. Column order, names, aliases, required flags and keys
/// follow that document exactly; change both together.
/// </summary>
public static partial class LayoutCatalog
{
    private static readonly FrozenDictionary<SourceKind, Layout> Layouts = new[]
    {
        Patents(), Trademarks(), Cases(), Subsidies(), Population(), Targets(), Designations(), Training(), OfficialFigures(),
        Pledges(), Copyrights(), GiProducts(),
    }.ToFrozenDictionary(l => l.Kind);

    private static readonly FrozenDictionary<string, SourceKind> KindsByName =
        Enum.GetValues<SourceKind>().ToFrozenDictionary(NameOf, k => k, StringComparer.Ordinal);

    /// <summary>Every layout, in the order of SOURCES.md.</summary>
    public static IReadOnlyList<Layout> All { get; } = Enum.GetValues<SourceKind>().Select(k => Layouts[k]).ToArray();

    /// <summary>The kind names accepted in ipwh.json.</summary>
    public static IReadOnlyList<string> KindNames { get; } = Enum.GetValues<SourceKind>().Select(NameOf).ToArray();

    /// <summary>The layout of a kind.</summary>
    public static Layout Get(SourceKind kind) => Layouts[kind];

    /// <summary>The kind called <paramref name="name"/> in ipwh.json (<c>patents</c>, <c>cases</c>, …).</summary>
    public static bool TryParseKind(string? name, out SourceKind kind) => KindsByName.TryGetValue(name ?? string.Empty, out kind);

    /// <summary>The kind's name as written in ipwh.json.</summary>
    public static string NameOf(SourceKind kind) => kind switch
    {
        SourceKind.Patents => "patents",
        SourceKind.Trademarks => "trademarks",
        SourceKind.Cases => "cases",
        SourceKind.Subsidies => "subsidies",
        SourceKind.Population => "population",
        SourceKind.Targets => "targets",
        SourceKind.Designations => "designations",
        SourceKind.Training => "training",
        SourceKind.OfficialFigures => "official_figures",
        SourceKind.Pledges => "pledges",
        SourceKind.Copyrights => "copyrights",
        SourceKind.GiProducts => "gi_products",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a source kind."),
    };

    private static LayoutColumn Required(string name, ColumnType type, params string[] aliases) =>
        new() { Name = name, Type = type, Required = true, Aliases = aliases };

    private static LayoutColumn Optional(string name, ColumnType type, params string[] aliases) =>
        new() { Name = name, Type = type, Aliases = aliases };

    /// Enum values written as "code" or "code:别名|别名".
    private static LayoutColumn WithValues(this LayoutColumn column, params string[] values) => column with
    {
        EnumValues = values.Select(v =>
        {
            var parts = v.Split(':', 2);
            return new EnumValue(parts[0], parts.Length > 1 ? parts[1].Split('|') : []);
        }).ToArray(),
    };
}
