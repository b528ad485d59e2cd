using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>The controlled vocabularies of the workbook format, each with the spellings it accepts.</summary>
/// <remarks>These are the vocabularies the import, the CLI options and the extraction template share, so "rct", "RCT"
/// and "Randomised controlled trial" mean the same wherever they are typed.</remarks>
public static partial class Vocabularies
{
    /// <summary>The blank markers: text people type for "nothing here", which every cell reads as empty (a required
    /// cell holding one is reported as missing; an optional one with a warning), never as a value.</summary>
    /// <remarks>"None" is a marker except in a vocabulary that has None as a term (needs assessment, follow-up).</remarks>
    public static ImmutableArray<string> BlankMarkers => BlankText.Markers;

    private const string Significance =
        "vote counting codes the direction of the effect estimate whatever its statistical significance (Cochrane Handbook, ch. 12); give the direction the estimate points";
    private const string MeasureMoved =
        "it says which way the measure moved, not whether that was better (higher depression scores are worse, higher wellbeing scores better)";

    /// <summary>Study designs.</summary>
    public static Vocabulary<StudyDesign> Design { get; } = new("design",
    [
        (StudyDesign.Rct, "RCT", ["randomized controlled trial", "randomized trial", "randomized control trial", "individually randomized trial", "individually randomized controlled trial", "pilot rct", "feasibility rct"], []),
        (StudyDesign.ClusterRct, "Cluster RCT", ["cluster randomized controlled trial", "cluster randomized trial", "crct"], []),
        (StudyDesign.QuasiExperimental, "Quasi-experimental", ["quasi experiment", "quasi experimental study", "non randomized controlled study", "non randomized controlled trial", "non randomized trial", "nrct"], ["controlled before after"]),
        (StudyDesign.CohortPrePost, "Cohort / pre-post", ["cohort", "cohort study", "pre post", "before after", "pre post study", "uncontrolled before after"], []),
        (StudyDesign.CrossSectionalSurvey, "Cross-sectional / survey", ["cross sectional", "survey", "questionnaire survey"], []),
        (StudyDesign.Qualitative, "Qualitative", ["qualitative study"], ["interview study", "focus groups", "ethnography"]),
        (StudyDesign.MixedMethods, "Mixed methods", ["mixed method", "mixed methods study", "multi method"], []),
        (StudyDesign.ServiceEvaluation, "Service evaluation", ["program evaluation", "service review"], []),
        (StudyDesign.CaseStudy, "Case study", ["case studies"], ["case series", "case report"]),
        (StudyDesign.Other, "Other", ["other design"], []),
    ],
    [
        ("cluster trial", "a cluster trial may be randomised (Cluster RCT) or not (Quasi-experimental)"),
        ("evaluation", "every design evaluates something; say which design, or Service evaluation for a service's own evaluation"),
        ("longitudinal", "a longitudinal study may be a cohort or a longitudinal qualitative study"),
    ]);

    /// <summary>Design groups (RCT / qualitative / other).</summary>
    public static Vocabulary<DesignGroup> DesignGroup { get; } = new("design group",
    [
        (Analytics.DesignGroup.Rct, "RCT", ["rcts", "randomized controlled trial", "randomized controlled trials", "randomized"], []),
        (Analytics.DesignGroup.Qualitative, "Qualitative", ["qual"], []),
        (Analytics.DesignGroup.Other, "Other", ["other designs", "other design"], []),
    ],
    [
        ("trials", "trials may be randomised or not"),
    ]);

