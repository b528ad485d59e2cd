using System.Globalization;

namespace Evidence.Analytics;

/// <summary>A study's effect estimate for an outcome, with its confidence interval if reported.</summary>
/// <remarks>Stored as reported; the library does not pool estimates. NaN and infinities are rejected.</remarks>
public readonly partial struct EffectEstimate : IEquatable<EffectEstimate>
{
    /// <summary>Creates an effect estimate.</summary>
    /// <param name="metric">The metric ("SMD", "MD", "OR", "RR").</param>
    /// <param name="value">The point estimate.</param>
    /// <param name="lower">The lower confidence limit, if reported.</param>
    /// <param name="upper">The upper confidence limit, if reported.</param>
    /// <param name="standardError">The standard error, if reported: of the log ratio for RR and OR.</param>
    /// <exception cref="ArgumentException">The metric is blank, a number is not finite, the limits do not bracket the
    /// value, or the standard error is not positive.</exception>
    public EffectEstimate(string metric, double value, double? lower = null, double? upper = null, double? standardError = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        if (!double.IsFinite(value) || lower is { } l && !double.IsFinite(l) || upper is { } u && !double.IsFinite(u))
            throw new ArgumentException("An effect estimate and its limits must be finite numbers.");
        if (lower > value || upper < value)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The interval {lower}–{upper} does not contain the estimate {value}."));
        if (standardError is { } se && !(se > 0 && double.IsFinite(se)))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The standard error {se} is not a positive number."));
        Metric = metric.Trim();
        Value = value;
        Lower = lower;
        Upper = upper;
        StandardError = standardError;
    }

    /// <summary>The metric ("SMD", "MD", "OR", "RR").</summary>
    public string Metric { get; }

    /// <summary>The point estimate.</summary>
    public double Value { get; }

    /// <summary>The lower confidence limit, or null.</summary>
    public double? Lower { get; }

    /// <summary>The upper confidence limit, or null.</summary>
    public double? Upper { get; }

    /// <summary>The standard error (of the log ratio for RR and OR), or null.</summary>
    public double? StandardError { get; }

    /// <inheritdoc />
    public bool Equals(EffectEstimate other) =>
        Metric == other.Metric && Value.Equals(other.Value) && Nullable.Equals(Lower, other.Lower) && Nullable.Equals(Upper, other.Upper)
        && Nullable.Equals(StandardError, other.StandardError);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EffectEstimate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Metric, Value, Lower, Upper, StandardError);

    /// <summary>Whether two estimates are equal.</summary>
    public static bool operator ==(EffectEstimate left, EffectEstimate right) => left.Equals(right);

    /// <summary>Whether two estimates differ.</summary>
    public static bool operator !=(EffectEstimate left, EffectEstimate right) => !left.Equals(right);

    /// <summary>"SMD 0.32 (0.10 to 0.54)", in the invariant culture.</summary>
    public override string ToString() => Lower is { } l && Upper is { } u
        ? string.Create(CultureInfo.InvariantCulture, $"{Metric} {Value:0.###} ({l:0.###} to {u:0.###})")
        : StandardError is { } se
            ? string.Create(CultureInfo.InvariantCulture, $"{Metric} {Value:0.###} (SE {se:0.###})")
            : string.Create(CultureInfo.InvariantCulture, $"{Metric} {Value:0.###}");
}
