using System.Security.Cryptography;

namespace IpWarehouse.Etl.Loading.Internal;

/// The warehouse's secret salt for hashing natural persons' ID numbers: created on first run, kept
/// beside the warehouse (never inside a published file or a snapshot), readable by its owner only.
internal static class Salt
{
    internal static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length == 64 && existing.All(char.IsAsciiHexDigit))
            {
                return existing;
            }
            throw new LoadException(
                $"The ID salt file '{path}' is damaged. Restore it from backup: without the same salt, natural persons' ID hashes no longer match earlier loads.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var temp = path + ".tmp";
        File.WriteAllText(temp, salt);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path);
        return salt;
    }
}
