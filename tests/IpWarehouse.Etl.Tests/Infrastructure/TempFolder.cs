namespace IpWarehouse.Etl.Tests.Infrastructure;

/// A uniquely named folder per test, removed afterwards.
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ipwh-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// An absolute path inside the folder; parent folders are created.
    public string File(string relative)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }

    public string Write(string relative, string text)
    {
        var path = File(relative);
        System.IO.File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = File(relative);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
