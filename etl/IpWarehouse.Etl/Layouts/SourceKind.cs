namespace IpWarehouse.Etl.Layouts;

/// <summary>What a source delivers: one of the canonical layouts of SOURCES.md.</summary>
public enum SourceKind
{
    /// <summary>专利: one row per patent application.</summary>
    Patents,

    /// <summary>商标: one row per trademark application or registration.</summary>
    Trademarks,

    /// <summary>执法案件: one row per enforcement case.</summary>
    Cases,

    /// <summary>资助与补助: one row per subsidy payment.</summary>
    Subsidies,

    /// <summary>人口: region × year × population type.</summary>
    Population,

    /// <summary>目标: region × year × indicator.</summary>
    Targets,

    /// <summary>企业认定: one row per enterprise designation.</summary>
    Designations,

    /// <summary>培训: one row per training event.</summary>
    Training,

    /// <summary>官方公布数: region × indicator × year × period, for reconciliation.</summary>
    OfficialFigures,

    /// <summary>知识产权质押登记: one row per pledge registration.</summary>
    Pledges,

    /// <summary>作品著作权登记: one row per copyright registration.</summary>
    Copyrights,

    /// <summary>地理标志保护产品: one row per protected product.</summary>
    GiProducts,
}
