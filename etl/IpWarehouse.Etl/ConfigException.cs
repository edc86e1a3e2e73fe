namespace IpWarehouse.Etl;

/// <summary>
/// ipwh.json is wrong: an unknown kind, a missing path, a glob matching nothing, an unset environment
/// variable. Raised before any load work starts; never transient (the file must be fixed).
/// </summary>
public sealed class ConfigException : EtlException
{
    /// <summary>Creates a configuration error.</summary>
    public ConfigException()
    {
    }

    /// <summary>Creates a configuration error.</summary>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a configuration error with its cause.</summary>
    public ConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The configuration file the error was found in.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The offending field, e.g. <c>path</c>, <c>columns.case_no</c> or <c>timeZone</c>.</summary>
    public string? Field { get; init; }
}
