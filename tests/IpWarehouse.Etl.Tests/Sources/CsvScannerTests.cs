using System.Text;
using IpWarehouse.Etl.Configuration;
using IpWarehouse.Etl.Sources.Internal;
using IpWarehouse.Etl.Tests.Infrastructure;

namespace IpWarehouse.Etl.Tests.Sources;

public sealed class CsvScannerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Counts_records_like_read_csv_and_maps_them_to_lines()
    {
        var path = folder.Write("a.csv", "\uFEFFa,b\n\nc,\"d\r\ne\"\r\n\r\nf,g,h\n\"i\"\"j\",k");
        var scan = await CsvScanner.ScanAsync(path, (byte)',', 10, long.MaxValue, long.MaxValue, default);

        Assert.Equal(4, scan.Records);
        Assert.Equal(3, scan.MaxFields);
        Assert.True(scan.HasQuotedNewline);
        Assert.Equal([1L, 3, 6, 7], Enumerable.Range(1, 4).Select(k => scan.LineOf(k)));
        Assert.Equal(["a", "b"], scan.FirstRecords[0]);
        Assert.Equal(["c", "d\r\ne"], scan.FirstRecords[1]);
        Assert.Equal(["i\"j", "k"], scan.FirstRecords[3]);
        Assert.Null(scan.UnterminatedQuoteLine);
    }

    [Fact]
    public async Task A_record_split_across_read_buffers_is_still_one_record()
    {
        var text = new StringBuilder("h1,h2\n");
        var longCell = new string('长', 600_000); // 1.8 MB of UTF-8 inside one quoted cell
        text.Append('"').Append(longCell).Append("\"\"x\",2\n3,4\n");
        var path = folder.Write("b.csv", text.ToString());

        var scan = await CsvScanner.ScanAsync(path, (byte)',', 3, long.MaxValue, long.MaxValue, default);

        Assert.Equal(3, scan.Records);
        Assert.Equal(longCell + "\"x", scan.FirstRecords[1][0]);
        Assert.Equal(3, scan.LineOf(3));
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xC9, 0xEA }, CsvEncoding.Utf8)]
    [InlineData(new byte[] { 0x61, 0x2C, 0x62, 0x0A }, CsvEncoding.Utf8)]
    [InlineData(new byte[] { 0xE7, 0x94, 0xB3, 0x0A }, CsvEncoding.Utf8)]
    [InlineData(new byte[] { 0xC9, 0xEA, 0xC7, 0xEB, 0x0A }, CsvEncoding.Gb18030)]
    [InlineData(new byte[] { 0x61, 0xE7, 0x94 }, CsvEncoding.Gb18030)]
    public async Task Encoding_detection(byte[] bytes, CsvEncoding expected)
    {
        var path = folder.WriteBytes("e.csv", bytes);
        Assert.Equal(expected, await EncodingDetector.DetectAsync(path, long.MaxValue, default));
    }

    [Fact]
    public async Task Encoding_detection_handles_sequences_cut_by_the_read_buffer()
    {
        // 申 is three bytes: after "ab", the 349 525th one straddles the 1 MiB chunk boundary.
        var path = folder.WriteBytes("e.csv", Encoding.UTF8.GetBytes("ab" + new string('申', 349_525) + "\n"));
        Assert.Equal(CsvEncoding.Utf8, await EncodingDetector.DetectAsync(path, long.MaxValue, default));
    }
}
