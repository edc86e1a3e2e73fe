using Quartz;

namespace IpWarehouse.Jobs.Internal;

// The names in the job store. Renaming one orphans what existing stores hold under the old name.
internal static class JobKeys
{
    public const string Group = "ipwh";

    public static JobKey Load { get; } = new("load", Group);

    public static TriggerKey Nightly { get; } = new("nightly", Group);

    public static TriggerKey Manual(string id) => new("manual-" + id, Group);
}