    /// <summary>Directions of effect.</summary>
    /// <remarks>Words that name the sign of an estimate or the way a measure moved ("negative", "+", "up"), a
    /// significance verdict ("no significant difference") or nothing at all ("yes", "0") are refused: the same word
    /// means improvement for one outcome and harm for another, and vote counting turns each into a vote.</remarks>
    public static Vocabulary<Direction> Direction { get; } = new("direction of effect",
    [
        (Analytics.Direction.Improved, "Improved", ["improvement", "improves", "benefit", "beneficial", "favors intervention", "better", "▲"], []),
        (Analytics.Direction.NoDifference, "No difference", ["no change", "no effect", "=", "◄►", "neutral"], []),
        (Analytics.Direction.Worsened, "Worsened", ["worse", "harm", "harmful", "deteriorated", "favors control", "▼"], []),
        (Analytics.Direction.Mixed, "Mixed", ["conflicting", "inconsistent", "mixed results", "±", "+/-"], []),
        (Analytics.Direction.NotReported, "Not reported", ["nr", "unknown", "not stated"], []),
    ],
    [
        ("positive", "a positive effect estimate can mean harm (e.g. higher depression scores)"),
        ("+", "a positive effect estimate can mean harm (e.g. higher depression scores)"),
        ("negative", "a negative effect estimate can mean improvement (e.g. lower depression scores)"),
        ("up", MeasureMoved),
        ("down", MeasureMoved),
        ("increased", MeasureMoved),
        ("decreased", MeasureMoved),
        ("0", "it may mean no difference, an estimate of zero or an empty cell"),
        ("yes", "it does not say which way the effect went"),
        ("no", "it may mean no difference or that no direction was reported"),
        ("unclear", "it may mean the study reported no direction (Not reported, outside the denominator) or that its results conflict (Mixed, inside it)"),
        ("no significant difference", Significance),
        ("not significant", Significance),
        ("ns", Significance),
        ("significant", Significance),
    ]);

    /// <summary>Publication types.</summary>
    public static Vocabulary<PublicationType> PublicationType { get; } = new("publication type",
    [
        (Analytics.PublicationType.PeerReviewed, "Peer-reviewed", ["peer reviewed article", "peer reviewed research", "peer reviewed journal article"], ["journal article", "journal", "article"]),
        (Analytics.PublicationType.ServiceEvaluation, "Service evaluation", ["evaluation report", "grey literature evaluation"], []),
        (Analytics.PublicationType.ProgrammeReport, "Programme report", ["project report"], []),
    ],
    [
        ("report", "a report may be a service evaluation or a programme report"),
        ("grey literature", "grey literature may be a service evaluation or a programme report"),
    ]);

    /// <summary>Population or delivery timing.</summary>
    public static Vocabulary<PopulationTiming> Timing { get; } = new("timing",
    [
        (PopulationTiming.Antenatal, "Antenatal", ["prenatal", "pregnancy", "during pregnancy"], []),
        (PopulationTiming.Postnatal, "Postnatal", ["postpartum", "after birth", "post natal"], []),
        (PopulationTiming.AntenatalAndPostnatal, "Antenatal and postnatal", ["both", "perinatal", "antenatal postnatal", "prenatal and postpartum", "antenatal and postpartum"], []),
    ]);

    /// <summary>Delivery formats.</summary>
    public static Vocabulary<DeliveryFormat> DeliveryFormat { get; } = new("delivery format",
    [
        (Analytics.DeliveryFormat.OneToOne, "One-to-one", ["1 to 1", "1:1", "individual", "one on one"], []),
        (Analytics.DeliveryFormat.Group, "Group", ["groups", "group based"], []),
    ]);

    /// <summary>Delivery modes.</summary>
    public static Vocabulary<DeliveryMode> DeliveryMode { get; } = new("delivery mode",
    [
        (Analytics.DeliveryMode.InPerson, "In person", ["face to face", "f2f"], ["home visit", "home visiting"]),
        (Analytics.DeliveryMode.Telephone, "Telephone", ["phone", "telephone based"], []),
        (Analytics.DeliveryMode.Online, "Online", ["web", "internet", "web based"], ["digital", "video", "app", "virtual"]),
    ],
    [
        ("remote", "remote support may be by telephone or online"),
    ]);

    /// <summary>Deliverers.</summary>
    public static Vocabulary<Deliverer> Deliverer { get; } = new("deliverer",
    [
        (Analytics.Deliverer.LinkWorker, "Link worker", ["social prescribing link worker"], ["community connector", "navigator", "care navigator"]),
        (Analytics.Deliverer.PeerVolunteer, "Peer volunteer", ["volunteer peer supporter", "peer supporter volunteer", "trained volunteer", "volunteer", "volunteers"], ["befriender"]),
        (Analytics.Deliverer.PaidPeer, "Paid peer", ["paid peer supporter"], ["community health worker"]),
        (Analytics.Deliverer.Professional, "Professional", ["health professional"], ["midwife", "health visitor", "nurse", "psychologist", "therapist", "practitioner"]),
    ],
    [
        ("doula", "doulas may be volunteers (Peer volunteer) or paid (Paid peer)"),
        ("peer worker", "peer workers may be volunteers (Peer volunteer) or paid (Paid peer)"),
        ("facilitator", "a facilitator may be a peer or a professional"),
    ]);

