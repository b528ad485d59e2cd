namespace Evidence.Analytics;

/// <summary>The direction of effect a study reports for an outcome, coded regardless of statistical significance.</summary>
/// <remarks>Vote counting by direction of effect (Cochrane Handbook ch. 12; Hilton Boon &amp; Thomson 2021) compares
/// <see cref="Improved"/> with <see cref="Worsened"/>; <see cref="NoDifference"/> and <see cref="Mixed"/> are reported
/// but excluded from the sign test's n.</remarks>
public enum Direction
{
    /// <summary>The outcome improved (benefit; ▲ in an effect direction plot).</summary>
    Improved,
    /// <summary>No difference or no change (◄►).</summary>
    NoDifference,
    /// <summary>The outcome worsened (harm; ▼).</summary>
    Worsened,
    /// <summary>Mixed or conflicting results within the study (◄►).</summary>
    Mixed,
    /// <summary>The study measured the outcome but did not report a direction.</summary>
    NotReported,
}
