using System.Collections.Concurrent;
using IpWarehouse.Etl.Indicators;
using IpWarehouse.Etl.Planning.Internal;

namespace IpWarehouse.Etl.Planning;

/// <summary>
/// What every question on one publish reads first and what never changes until the next publish: the region
/// directory, the years of the mart, the counting settings it was computed with. A long-running reader (the
/// web server) keeps one per publish and hands it to each request's <see cref="PlanningQueries"/>, so a ranking
/// is the mart lookup alone. Thread-safe: each part is read once by whichever request needs it first.
/// </summary>
public sealed class PlanningCache
{
    private RegionDirectory? regions;
    private List<int>? years;
    private List<int>? dataYears;
    private SettingsHolder? settings;

    /// <summary>A cache for the publish given.</summary>
    public PlanningCache(PublishInfo publish)
    {
        ArgumentNullException.ThrowIfNull(publish);
        Publish = publish;
    }

    /// <summary>The publish this cache belongs to.</summary>
    public PublishInfo Publish { get; }

    internal RegionDirectory Regions(Func<RegionDirectory> read) => Volatile.Read(ref regions) ?? Interlocked.CompareExchange(ref regions, read(), null) ?? regions!;

    internal List<int> Years(Func<List<int>> read) => Volatile.Read(ref years) ?? Interlocked.CompareExchange(ref years, read(), null) ?? years!;

    internal List<int> DataYears(Func<List<int>> read) => Volatile.Read(ref dataYears) ?? Interlocked.CompareExchange(ref dataYears, read(), null) ?? dataYears!;

    internal (IndicatorSettings Settings, string Json) Settings(Func<(IndicatorSettings, string)> read)
    {
        var held = Volatile.Read(ref settings);
        if (held is null)
        {
            var (value, json) = read();
            held = Interlocked.CompareExchange(ref settings, new SettingsHolder(value, json), null) ?? settings!;
        }
        return (held.Settings, held.Json);
    }

    /// <summary>At most this many rendered answers are kept per publish; beyond it answers are computed each time.</summary>
    public const int AnswerLimit = 4096;

    private readonly ConcurrentDictionary<string, string> answers = new(StringComparer.Ordinal);

    /// <summary>
    /// A rendered answer (e.g. the JSON of one ranking) kept for this publish: published figures do not change
    /// until the next publish, so the same question is answered from memory. Answers that depend on today
    /// (target tracking) must not be kept.
    /// </summary>
    public bool TryGetAnswer(string key, out string answer) => answers.TryGetValue(key, out answer!);

    /// <summary>Keeps <paramref name="answer"/> for <paramref name="key"/> unless <see cref="AnswerLimit"/> answers are kept already.</summary>
    public void KeepAnswer(string key, string answer)
    {
        if (answers.Count < AnswerLimit)
        {
            answers.TryAdd(key, answer);
        }
    }

    private sealed record SettingsHolder(IndicatorSettings Settings, string Json);
}
