namespace Evidence.Analytics.Tests.Excel;

/// <summary>A small, hand-made evidence base that touches every sheet and column: estimates, DOIs, an added intervention
/// type and outcome domain, a PRISMA flow, realist configurations and text that looks like a formula.</summary>
internal static class ExcelSamples
{
    public static readonly InterventionType Doulas = new("Doula support");
    public static readonly OutcomeDomain InfantFeeding = new("Infant feeding");

    public static EvidenceBase Review()
    {
        var interventions = new[]
        {
            new Intervention("I01", "Mums' peer support group", [InterventionType.SocialSupport, InterventionType.EducationInformation],
                [DeliveryFormat.Group], [DeliveryMode.InPerson], [Deliverer.PeerVolunteer], [ReferralRoute.FormalReferral],
                hasLinkWorker: false, needsAssessment: NeedsAssessment.SingleNeed, followUp: FollowUp.TimeLimited, timing: PopulationTiming.Postnatal, setting: "Children's centre"),
            new Intervention("I02", "Telephone befriending", [InterventionType.SocialSupport, Doulas], [DeliveryFormat.OneToOne], [DeliveryMode.Telephone],
                [Deliverer.PaidPeer], [ReferralRoute.SelfReferral, ReferralRoute.Signposting], hasLinkWorker: true, needsAssessment: NeedsAssessment.Holistic,
                followUp: FollowUp.Ongoing, codedLevel: TypologyLevel.Holistic),
            new Intervention("I03", "=HYPERLINK(\"http://evil\")", [InterventionType.CreativeRecreational]),
        };
        var studies = new[]
        {
            new Study("S01", new Citation("Dennis CL, Hodnett E, Kenton L", 2009, "Effect of peer support on prevention of postnatal depression", "10.1136/bmj.b3064"),
                StudyDesign.Rct, ["Canada"], ["I01"], PopulationTiming.Postnatal, 3, 701, PublicationType.PeerReviewed, RiskOfBias.Low),
            new Study("S02", new Citation("Smith A; Jones B", 2020, "Befriending new mothers: a qualitative study"), StudyDesign.Qualitative,
                ["UK", "Australia"], ["I02", "I01"], PopulationTiming.AntenatalAndPostnatal, null, 24, PublicationType.ServiceEvaluation),
            new Study("S03", new Citation("Lee C", 2018, "+Arts on prescription @ home -- a pilot", "https://doi.org/10.5555/arts.1"), StudyDesign.MixedMethods,
                ["USA"], ["I03"], sampleSize: 48, riskOfBias: RiskOfBias.High),
        };
        var findings = new[]
        {
            new Finding("S01", "I01", OutcomeDomain.MentalHealth, Direction.Improved, "EPDS", new EffectEstimate("OR", 0.46, 0.24, 0.87)),
            new Finding("S01", null, OutcomeDomain.SocialConnection, Direction.Improved, "UCLA Loneliness"),
            new Finding("S02", "I02", OutcomeDomain.SocialConnection, Direction.Mixed),
            new Finding("S02", null, InfantFeeding, Direction.NoDifference, "-self report", new EffectEstimate("MD", -0.125)),
            new Finding("S03", "I03", OutcomeDomain.QualityOfLife, Direction.NotReported),
        };
        var flow = new PrismaFlow([new FlowCount("MEDLINE", 9000), new FlowCount("CINAHL", 6851)], duplicatesRemoved: 2000, screened: 13851,
            excludedAtScreening: 13700, sought: 151, notRetrieved: 1, assessed: 150, exclusionReasons: [new FlowCount("Not postpartum", 100), new FlowCount("No intervention", 47)],
            studiesIncluded: 3, reportsIncluded: 3);
        var configurations = new[]
        {
            new CmoConfiguration("TU1", ConfigurationFamily.TakeUp, "Mothers feel isolated", "Trust in a peer who has been there", "Mothers join the group", ["S01", "S02"], ["empathetic understanding", "use of volunteers"], "Moderate"),
            new CmoConfiguration("NI1", new ConfigurationFamily("Unintended effects"), "Group is full of experienced mothers", "Comparison", "Feeling judged", ["S02"]),
        };
        return new EvidenceBase(studies, interventions, findings, flow, configurations,
            new ReviewInfo("Social prescribing after birth: a scoping review", "Rows are illustrative; they match the published counts."));
    }
}
