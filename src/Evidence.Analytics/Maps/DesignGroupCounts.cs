using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How many studies fall in each design group (RCT / qualitative / other).</summary>
/// <remarks>Immutable.</remarks>
public readonly partial struct DesignGroupCounts : IEquatable<DesignGroupCounts>
{
    /// <summary>Creates counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public DesignGroupCounts(int rct, int qualitative, int other)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rct);
        ArgumentOutOfRangeException.ThrowIfNegative(qualitative);
        ArgumentOutOfRangeException.ThrowIfNegative(other);
        Rct = rct;
        Qualitative = qualitative;
        Other = other;
    }

    /// <summary>Randomised controlled trials (individual or cluster).</summary>
    public int Rct { get; }

    /// <summary>Qualitative studies.</summary>
    public int Qualitative { get; }

    /// <summary>Other designs.</summary>
    public int Other { get; }

    /// <summary>All studies.</summary>
    public int Total => Rct + Qualitative + Other;

    /// <summary>The count for one design group.</summary>
    public int this[DesignGroup group] => group switch
    {
        DesignGroup.Rct => Rct,
        DesignGroup.Qualitative => Qualitative,
        DesignGroup.Other => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown design group."),
    };

    /// <inheritdoc />
    public bool Equals(DesignGroupCounts other) => Rct == other.Rct && Qualitative == other.Qualitative && Other == other.Other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DesignGroupCounts other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rct, Qualitative, Other);

    /// <summary>Whether two sets of counts are equal.</summary>
    public static bool operator ==(DesignGroupCounts left, DesignGroupCounts right) => left.Equals(right);

    /// <summary>Whether two sets of counts differ.</summary>
    public static bool operator !=(DesignGroupCounts left, DesignGroupCounts right) => !left.Equals(right);

    /// <summary>"RCT 2, qualitative 1, other 3".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RCT {Rct}, qualitative {Qualitative}, other {Other}");
}
