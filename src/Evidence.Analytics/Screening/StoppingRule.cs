using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>When to stop screening: all relevant records found (simulation only), N irrelevant records in a row, a
/// fraction of the records screened, or a statistical rule for a target recall; rules combine with
/// <see cref="Any"/> and <see cref="All"/>.</summary>
/// <remarks>The statistical rule is Callaghan and Müller-Hansen's (2020, Systematic Reviews 9:254) test, treating the
/// last n records screened as a random sample of those not screened before them: with r relevant records seen so far
/// and k of them among the last n, the hypothesis that recall is below the target τ means at least ⌊r/τ⌋ + 1 relevant
/// records exist, so at least ⌊r/τ⌋ + 1 − (r − k) among the Nₛ records unscreened when the sample began; screening stops
/// when, for some n, finding only k in n draws has hypergeometric probability below 1 − confidence.</remarks>
public sealed partial class StoppingRule
{
    private enum Kind { AllRelevant, ConsecutiveIrrelevantKind, Fraction, Recall, AnyOf, AllOf }

    private readonly Kind _kind;
    private readonly double _value;
    private readonly double _confidence;
    private readonly ImmutableArray<StoppingRule> _rules;

    private StoppingRule(Kind kind, double value = 0, double confidence = 0, ImmutableArray<StoppingRule> rules = default)
    {
        _kind = kind;
        _value = value;
        _confidence = confidence;
        _rules = rules.IsDefault ? [] : rules;
    }

    /// <summary>Stop when every relevant record has been found (needs the labels of every record: simulation only).</summary>
    public static StoppingRule AllRelevantFound { get; } = new(Kind.AllRelevant);

    /// <summary>Stop after <paramref name="count"/> irrelevant records in a row.</summary>
    public static StoppingRule ConsecutiveIrrelevant(int count) =>
        count >= 1 ? new(Kind.ConsecutiveIrrelevantKind, count) : throw new ArgumentOutOfRangeException(nameof(count), count, "The count must be at least 1.");

    /// <summary>Stop once this fraction of the records (prior knowledge included) has been screened.</summary>
    public static StoppingRule FractionScreened(double fraction) =>
        fraction is > 0 and <= 1 ? new(Kind.Fraction, fraction) : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in (0, 1].");

    /// <summary>Stop when recall is at least <paramref name="recall"/> with the given confidence (Callaghan and Müller-Hansen's test).</summary>
    public static StoppingRule TargetRecall(double recall, double confidence = 0.95) =>
        recall is > 0 and < 1 && confidence is > 0 and < 1 ? new(Kind.Recall, recall, confidence)
            : throw new ArgumentOutOfRangeException(nameof(recall), "The target recall and the confidence must be in (0, 1).");

    /// <summary>Stop when any of the rules would.</summary>
    public static StoppingRule Any(params StoppingRule[] rules) => Combine(Kind.AnyOf, rules);

    /// <summary>Stop when all of the rules would.</summary>
    public static StoppingRule All(params StoppingRule[] rules) => Combine(Kind.AllOf, rules);