    /// <summary>Referral routes.</summary>
    public static Vocabulary<ReferralRoute> ReferralRoute { get; } = new("referral route",
    [
        (Analytics.ReferralRoute.FormalReferral, "Formal referral", ["referral", "referred"], ["gp referral", "professional referral", "midwife referral"]),
        (Analytics.ReferralRoute.Signposting, "Signposting", ["signposted", "informal referral"], []),
        (Analytics.ReferralRoute.SelfReferral, "Self-referral", ["self", "self referred"], ["open access", "drop in"]),
    ]);

    /// <summary>Needs assessment.</summary>
    public static Vocabulary<NeedsAssessment> NeedsAssessment { get; } = new("needs assessment",
    [
        (Analytics.NeedsAssessment.None, "None", ["no", "no assessment"], []),
        (Analytics.NeedsAssessment.SingleNeed, "Single need", ["single", "pre defined need", "single predefined need"], []),
        (Analytics.NeedsAssessment.MultiDomain, "Multi-domain", ["multiple", "multi domain brief", "several domains"], ["needs identified"]),
        (Analytics.NeedsAssessment.Holistic, "Holistic", ["holistic assessment"], ["what matters", "what matters to me"]),
    ]);

    /// <summary>Follow-up.</summary>
    public static Vocabulary<FollowUp> FollowUp { get; } = new("follow-up",
    [
        (Analytics.FollowUp.None, "None", ["no", "no follow up"], []),
        (Analytics.FollowUp.TimeLimited, "Time-limited", ["fixed", "fixed number of sessions", "short term"], []),
        (Analytics.FollowUp.Ongoing, "Ongoing", ["open ended", "unlimited", "no limit"], ["long term"]),
    ]);

    /// <summary>Kimberlee typology levels.</summary>
    public static Vocabulary<TypologyLevel> TypologyLevel { get; } = new("typology level",
    [
        (Analytics.TypologyLevel.Signposting, "Signposting", [], []),
        (Analytics.TypologyLevel.Light, "Light", ["light touch"], []),
        (Analytics.TypologyLevel.Medium, "Medium", [], []),
        (Analytics.TypologyLevel.Holistic, "Holistic", ["comprehensive"], []),
        (Analytics.TypologyLevel.Unclassifiable, "Unclassifiable", ["unclassified", "not classifiable"], ["insufficient reporting"]),
    ]);

    /// <summary>Risk-of-bias judgements (row colour of an effect direction plot).</summary>
    /// <remarks>Quality ratings ("good", "poor") and other tools' judgements ("unclear risk", "critical") are related
    /// constructs: accepted, and reported as counted as the risk-of-bias judgement.</remarks>
    public static Vocabulary<RiskOfBias> RiskOfBias { get; } = new("risk of bias",
    [
        (Analytics.RiskOfBias.Low, "Low", ["low risk", "low risk of bias", "green"], ["good", "high quality"]),
        (Analytics.RiskOfBias.SomeConcerns, "Some concerns", ["medium", "amber"], ["moderate", "unclear risk", "fair"]),
        (Analytics.RiskOfBias.High, "High", ["high risk", "high risk of bias", "red"], ["poor", "low quality", "critical"]),
    ]);

    /// <summary>The built-in risk-of-bias tools' names (the Risk of bias sheet's Tool column); any other name is a generic
    /// tool whose domains the sheet names.</summary>
    public static Vocabulary<string> RiskOfBiasTool { get; } = new("risk-of-bias tool",
    [
        ("RoB 2", "RoB 2", ["rob2", "rob 2.0", "risk of bias 2", "cochrane rob 2", "risk of bias 2.0"], []),
        ("RoB 2 cluster", "RoB 2 cluster", ["rob2 cluster", "rob 2 cluster randomized", "rob 2 for cluster randomized trials", "rob2 crt"], []),
        ("ROBINS-I", "ROBINS-I", ["robins i v1", "robins i 2016"], []),
        ("ROBINS-I V2", "ROBINS-I V2", ["robins i version 2", "robins i 2024"], []),
        ("ROBINS-E", "ROBINS-E", [], []),
        ("QUADAS-2", "QUADAS-2", [], []),
    ]);

