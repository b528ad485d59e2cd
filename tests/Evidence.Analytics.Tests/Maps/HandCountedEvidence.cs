namespace Evidence.Analytics.Tests.Maps;

/// <summary>A five-study evidence base small enough to count every map cell by hand (the counts are worked out in the
/// comments of <see cref="EvidenceMapTests"/>).</summary>
internal static class HandCountedEvidence
{
    // I1 Peer group: social support + education/information, formal referral → Light.
    // I2 Walking group: physical wellbeing + social support, self-referral → Light.
    // I3 Link worker: service navigation, link worker + holistic + ongoing → Holistic.
    // I4 Art: creative/recreational, nothing reported → Unclassifiable.
    // S1 RCT UK 2010 postnatal [I1]; S2 cluster RCT Australia 2016 antenatal [I1, I2]; S3 qualitative UK 2018 timing not
    // reported [I3]; S4 cohort USA+UK 2021 postnatal [I2]; S5 qualitative USA 2019 postnatal [I4], no findings.
    public static EvidenceBase Create()
    {
        Intervention[] interventions =
        [
            new("I1", "Peer group", [InterventionType.SocialSupport, InterventionType.EducationInformation], referralRoutes: [ReferralRoute.FormalReferral]),
            new("I2", "Walking group", [InterventionType.PhysicalWellbeing, InterventionType.SocialSupport], referralRoutes: [ReferralRoute.SelfReferral]),
            new("I3", "Link worker", [InterventionType.ServiceNavigation], hasLinkWorker: true, needsAssessment: NeedsAssessment.Holistic, followUp: FollowUp.Ongoing),
            new("I4", "Art", [InterventionType.CreativeRecreational]),
        ];
        Study[] studies =
        [
            Study("S1", StudyDesign.Rct, 2010, ["UK"], ["I1"], PopulationTiming.Postnatal),
            Study("S2", StudyDesign.ClusterRct, 2016, ["Australia"], ["I1", "I2"], PopulationTiming.Antenatal),
            Study("S3", StudyDesign.Qualitative, 2018, ["UK"], ["I3"], null),
            Study("S4", StudyDesign.CohortPrePost, 2021, ["USA", "UK"], ["I2"], PopulationTiming.Postnatal),
            Study("S5", StudyDesign.Qualitative, 2019, ["USA"], ["I4"], PopulationTiming.Postnatal),
        ];
        Finding[] findings =
        [
            new("S1", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S1", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S1", null, OutcomeDomain.MentalHealth, Direction.NoDifference),
            new("S2", "I1", OutcomeDomain.SocialConnection, Direction.Improved),
            new("S2", "I2", OutcomeDomain.PhysicalHealth, Direction.Improved),
            new("S2", null, OutcomeDomain.MentalHealth, Direction.Worsened),
            new("S3", null, OutcomeDomain.SocialConnection, Direction.Mixed),
            new("S4", null, OutcomeDomain.SocialConnection, Direction.Improved),
            new("S4", null, OutcomeDomain.SocialConnection, Direction.NoDifference),
            new("S4", null, OutcomeDomain.MentalHealth, Direction.Improved),
        ];
        return new EvidenceBase(studies, interventions, findings);
    }

    private static Study Study(string id, StudyDesign design, int year, string[] countries, string[] interventions, PopulationTiming? timing) =>
        new(id, new Citation("Author A", year, "Title " + id), design, countries, interventions, timing);
}
