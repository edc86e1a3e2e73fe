using System.Globalization;

namespace IpWarehouse.Jobs.Internal;

// Hangfire.Storage.SQLite does not keep two processes on one file apart (measured: 2 duplicate executions in
// 400 jobs), so one `ipwh serve` holds the SQLite store: an exclusive lock on scheduler/serve.lock (flock, released
// by the kernel when the process dies, even by kill -9) and who holds it in serve.lock.owner.
internal sealed class ServeLock : IDisposable
{
    private readonly FileStream stream;

    private ServeLock(FileStream stream) => this.stream = stream;

    /// <exception cref="IpWarehouse.Etl.ConfigException">Another process holds the store; the message names it.</exception>
    public static ServeLock Take(string folder, string node, string urls, TimeProvider clock)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "serve.lock");
        var owner = path + ".owner";
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = File.Exists(owner) ? File.ReadAllText(owner).Trim() : "（未知）";
            throw new IpWarehouse.Etl.ConfigException(
                $"调度存储 {folder} 已被另一个 ipwh serve 占用：{holder}。SQLite 存储只允许一个节点；请先停止它，" +
                "或改用 scheduler.store = postgres 让多个节点共用一个计划。");
        }
        File.WriteAllText(owner, string.Create(CultureInfo.InvariantCulture,
            $"节点 {node}，进程 {Environment.ProcessId}，地址 {urls}，{clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z 起") + "\n");
        return new ServeLock(stream);
    }

    public void Dispose() => stream.Dispose();
}
