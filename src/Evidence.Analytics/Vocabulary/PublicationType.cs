namespace Evidence.Analytics;

/// <summary>The kind of document a study is reported in.</summary>
public enum PublicationType
{
    /// <summary>Peer-reviewed research.</summary>
    PeerReviewed,
    /// <summary>A service evaluation (grey literature).</summary>
    ServiceEvaluation,
    /// <summary>A programme report (grey literature).</summary>
    ProgrammeReport,
}
