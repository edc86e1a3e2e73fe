using IpWarehouse.DuckDb;

// Usage: LockProbe <connection string> [hold-seconds]
// Opens the database, runs a trivial query and prints "opened" — or the error type, IsLocked and message.
// With hold-seconds it keeps the connection open that long (a writer holding the file).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: LockProbe <connection string> [hold-seconds]");
    return 64;
}

try
{
    using var connection = new DuckDBConnection(args[0]);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT 42";
    command.ExecuteScalar();
    Console.WriteLine("opened");
    Console.Out.Flush();
    if (args.Length > 1)
    {
        Thread.Sleep(TimeSpan.FromSeconds(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    }
    return 0;
}
catch (DuckDBException e)
{
    Console.WriteLine($"error {e.ErrorType} locked={e.IsLocked} {e.Message}");
    return 1;
}
