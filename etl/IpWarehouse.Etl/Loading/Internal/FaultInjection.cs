namespace IpWarehouse.Etl.Loading.Internal;

// Lets the kill tests stop a real `ipwh load` process at a known step: with IPWH_FAULT_PAUSE=STEP
// the loader announces the step on stderr and waits, and the test kills it with SIGKILL there.
// IPWH_FAULT_PAUSE_SECONDS shortens the wait (default 120 s). Unset (always, outside those tests) it does nothing.
internal static class FaultInjection
{
    internal const string Variable = "IPWH_FAULT_PAUSE";

    internal static void Pause(string step)
    {
        if (string.Equals(Environment.GetEnvironmentVariable(Variable), step, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"ipwh: paused at {step} ({Variable})");
            Console.Error.Flush();
            var seconds = int.TryParse(Environment.GetEnvironmentVariable(Variable + "_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var given) ? given : 120;
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
        }
    }
}