    /// <summary>Intervention types (seeded; extend with <see cref="Vocabulary{T}.With"/>).</summary>
    public static Vocabulary<InterventionType> InterventionType { get; } = new("intervention type",
    [
        (Analytics.InterventionType.SocialSupport, "Social support", [], ["peer support"]),
        (Analytics.InterventionType.EducationInformation, "Education/information", ["education", "information", "educational", "education and information"], ["psychoeducation"]),
        (Analytics.InterventionType.PhysicalWellbeing, "Physical wellbeing", ["physical", "physical well being"], ["physical activity", "exercise"]),
        (Analytics.InterventionType.CreativeRecreational, "Creative/recreational", ["creative", "recreational", "creative recreational activities", "creative and recreational"], ["arts"]),
        (Analytics.InterventionType.TherapeuticSupport, "Therapeutic support", ["therapeutic", "therapy"], ["counseling"]),
        (Analytics.InterventionType.ServiceNavigation, "Service navigation", ["navigation", "care navigation"], ["signposting to services"]),
    ],
    [
        ("social", "it may mean social support, or social prescribing as a whole"),
    ]);

    /// <summary>Outcome domains (seeded, in the order of <see cref="Analytics.OutcomeDomain.Seeded"/>; extend with <see cref="Vocabulary{T}.With"/>).</summary>
    /// <remarks>Specific outcomes ("loneliness", "depression") are related constructs of a domain: counted in it, reported
    /// on import, and a review that declares one as its own domain keeps it apart.</remarks>
    public static Vocabulary<OutcomeDomain> OutcomeDomain { get; } = new("outcome domain",
    [
        (Analytics.OutcomeDomain.SocialConnection, "Social connection", ["social connectedness", "social connection isolation"], ["loneliness", "social isolation", "isolation", "social support"]),
        (Analytics.OutcomeDomain.MentalHealth, "Mental health", ["mental health depression anxiety"], ["depression", "anxiety", "mental wellbeing", "wellbeing", "psychological distress", "stress"]),
        (Analytics.OutcomeDomain.ParentingConfidence, "Parenting confidence", ["parenting self efficacy", "maternal confidence", "parenting confidence self efficacy"], ["self efficacy", "parenting"]),
        (Analytics.OutcomeDomain.MotherInfantBonding, "Mother-infant bonding", ["bonding", "maternal infant bonding"], ["attachment", "mother infant attachment"]),
        (Analytics.OutcomeDomain.PhysicalHealth, "Physical health", ["physical"], ["physical activity", "breastfeeding", "sleep"]),
        (Analytics.OutcomeDomain.QualityOfLife, "Quality of life", ["qol", "hrqol", "health related quality of life"], []),
        (Analytics.OutcomeDomain.ServiceUse, "Service use", ["health service use", "service utilization", "healthcare use", "uptake of services"], ["gp attendance"]),
    ]);

    /// <summary>Realist configuration families (seeded; extend with <see cref="Vocabulary{T}.With"/>).</summary>
    public static Vocabulary<ConfigurationFamily> ConfigurationFamily { get; } = new("configuration family",
    [
        (Analytics.ConfigurationFamily.TakeUp, "Take-up", ["uptake", "take up of support"], ["engagement", "enrolment"]),
        (Analytics.ConfigurationFamily.PositiveImpact, "Positive impact", ["positive", "benefit", "positive impact on mothers"], []),
        (Analytics.ConfigurationFamily.NegativeImpact, "Negative impact", ["negative", "harm", "negative impact on mothers"], []),
    ]);

    /// <summary>Yes/no cells (Link worker). A blank cell, or "not reported", "NR", "unclear" or "unknown", means not reported.</summary>
    public static Vocabulary<bool> YesNo { get; } = new("yes/no value",
    [
        (true, "Yes", ["y", "true", "1", "x"], []),
        (false, "No", ["n", "false", "0"], []),
    ]);

