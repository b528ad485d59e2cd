namespace Evidence.Analytics;

/// <summary>The design of a primary study, as an evidence-synthesis team codes it.</summary>
/// <remarks>Each design belongs to one <see cref="DesignGroup"/> (see <see cref="StudyDesigns.Group"/>), the
/// grouping a scoping review reports ("15 RCTs, 6 qualitative studies and 12 other designs").</remarks>
public enum StudyDesign
{
    /// <summary>An individually randomised controlled trial.</summary>
    Rct,
    /// <summary>A cluster randomised controlled trial.</summary>
    ClusterRct,
    /// <summary>A non-randomised controlled or quasi-experimental study.</summary>
    QuasiExperimental,
    /// <summary>A cohort or uncontrolled before-and-after (pre–post) study.</summary>
    CohortPrePost,
    /// <summary>A cross-sectional study or survey.</summary>
    CrossSectionalSurvey,
    /// <summary>A qualitative study (interviews, focus groups, ethnography).</summary>
    Qualitative,
    /// <summary>A mixed-methods study.</summary>
    MixedMethods,
    /// <summary>A service evaluation.</summary>
    ServiceEvaluation,
    /// <summary>A case study.</summary>
    CaseStudy,
    /// <summary>Any other design, coded explicitly.</summary>
    Other,
}

/// <summary>The three design groups a scoping review reports: randomised trials, qualitative studies and other designs.</summary>
public enum DesignGroup
{
    /// <summary>Randomised controlled trials, individual or cluster.</summary>
    Rct,
    /// <summary>Qualitative studies.</summary>
    Qualitative,
    /// <summary>Every other design (quasi-experimental, cohort, survey, mixed methods, service evaluation, case study, other).</summary>
    Other,
}

/// <summary>Operations on <see cref="StudyDesign"/> values.</summary>
public static class StudyDesigns
{
    /// <summary>The design group a design is counted in.</summary>
    /// <remarks>Mixed-methods studies count as "other", not qualitative, because they carry quantitative outcomes.</remarks>
    public static DesignGroup Group(this StudyDesign design) => design switch
    {
        StudyDesign.Rct or StudyDesign.ClusterRct => DesignGroup.Rct,
        StudyDesign.Qualitative => DesignGroup.Qualitative,
        _ => DesignGroup.Other,
    };
}
