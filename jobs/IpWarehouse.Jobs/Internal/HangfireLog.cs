using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace IpWarehouse.Jobs.Internal;

// Hangfire logs through one process-wide provider and keeps the loggers it made in static fields. This one writes
// to the logger factory of the host that started last (a process runs one `ipwh serve`; tests start many hosts one
// after another), and writes nothing once that host is gone.
internal sealed class HangfireLog : ILogProvider
{
    private static volatile ILoggerFactory? current;

    public static void Use(ILoggerFactory factory)
    {
        current = factory;
        LogProvider.SetCurrentLogProvider(new HangfireLog());
    }

    public ILog GetLogger(string name) => new Logger(name);

    private sealed class Logger(string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
                _ => Microsoft.Extensions.Logging.LogLevel.Critical,
            };
            ILogger logger;
            try
            {
                if (current is not { } factory)
                {
                    return false;
                }
                logger = factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }
            if (logger.IsEnabled(level))
            {
                logger.Log(level, default, messageFunc(), exception, static (message, _) => message);
            }
            return true;
        }
    }
}
