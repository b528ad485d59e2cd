namespace Evidence.Analytics.Testing;

/// <summary>A six-study evidence base with the cases that break naive evidence-map counting and escaping: studies
/// evaluating several multi-type interventions, findings with and without an intervention, several findings in one
/// cell, a study without findings, a title that tries to close a script element, a line separator (U+2028) inside
/// text and an author that looks like a spreadsheet formula.</summary>
internal static class AwkwardEvidence
{
    /// <summary>A title that must render as text: if it were parsed as HTML it would run a script.</summary>
    public const string ScriptTitle = "</script><script>alert(1)</script> & <b>bold</b> \u2028 \u2029 'quoted' \"double\"";

    /// <summary>An author that a spreadsheet would run as a formula unless the export escapes it.</summary>
    public const string FormulaAuthor = "=HYPERLINK(\"http://example.invalid\",\"x\")";

    public static EvidenceBase Create()
    {
        Intervention[] interventions =
        [
            // Formal referral, no link worker: Light. Two types.
            new("I1", "Mothers' group", [InterventionType.SocialSupport, InterventionType.EducationInformation],
                referralRoutes: [ReferralRoute.FormalReferral], hasLinkWorker: false),
            // Link worker, holistic assessment, ongoing follow-up: Holistic.
            new("I2", "Walk and talk", [InterventionType.PhysicalWellbeing],
                referralRoutes: [ReferralRoute.FormalReferral], hasLinkWorker: true, needsAssessment: NeedsAssessment.Holistic, followUp: FollowUp.Ongoing,
                timing: PopulationTiming.Antenatal),
            // Signposting only.
            new("I3", "Arts on prescription", [InterventionType.CreativeRecreational], referralRoutes: [ReferralRoute.Signposting]),
        ];
        Study[] studies =
        [
            new("S1", new Citation("Dennis CL, Hodnett E", 2015, "Peer support and walking for new mothers", "10.1000/s1"), StudyDesign.Rct,
                ["UK"], ["I1", "I2"], PopulationTiming.Postnatal),
            new("S2", new Citation("Smith A", 2018, "Group support in children's centres"), StudyDesign.ClusterRct, ["Australia"], ["I1"], PopulationTiming.Postnatal),
            new("S3", new Citation("Jones B, Patel R", 2020, "Experiences of arts on prescription"), StudyDesign.Qualitative, ["UK"], ["I3"], PopulationTiming.Postnatal),
            // No timing of its own: filtered by its intervention's (antenatal).
            new("S4", new Citation("Brown C, Green D, White E", 2012, ScriptTitle, "10.1000/s4"), StudyDesign.Rct, ["Canada"], ["I2"]),
            new("S5", new Citation(FormulaAuthor, 2021, "-2+3 a title that starts like a formula"), StudyDesign.CohortPrePost,
                ["UK", "Ireland"], ["I1", "I3"], PopulationTiming.AntenatalAndPostnatal),
            new("S6", new Citation("Lee F", 2010, "A trial that reported no usable outcome"), StudyDesign.Rct, ["USA"], ["I3"], PopulationTiming.Postnatal),
        ];
        Finding[] findings =
        [
            new("S1", null, OutcomeDomain.MentalHealth, Direction.Improved),
            new("S1", "I2", OutcomeDomain.PhysicalHealth, Direction.Improved),
            new("S1", "I1", OutcomeDomain.SocialConnection, Direction.Improved),
            new("S1", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S2", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S2", null, OutcomeDomain.SocialConnection, Direction.NoDifference),
            new("S2", null, OutcomeDomain.MentalHealth, Direction.Worsened),
            new("S3", null, OutcomeDomain.SocialConnection, Direction.NotReported),
            new("S4", null, OutcomeDomain.MentalHealth, Direction.Improved),
            new("S4", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S5", "I3", OutcomeDomain.QualityOfLife, Direction.Improved),
            new("S5", "I1", OutcomeDomain.SocialConnection, Direction.Improved),
        ];
        return new EvidenceBase(studies, interventions, findings,
            review: new ReviewInfo("Awkward <review> & friends", "Illustrative studies for tests."));
    }
}
