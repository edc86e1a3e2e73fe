using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace IpWarehouse.Jobs.Internal;

// Quartz's AdoJobStore serializes job data maps through an IObjectSerializer; its default is
// BinaryFormatter, which .NET 9+ no longer has, and the JSON serializer packages are not on our package
// source. Our job data are strings only (the store runs with useProperties = true, so Quartz hands us a
// NameValueCollection), stored as one flat JSON object: readable in the database, stable across versions.
// Calendars are not used by ipwh; asking to store one is an error that says so.
internal sealed class JsonObjectSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj)
        where T : class
    {
        IEnumerable<KeyValuePair<string, string?>> pairs = obj switch
        {
            NameValueCollection collection => collection.AllKeys.OfType<string>().Select(k => KeyValuePair.Create(k, collection[k])).ToList(),
            JobDataMap map => map.Select(p => KeyValuePair.Create(p.Key, p.Value switch
            {
                null => null,
                string text => text,
                _ => throw new NotSupportedException(
                    $"Job data '{p.Key}' is a {p.Value.GetType().Name}; the ipwh job store keeps strings only. Store it as text."),
            })).ToList(),
            _ => throw new NotSupportedException(
                $"The ipwh job store cannot serialize a {obj?.GetType().FullName ?? "null"} (only job data maps of strings; Quartz calendars are not used)."),
        };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var (key, value) in pairs)
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    public T? DeSerialize<T>(byte[] data)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(data);
        using var document = JsonDocument.Parse(data);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Stored job data is not a JSON object: {System.Text.Encoding.UTF8.GetString(data)}");
        }
        var pairs = document.RootElement.EnumerateObject().Select(p => (p.Name, Value: p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString()));
        if (typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var collection = new NameValueCollection();
            foreach (var (name, value) in pairs)
            {
                collection[name] = value;
            }
            return (T)(object)collection;
        }
        if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
        {
            var map = new JobDataMap();
            foreach (var (name, value) in pairs)
            {
                map[name] = value!;
            }
            return (T)(object)map;
        }
        throw new NotSupportedException($"The ipwh job store cannot read a {typeof(T).FullName} (only job data maps of strings).");
    }
}
