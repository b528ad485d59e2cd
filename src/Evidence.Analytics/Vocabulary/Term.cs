namespace Evidence.Analytics;

/// <summary>A term of an extensible controlled vocabulary, such as an <see cref="InterventionType"/> or an
/// <see cref="OutcomeDomain"/>: a canonical name and its position in the vocabulary's display order.</summary>
/// <remarks>Two terms are equal when they are of the same kind and their names are equal ignoring case; the
/// display order is not part of equality. Terms sort by display order, then by name; equal terms compare as 0.</remarks>
public abstract partial class Term : IEquatable<Term>, IComparable<Term>
{
    /// <summary>Creates a term.</summary>
    /// <param name="name">The canonical name, as it appears in tables and charts.</param>
    /// <param name="order">The position in display order; the seeded terms use 0–99, declared terms 100 and above.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or blank.</exception>
    protected Term(string name, int order)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Order = order;
    }

    /// <summary>The canonical name.</summary>
    public string Name { get; }

    /// <summary>The position in display order (seeded terms first, in the order the reviews report them).</summary>
    public int Order { get; }

    /// <inheritdoc />
    public bool Equals(Term? other) =>
        other is not null && other.GetType() == GetType() && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Term);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public int CompareTo(Term? other)
    {
        if (other is null) return 1;
        if (Equals(other)) return 0;
        int byOrder = Order.CompareTo(other.Order);
        return byOrder != 0 ? byOrder : string.Compare(Name, other.Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The canonical name.</summary>
    public override string ToString() => Name;

    /// <summary>Whether two terms are equal.</summary>
    public static bool operator ==(Term? left, Term? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two terms differ.</summary>
    public static bool operator !=(Term? left, Term? right) => !(left == right);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    public static bool operator <(Term? left, Term? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    public static bool operator >(Term? left, Term? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    public static bool operator <=(Term? left, Term? right) => !(left > right);

    /// <summary>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    public static bool operator >=(Term? left, Term? right) => !(left < right);
}
