using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How many of a group of programmes have a feature: "3 of 5 programmes (60%)".</summary>
/// <remarks>Descriptive only. Realist reviews include few programmes, so a difference of one programme moves a share a
/// long way; read the counts, not just the percentages.</remarks>
public readonly partial struct FeatureShare : IEquatable<FeatureShare>
{
    /// <summary>Creates a share.</summary>
    /// <param name="programmes">The programmes that have the feature.</param>
    /// <param name="of">The programmes in the group.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="programmes"/> exceeds <paramref name="of"/>.</exception>
    public FeatureShare(int programmes, int of)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(programmes);
        ArgumentOutOfRangeException.ThrowIfNegative(of);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(programmes, of);
        Programmes = programmes;
        Of = of;
    }

    /// <summary>The programmes that have the feature.</summary>
    public int Programmes { get; }

    /// <summary>The programmes in the group (the denominator).</summary>
    public int Of { get; }

    /// <summary>The proportion, from 0 to 1, or null when the group is empty.</summary>
    public double? Proportion => Of == 0 ? null : (double)Programmes / Of;

    /// <summary>The proportion with a confidence interval, or null when the group is empty.</summary>
    /// <remarks>The programmes of a review are not a random sample of all programmes, so read the interval as a
    /// reminder of how little a handful of programmes can say, not as an inference about a population.</remarks>
    /// <param name="method">The interval method; Wilson by default.</param>
    /// <param name="level">The confidence level; 0.95 by default.</param>
    public Proportion? Interval(IntervalMethod method = IntervalMethod.Wilson, double level = 0.95) =>
        Of == 0 ? null : Analytics.Proportion.Compute(Programmes, Of, method, level);

    /// <inheritdoc />
    public bool Equals(FeatureShare other) => Programmes == other.Programmes && Of == other.Of;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FeatureShare other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Programmes, Of);

    /// <summary>Whether two shares have the same counts.</summary>
    public static bool operator ==(FeatureShare left, FeatureShare right) => left.Equals(right);

    /// <summary>Whether two shares differ.</summary>
    public static bool operator !=(FeatureShare left, FeatureShare right) => !left.Equals(right);

    /// <summary>"3 of 5 (60%)", or "0 of 0" for an empty group.</summary>
    public override string ToString() =>
        Proportion is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{Programmes} of {Of} ({Math.Round(p * 100, MidpointRounding.AwayFromZero):0}%)")
            : string.Create(CultureInfo.InvariantCulture, $"{Programmes} of {Of}");
}
