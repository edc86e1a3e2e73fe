using System.Collections.Specialized;
using System.Text;
using IpWarehouse.Jobs.Internal;
using Quartz;

namespace IpWarehouse.Jobs.Tests;

public sealed class SerializerTests
{
    [Fact]
    public void Job_data_is_stored_as_a_flat_json_object_and_read_back()
    {
        var serializer = new JsonObjectSerializer();
        serializer.Initialize();
        var bytes = serializer.Serialize(new NameValueCollection { ["trigger"] = "manual", ["注"] = "夜间" });
        Assert.Equal("""{"trigger":"manual","\u6CE8":"\u591C\u95F4"}""", Encoding.UTF8.GetString(bytes));
        var back = serializer.DeSerialize<NameValueCollection>(bytes)!;
        Assert.Equal("manual", back["trigger"]);
        Assert.Equal("夜间", back["注"]);

        var map = serializer.DeSerialize<JobDataMap>(serializer.Serialize(new JobDataMap { ["trigger"] = "manual" }))!;
        Assert.Equal("manual", map.GetString("trigger"));
    }

    [Fact]
    public void Anything_but_strings_is_refused_with_the_reason()
    {
        var serializer = new JsonObjectSerializer();
        var error = Assert.Throws<NotSupportedException>(() => serializer.Serialize(new JobDataMap { ["count"] = 3 }));
        Assert.Contains("Job data 'count' is a Int32", error.Message, StringComparison.Ordinal);
    }
}