    /// <summary>The stages (boxes) of a PRISMA flow diagram, as the Flow sheet names them.</summary>
    /// <remarks>The labels are <see cref="WorkbookFormat.FlowStages"/>, in PRISMA order.</remarks>
    public static Vocabulary<string> PrismaStage { get; } = new("PRISMA stage",
    [
        ("Identified", "Identified", ["records identified", "identification"], []),
        ("Duplicates removed", "Duplicates removed", ["duplicates", "duplicate records removed"], []),
        ("Automation removed", "Automation removed", ["marked ineligible by automation tools", "automation"], []),
        ("Other removed", "Other removed", ["removed for other reasons"], []),
        ("Screened", "Screened", ["records screened"], []),
        ("Excluded at screening", "Excluded at screening", ["records excluded"], []),
        ("Sought", "Sought", ["reports sought for retrieval", "sought for retrieval"], []),
        ("Not retrieved", "Not retrieved", ["reports not retrieved"], []),
        ("Assessed", "Assessed", ["reports assessed for eligibility", "assessed for eligibility"], []),
        ("Excluded", "Excluded", ["reports excluded", "excluded with reasons", "full text excluded"], []),
        ("Studies included", "Studies included", ["included", "studies included in review"], []),
        ("Reports included", "Reports included", ["reports of included studies"], []),
        ("Identified from registers", "Identified from registers", ["register", "registers", "records identified from registers"], []),
        ("Previous studies", "Previous studies", ["studies included in previous version of review"], []),
        ("Previous reports", "Previous reports", ["reports of studies included in previous version of review"], []),
        ("Other methods identified", "Other methods identified", ["identified via other methods", "records identified via other methods"], []),
        ("Other methods sought", "Other methods sought", ["reports sought via other methods"], []),
        ("Other methods not retrieved", "Other methods not retrieved", ["reports not retrieved via other methods"], []),
        ("Other methods assessed", "Other methods assessed", ["reports assessed via other methods"], []),
        ("Other methods excluded", "Other methods excluded", ["reports excluded via other methods"], []),
    ]);

    /// <summary>Every vocabulary of the workbook format, in the order the workbook's sheets use them, then the design
    /// groups (used by filters and maps).</summary>
    public static IReadOnlyList<ControlledVocabulary> All { get; } =
    [
        Design, Timing, PublicationType, RiskOfBias, InterventionType, DeliveryFormat, DeliveryMode, Deliverer, ReferralRoute, YesNo,
        NeedsAssessment, FollowUp, TypologyLevel, OutcomeDomain, Direction, RiskOfBiasTool, .. RiskOfBiasJudgements.All, PrismaStage, ConfigurationFamily, DesignGroup,
    ];

    /// <summary>The canonical label of a design ("RCT", "Cluster RCT").</summary>
    public static string Label(this StudyDesign value) => Design.Label(value);
    /// <summary>The canonical label of a design group.</summary>
    public static string Label(this DesignGroup value) => DesignGroup.Label(value);
    /// <summary>The canonical label of a direction of effect.</summary>
    public static string Label(this Direction value) => Direction.Label(value);
    /// <summary>The canonical label of a publication type.</summary>
    public static string Label(this PublicationType value) => PublicationType.Label(value);
    /// <summary>The canonical label of a timing.</summary>
    public static string Label(this PopulationTiming value) => Timing.Label(value);
    /// <summary>The canonical label of a delivery format.</summary>
    public static string Label(this DeliveryFormat value) => DeliveryFormat.Label(value);
    /// <summary>The canonical label of a delivery mode.</summary>
    public static string Label(this DeliveryMode value) => DeliveryMode.Label(value);
    /// <summary>The canonical label of a deliverer.</summary>
    public static string Label(this Deliverer value) => Deliverer.Label(value);
    /// <summary>The canonical label of a referral route.</summary>
    public static string Label(this ReferralRoute value) => ReferralRoute.Label(value);
    /// <summary>The canonical label of a needs assessment.</summary>
    public static string Label(this NeedsAssessment value) => NeedsAssessment.Label(value);
    /// <summary>The canonical label of a follow-up.</summary>
    public static string Label(this FollowUp value) => FollowUp.Label(value);
    /// <summary>The canonical label of a typology level.</summary>
    public static string Label(this TypologyLevel value) => TypologyLevel.Label(value);
    /// <summary>The canonical label of a risk-of-bias judgement.</summary>
    public static string Label(this RiskOfBias value) => RiskOfBias.Label(value);
}
