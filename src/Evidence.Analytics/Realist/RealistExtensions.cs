namespace Evidence.Analytics;

/// <summary>Realist analysis of an evidence base, and its charts.</summary>
public static partial class RealistExtensions
{
    /// <summary>Analyses the evidence base's CMO configurations (see <see cref="Analytics.RealistSynthesis"/>).</summary>
    public static RealistSynthesis RealistSynthesis(this EvidenceBase evidence) => Analytics.RealistSynthesis.Of(evidence);
}
