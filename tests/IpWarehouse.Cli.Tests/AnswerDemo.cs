namespace IpWarehouse.Cli.Tests;

/// One loaded demo shared by the Parquet answer and snapshot command tests (they only read it, or copy it).
[CollectionDefinition(Name)]
public sealed class AnswerDemo : ICollectionFixture<PlanningDemo>
{
    public const string Name = "demo for answers and snapshots";
}
