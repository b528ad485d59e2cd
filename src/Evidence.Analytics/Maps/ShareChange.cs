using System.Globalization;

namespace Evidence.Analytics;

/// <summary>A share of studies reporting improvement on an outcome domain (of the quantitative studies, or of the RCTs)
/// whose estimate, interval or headline differs between two versions of a review.</summary>
/// <remarks>Immutable. The headlines are the Summary sheet's sentences ("7 of 9 RCTs that reported a direction of effect
/// on social connection found improvement (78%, 95% CI 45–94%)."); a share with no study reporting a direction has none.</remarks>
public sealed partial class ShareChange
{
    internal ShareChange(OutcomeDomain outcome, DesignGroup? design, Share previous, Share current, string? previousHeadline, string? currentHeadline)
    {
        Outcome = outcome;
        Design = design;
        Previous = previous;
        Current = current;
        PreviousHeadline = previousHeadline;
        CurrentHeadline = currentHeadline;
    }

    /// <summary>The outcome domain.</summary>
    public OutcomeDomain Outcome { get; }

    /// <summary>The design group counted (<see cref="DesignGroup.Rct"/>), or null for the quantitative studies (all studies
    /// when qualitative studies vote).</summary>
    public DesignGroup? Design { get; }

    /// <summary>The share in the previous version.</summary>
    public Share Previous { get; }

    /// <summary>The share in the new version.</summary>
    public Share Current { get; }

    /// <summary>The previous version's headline, or null when no study reported a direction.</summary>
    public string? PreviousHeadline { get; }

    /// <summary>The new version's headline, or null when no study reported a direction.</summary>
    public string? CurrentHeadline { get; }

    /// <summary>Whether the proportion changed (or appeared or disappeared).</summary>
    public bool EstimateChanged => Previous.Proportion != Current.Proportion;

    /// <summary>Whether either confidence limit changed.</summary>
    public bool IntervalChanged => Previous.Lower != Current.Lower || Previous.Upper != Current.Upper;

    /// <summary>Whether the headline sentence changed.</summary>
    public bool HeadlineChanged => !string.Equals(PreviousHeadline, CurrentHeadline, StringComparison.Ordinal);

    /// <summary>"RCTs, Social connection: 6/8 = 0.750 (0.409 to 0.929) → 7/9 = 0.778 (0.453 to 0.937)".</summary>
    public override string ToString() => $"{Current.Description}: {Figure(Previous)} → {Figure(Current)}{(HeadlineChanged ? "; headline changed" : "")}";

    internal static string Figure(Share share) => share.Interval is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{share.Numerator}/{share.Denominator} = {p.Estimate:0.000} ({p.Lower:0.000} to {p.Upper:0.000})")
        : "no study reported a direction";
}
