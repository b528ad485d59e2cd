using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How many studies (or findings) fall in each direction of effect.</summary>
/// <remarks>Immutable. <see cref="Total"/> includes <see cref="NotReported"/>; <see cref="Reported"/> does not.</remarks>
public readonly partial struct DirectionCounts : IEquatable<DirectionCounts>
{
    /// <summary>Creates counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public DirectionCounts(int improved, int noDifference, int worsened, int mixed, int notReported = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(improved);
        ArgumentOutOfRangeException.ThrowIfNegative(noDifference);
        ArgumentOutOfRangeException.ThrowIfNegative(worsened);
        ArgumentOutOfRangeException.ThrowIfNegative(mixed);
        ArgumentOutOfRangeException.ThrowIfNegative(notReported);
        Improved = improved;
        NoDifference = noDifference;
        Worsened = worsened;
        Mixed = mixed;
        NotReported = notReported;
    }

    /// <summary>Improved (benefit).</summary>
    public int Improved { get; }

    /// <summary>No difference.</summary>
    public int NoDifference { get; }

    /// <summary>Worsened (harm).</summary>
    public int Worsened { get; }

    /// <summary>Mixed or conflicting.</summary>
    public int Mixed { get; }

    /// <summary>Direction not reported.</summary>
    public int NotReported { get; }

    /// <summary>All counts, including not reported.</summary>
    public int Total => Improved + NoDifference + Worsened + Mixed + NotReported;

    /// <summary>All counts except not reported.</summary>
    public int Reported => Improved + NoDifference + Worsened + Mixed;

    /// <summary>The count for one direction.</summary>
    public int this[Direction direction] => direction switch
    {
        Direction.Improved => Improved,
        Direction.NoDifference => NoDifference,
        Direction.Worsened => Worsened,
        Direction.Mixed => Mixed,
        Direction.NotReported => NotReported,
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown direction."),
    };

    internal static DirectionCounts From(ReadOnlySpan<int> byDirection) =>
        new(byDirection[(int)Direction.Improved], byDirection[(int)Direction.NoDifference], byDirection[(int)Direction.Worsened],
            byDirection[(int)Direction.Mixed], byDirection[(int)Direction.NotReported]);

    /// <inheritdoc />
    public bool Equals(DirectionCounts other) =>
        Improved == other.Improved && NoDifference == other.NoDifference && Worsened == other.Worsened && Mixed == other.Mixed && NotReported == other.NotReported;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DirectionCounts other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Improved, NoDifference, Worsened, Mixed, NotReported);

    /// <summary>Whether two sets of counts are equal.</summary>
    public static bool operator ==(DirectionCounts left, DirectionCounts right) => left.Equals(right);

    /// <summary>Whether two sets of counts differ.</summary>
    public static bool operator !=(DirectionCounts left, DirectionCounts right) => !left.Equals(right);

    /// <summary>"▲ 9 · ◄► 3 · ▼ 1 · mixed 2 · not reported 0".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"improved {Improved}, no difference {NoDifference}, worsened {Worsened}, mixed {Mixed}, not reported {NotReported}");
}