    private static StoppingRule Combine(Kind kind, StoppingRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Length == 0 || rules.Any(r => r is null)) throw new ArgumentException("Give at least one rule, none null.", nameof(rules));
        return rules.Length == 1 ? rules[0] : new(kind, rules: [.. rules]);
    }

    /// <summary>Reads a rule as the command line writes it: <c>relevant</c>, <c>irrelevant:N</c>, <c>fraction:F</c>,
    /// <c>recall:R</c> or <c>recall:R@C</c> (confidence C, default 0.95).</summary>
    /// <exception cref="FormatException">The text is not a rule.</exception>
    public static StoppingRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Trim().ToLowerInvariant().Split(':', 2);
        string value = parts.Length > 1 ? parts[1] : "";
        static double Number(string s, string rule) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
            : throw new FormatException($"'{s}' is not a number in the stopping rule '{rule}'.");
        try
        {
            return parts[0] switch
            {
                "relevant" or "all-relevant" when value.Length == 0 => AllRelevantFound,
                "irrelevant" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? ConsecutiveIrrelevant(n)
                    : throw new FormatException($"'{value}' is not a whole number in the stopping rule '{text}'."),
                "fraction" => FractionScreened(Number(value, text)),
                "recall" => value.Split('@') is [var r, var c] ? TargetRecall(Number(r, text), Number(c, text)) : TargetRecall(Number(value, text)),
                _ => throw new FormatException($"'{text}' is not a stopping rule; expected relevant, irrelevant:N, fraction:F or recall:R[@C]."),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"The stopping rule '{text}' is out of range: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }

    /// <summary>The rule as <see cref="Parse"/> reads it; combinations as <c>any(…)</c> and <c>all(…)</c>.</summary>
    public override string ToString() => _kind switch
    {
        Kind.AllRelevant => "relevant",
        Kind.ConsecutiveIrrelevantKind => string.Create(CultureInfo.InvariantCulture, $"irrelevant:{_value}"),
        Kind.Fraction => string.Create(CultureInfo.InvariantCulture, $"fraction:{_value}"),
        Kind.Recall => string.Create(CultureInfo.InvariantCulture, $"recall:{_value}@{_confidence}"),
        Kind.AnyOf => $"any({string.Join(", ", _rules)})",
        _ => $"all({string.Join(", ", _rules)})",
    };

    /// <summary>The rule in plain words, as a screener reads it: "100 irrelevant records in a row", "95% recall, with
    /// 95% confidence", "25% of the records screened", "every relevant record found"; combinations as "any of: …" and
    /// "all of: …".</summary>
    public string Description => _kind switch
    {
        Kind.AllRelevant => "every relevant record found",
        Kind.ConsecutiveIrrelevantKind => _value == 1 ? "1 irrelevant record" : string.Create(CultureInfo.InvariantCulture, $"{_value:N0} irrelevant records in a row"),
        Kind.Fraction => string.Create(CultureInfo.InvariantCulture, $"{_value:0.##%} of the records screened"),
        Kind.Recall => string.Create(CultureInfo.InvariantCulture, $"{_value:0.##%} recall, with {_confidence:0.##%} confidence"),
        Kind.AnyOf => $"any of: {string.Join("; ", _rules.Select(r => r.Description))}",
        _ => $"all of: {string.Join("; ", _rules.Select(r => r.Description))}",
    };

    /// <summary>Whether to stop, given the labels screened so far in order (prior knowledge first), the number of
    /// records and, in a simulation, the number of relevant records.</summary>
    internal bool ShouldStop(IReadOnlyList<bool> screened, int records, int? relevant) => _kind switch
    {
        Kind.AllRelevant => relevant is { } p && screened.Count(l => l) >= p,
        Kind.ConsecutiveIrrelevantKind => screened.Count >= _value && Enumerable.Range(screened.Count - (int)_value, (int)_value).All(i => !screened[i]),
        Kind.Fraction => screened.Count >= _value * records,
        Kind.Recall => RecallReached(screened, records, _value, _confidence),
        Kind.AnyOf => _rules.Any(r => r.ShouldStop(screened, records, relevant)),
        _ => _rules.All(r => r.ShouldStop(screened, records, relevant)),
    };

    /// <summary>Whether any window of the last n records rejects "recall &lt; target" at the confidence.</summary>
    internal static bool RecallReached(IReadOnlyList<bool> screened, int records, double target, double confidence) =>
        MinimumP(screened, records, target) < 1 - confidence;

    /// <summary>The smallest p-value over the windows of the last n screened records.</summary>
    internal static double MinimumP(IReadOnlyList<bool> screened, int records, double target)
    {
        int seen = screened.Count(l => l);
        int needed = (int)Math.Floor(seen / target) + 1;
        double min = 1;
        int k = 0;
        for (int n = 1; n <= screened.Count; n++)
        {
            if (screened[screened.Count - n]) k++;
            int unscreened = records - (screened.Count - n);
            int remaining = needed - (seen - k);
            if (remaining > unscreened) return 0; // more relevant records than records left: recall ≥ target for certain
            min = Math.Min(min, Hypergeometric.CDF(unscreened, remaining, n, k));
        }
        return min;
    }
}
