using System.Collections;
using System.Data.Common;

namespace IpWarehouse.DuckDb;

/// <summary>The parameters of a <see cref="DuckDBCommand"/>.</summary>
public sealed class DuckDBParameterCollection : DbParameterCollection
{
    private readonly List<DuckDBParameter> items = [];

    /// <inheritdoc />
    public override int Count => items.Count;

    /// <inheritdoc />
    public override object SyncRoot => ((ICollection)items).SyncRoot;

    /// <summary>The parameter at <paramref name="index"/>.</summary>
    public new DuckDBParameter this[int index]
    {
        get => items[index];
        set => items[index] = value;
    }

    /// <summary>Adds a parameter and returns it.</summary>
    public DuckDBParameter Add(DuckDBParameter parameter)
    {
        items.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a named parameter with a value.</summary>
    public DuckDBParameter AddWithValue(string name, object? value) => Add(new DuckDBParameter(name, value));

    /// <inheritdoc />
    public override int Add(object value)
    {
        items.Add(Cast(value));
        return items.Count - 1;
    }

    /// <inheritdoc />
    public override void AddRange(Array values)
    {
        foreach (var value in values)
        {
            Add(value);
        }
    }

    /// <inheritdoc />
    public override void Clear() => items.Clear();

    /// <inheritdoc />
    public override bool Contains(object value) => value is DuckDBParameter p && items.Contains(p);

    /// <inheritdoc />
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc />
    public override void CopyTo(Array array, int index) => ((ICollection)items).CopyTo(array, index);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => items.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(object value) => value is DuckDBParameter p ? items.IndexOf(p) : -1;

    /// <inheritdoc />
    public override int IndexOf(string parameterName)
    {
        var name = parameterName.TrimStart('$', '@', ':');
        return items.FindIndex(p => string.Equals(p.NormalizedName, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public override void Insert(int index, object value) => items.Insert(index, Cast(value));

    /// <inheritdoc />
    public override void Remove(object value) => items.Remove(Cast(value));

    /// <inheritdoc />
    public override void RemoveAt(int index) => items.RemoveAt(index);

    /// <inheritdoc />
    public override void RemoveAt(string parameterName)
    {
        var index = IndexOf(parameterName);
        if (index >= 0)
        {
            items.RemoveAt(index);
        }
    }

    /// <inheritdoc />
    protected override DbParameter GetParameter(int index) => items[index];

    /// <inheritdoc />
    protected override DbParameter GetParameter(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index >= 0 ? items[index] : throw new IndexOutOfRangeException($"No parameter named '{parameterName}'.");
    }

    /// <inheritdoc />
    protected override void SetParameter(int index, DbParameter value) => items[index] = Cast(value);

    /// <inheritdoc />
    protected override void SetParameter(string parameterName, DbParameter value)
    {
        var index = IndexOf(parameterName);
        if (index >= 0)
        {
            items[index] = Cast(value);
        }
        else
        {
            items.Add(Cast(value));
        }
    }

    internal DuckDBParameter? Find(string name)
    {
        var index = IndexOf(name);
        return index >= 0 ? items[index] : null;
    }

    private static DuckDBParameter Cast(object value) =>
        value as DuckDBParameter ?? throw new InvalidCastException($"Expected a DuckDBParameter, got {value?.GetType().Name ?? "null"}.");
}
