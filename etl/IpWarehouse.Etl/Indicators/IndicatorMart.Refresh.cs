using DuckDB.NET.Data;
using IpWarehouse.Etl.Indicators.Internal;
using IpWarehouse.Etl.Loading.Internal;

namespace IpWarehouse.Etl.Indicators;

/// The nightly refresh: the indicator rows the loads since the last build can affect, not the whole mart.
public static partial class IndicatorMart
{
    /// <summary>
    /// Brings both marts up to date with the facts after the loads committed since the last build, recomputing
    /// only the <c>mart_indicator</c> rows they can affect: the regions (with their ancestors) and years whose
    /// measures changed, and the year after each (growth rates). The measures are updated by difference: the
    /// same models run over the fact rows the pending loads wrote (added) and the values those rows replaced
    /// (subtracted), so the unchanged facts are not read; a stock fact counts in every year its interval covers,
    /// so a changed grant or lapse date reaches every year it touches. Designations and subsidy payments, whose
    /// measures do not add up row by row, are recomputed whole, and so is <c>mart_subsidy_violation</c>.
    /// Falls back to <see cref="Build"/> (and says why in <see cref="IndicatorBuild.FullReason"/>) when there is
    /// no earlier build, the settings, schema, indicator SQL or division list changed, the years with facts
    /// changed, population, targets or official figures changed, a province gained or lost its first or last
    /// fact, or a load committed without recording its changes. One transaction, like <see cref="Build"/>.
    /// </summary>
    /// <param name="warehouse">A read-write connection to the loader's working warehouse.</param>
    /// <param name="settings">The counting rules; their canonical JSON is stored with every row.</param>
    /// <param name="clock">Gives <c>computed_at</c> of the rows written.</param>
    /// <param name="cancellationToken">Interrupts the running SQL; nothing is written then.</param>
    /// <exception cref="WarehouseSqlException">A SQL file failed; the message names it.</exception>
    public static IndicatorBuild Refresh(DuckDBConnection warehouse, IndicatorSettings settings, TimeProvider clock, CancellationToken cancellationToken = default) =>
        InOneTransaction(warehouse, settings, clock, computedAt =>
        {
            var fingerprint = IndicatorRefresh.Fingerprint(warehouse, settings);
            var reason = IndicatorRefresh.FullBuildReason(warehouse, fingerprint);
            var build = reason is null ? Incremental(warehouse, settings, fingerprint, computedAt, cancellationToken) : null;
            return build ?? BuildWhole(warehouse, settings, computedAt, reason ?? "a province gained its first or lost its last fact", cancellationToken);
        }, cancellationToken);

    /// The refresh itself; null (nothing written) when a full build must decide instead.
    private static IndicatorBuild? Incremental(DuckDBConnection warehouse, IndicatorSettings settings, string fingerprint, DateTimeOffset computedAt,
        CancellationToken cancellationToken)
    {
        IndicatorModels.RunAll(warehouse, IndicatorModels.PeriodAndRegionModels, cancellationToken);
        IndicatorRefresh.Measure(warehouse, IndicatorRefresh.Pass.Written, "int_indicator_measure_new", cancellationToken);
        IndicatorRefresh.Measure(warehouse, IndicatorRefresh.Pass.Replaced, "int_indicator_measure_old", cancellationToken);
        // Last, so that int_subsidy_violation holds every payment's violations for mart_subsidy_violation; when
        // no designation or payment changed, their measures and the violations are the last build's.
        var wholeChanged = IndicatorRefresh.WholeFactsChanged(warehouse);
        if (wholeChanged)
        {
            IndicatorRefresh.Measure(warehouse, IndicatorRefresh.Pass.Whole, "int_indicator_measure_whole", cancellationToken);
        }
        else
        {
            IndicatorModels.RunAll(warehouse, [IndicatorRefresh.MeasureWholeKept], cancellationToken);
        }
        var followingYears = IndicatorCatalog.All.Any(i => i.Nature == IndicatorNature.Growth) ? 1 : 0;
        IndicatorModels.Run(warehouse, IndicatorRefresh.MeasureNext, cancellationToken, new DuckDBParameter("following_years", followingYears));
        if (IndicatorRefresh.ProvincesChanged(warehouse))
        {
            return null;
        }
        var years = Years(warehouse);
        var regionYears = IndicatorModels.Count(warehouse, "int_indicator_affected");
        IndicatorModels.RunAll(warehouse, [IndicatorModels.Value, IndicatorRefresh.MartAffected], cancellationToken);
        if (wholeChanged)
        {
            IndicatorModels.RunAll(warehouse, [IndicatorModels.MartSubsidyViolation], cancellationToken);
        }
        var written = Convert.ToInt64(SqlScript.Scalar(warehouse,
            "SELECT count(*) FROM mart_indicator SEMI JOIN int_indicator_affected USING (region_code, year)"), System.Globalization.CultureInfo.InvariantCulture);
        IndicatorRefresh.Save(warehouse, fingerprint, cancellationToken);
        IndicatorModels.RunAll(warehouse, [IndicatorModels.DropIntermediate], cancellationToken);
        return new IndicatorBuild(years, IndicatorModels.Count(warehouse, IndicatorTable), IndicatorModels.Count(warehouse, ViolationTable), settings.ToJson(), computedAt)
        {
            Full = false,
            RowsWritten = written,
            RegionYears = regionYears,
        };
    }
}
