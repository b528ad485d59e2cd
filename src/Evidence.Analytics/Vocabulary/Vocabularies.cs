namespace Evidence.Analytics;

/// <summary>The controlled vocabularies of the workbook format, each with the spellings it accepts.</summary>
/// <remarks>These are the vocabularies the import, the CLI options and the extraction template share, so "rct", "RCT"
/// and "Randomised controlled trial" mean the same wherever they are typed.</remarks>
public static class Vocabularies
{
    /// <summary>Study designs.</summary>
    public static Vocabulary<StudyDesign> Design { get; } = new("design",
    [
        (StudyDesign.Rct, "RCT", ["randomized controlled trial", "randomized trial", "randomized control trial", "individually randomized trial", "pilot rct", "feasibility rct"]),
        (StudyDesign.ClusterRct, "Cluster RCT", ["cluster randomized controlled trial", "cluster randomized trial", "crct", "cluster trial"]),
        (StudyDesign.QuasiExperimental, "Quasi-experimental", ["quasi experiment", "non randomized controlled study", "non randomized trial", "controlled before after", "nrct"]),
        (StudyDesign.CohortPrePost, "Cohort / pre-post", ["cohort", "cohort study", "pre post", "before after", "pre post study", "uncontrolled before after", "longitudinal"]),
        (StudyDesign.CrossSectionalSurvey, "Cross-sectional / survey", ["cross sectional", "survey", "cross sectional survey", "questionnaire survey"]),
        (StudyDesign.Qualitative, "Qualitative", ["qualitative study", "interview study", "focus groups", "ethnography"]),
        (StudyDesign.MixedMethods, "Mixed methods", ["mixed method", "mixed methods study", "multi method"]),
        (StudyDesign.ServiceEvaluation, "Service evaluation", ["evaluation", "program evaluation", "service review"]),
        (StudyDesign.CaseStudy, "Case study", ["case studies", "case series", "case report"]),
        (StudyDesign.Other, "Other", ["other design"]),
    ]);

    /// <summary>Design groups (RCT / qualitative / other).</summary>
    public static Vocabulary<DesignGroup> DesignGroup { get; } = new("design group",
    [
        (Analytics.DesignGroup.Rct, "RCT", ["rcts", "randomized controlled trial", "randomized", "trials"]),
        (Analytics.DesignGroup.Qualitative, "Qualitative", ["qual"]),
        (Analytics.DesignGroup.Other, "Other", ["other designs", "other design"]),
    ]);

    /// <summary>Directions of effect.</summary>
    public static Vocabulary<Direction> Direction { get; } = new("direction of effect",
    [
        (Analytics.Direction.Improved, "Improved", ["improvement", "improves", "positive", "benefit", "beneficial", "favors intervention", "better", "+", "▲", "up"]),
        (Analytics.Direction.NoDifference, "No difference", ["no change", "no effect", "null", "none", "no significant difference", "=", "0", "◄►", "neutral"]),
        (Analytics.Direction.Worsened, "Worsened", ["worse", "negative", "harm", "harmful", "deteriorated", "favors control", "-", "▼", "down"]),
        (Analytics.Direction.Mixed, "Mixed", ["conflicting", "inconsistent", "mixed results", "±", "+/-"]),
        (Analytics.Direction.NotReported, "Not reported", ["nr", "unclear", "unknown", "not stated", "n/a"]),
    ]);

    /// <summary>Publication types.</summary>
    public static Vocabulary<PublicationType> PublicationType { get; } = new("publication type",
    [
        (Analytics.PublicationType.PeerReviewed, "Peer-reviewed", ["peer reviewed article", "journal article", "journal", "peer reviewed research", "article"]),
        (Analytics.PublicationType.ServiceEvaluation, "Service evaluation", ["evaluation report", "grey literature evaluation"]),
        (Analytics.PublicationType.ProgrammeReport, "Programme report", ["report", "program report", "grey literature", "project report"]),
    ]);

    /// <summary>Population or delivery timing.</summary>
    public static Vocabulary<PopulationTiming> Timing { get; } = new("timing",
    [
        (PopulationTiming.Antenatal, "Antenatal", ["prenatal", "pregnancy", "during pregnancy"]),
        (PopulationTiming.Postnatal, "Postnatal", ["postpartum", "after birth", "post natal"]),
        (PopulationTiming.AntenatalAndPostnatal, "Antenatal and postnatal", ["both", "perinatal", "antenatal postnatal", "prenatal and postpartum", "antenatal and postpartum"]),
    ]);

    /// <summary>Delivery formats.</summary>
    public static Vocabulary<DeliveryFormat> DeliveryFormat { get; } = new("delivery format",
    [
        (Analytics.DeliveryFormat.OneToOne, "One-to-one", ["1 to 1", "1:1", "individual", "one on one"]),
        (Analytics.DeliveryFormat.Group, "Group", ["groups", "group based"]),
    ]);

    /// <summary>Delivery modes.</summary>
    public static Vocabulary<DeliveryMode> DeliveryMode { get; } = new("delivery mode",
    [
        (Analytics.DeliveryMode.InPerson, "In person", ["face to face", "f2f", "home visit", "home visiting"]),
        (Analytics.DeliveryMode.Telephone, "Telephone", ["phone", "telephone based"]),
        (Analytics.DeliveryMode.Online, "Online", ["digital", "web", "internet", "video", "app", "virtual", "remote"]),
    ]);

    /// <summary>Deliverers.</summary>
    public static Vocabulary<Deliverer> Deliverer { get; } = new("deliverer",
    [
        (Analytics.Deliverer.LinkWorker, "Link worker", ["social prescribing link worker", "community connector", "navigator", "care navigator"]),
        (Analytics.Deliverer.PeerVolunteer, "Peer volunteer", ["trained volunteer", "volunteer", "volunteers", "peer supporter volunteer", "befriender"]),
        (Analytics.Deliverer.PaidPeer, "Paid peer", ["paid peer supporter", "peer worker", "community health worker", "doula"]),
        (Analytics.Deliverer.Professional, "Professional", ["health professional", "midwife", "health visitor", "nurse", "psychologist", "therapist", "practitioner", "facilitator"]),
    ]);

    /// <summary>Referral routes.</summary>
    public static Vocabulary<ReferralRoute> ReferralRoute { get; } = new("referral route",
    [
        (Analytics.ReferralRoute.FormalReferral, "Formal referral", ["referral", "referred", "gp referral", "professional referral", "midwife referral"]),
        (Analytics.ReferralRoute.Signposting, "Signposting", ["signposted", "informal referral"]),
        (Analytics.ReferralRoute.SelfReferral, "Self-referral", ["self", "self referred", "open access", "drop in"]),
    ]);

    /// <summary>Needs assessment.</summary>
    public static Vocabulary<NeedsAssessment> NeedsAssessment { get; } = new("needs assessment",
    [
        (Analytics.NeedsAssessment.None, "None", ["no", "no assessment"]),
        (Analytics.NeedsAssessment.SingleNeed, "Single need", ["single", "pre defined need", "single predefined need"]),
        (Analytics.NeedsAssessment.MultiDomain, "Multi-domain", ["multiple", "multi domain brief", "several domains", "needs identified"]),
        (Analytics.NeedsAssessment.Holistic, "Holistic", ["what matters", "holistic assessment", "what matters to me"]),
    ]);

    /// <summary>Follow-up.</summary>
    public static Vocabulary<FollowUp> FollowUp { get; } = new("follow-up",
    [
        (Analytics.FollowUp.None, "None", ["no", "no follow up"]),
        (Analytics.FollowUp.TimeLimited, "Time-limited", ["time limited", "fixed", "fixed number of sessions", "short term"]),
        (Analytics.FollowUp.Ongoing, "Ongoing", ["open ended", "long term", "unlimited", "no limit"]),
    ]);

    /// <summary>Kimberlee typology levels.</summary>
    public static Vocabulary<TypologyLevel> TypologyLevel { get; } = new("typology level",
    [
        (Analytics.TypologyLevel.Signposting, "Signposting", []),
        (Analytics.TypologyLevel.Light, "Light", ["light touch"]),
        (Analytics.TypologyLevel.Medium, "Medium", []),
        (Analytics.TypologyLevel.Holistic, "Holistic", ["comprehensive"]),
        (Analytics.TypologyLevel.Unclassifiable, "Unclassifiable", ["insufficient reporting", "unclassified", "not classifiable"]),
    ]);

    /// <summary>Risk-of-bias judgements (row colour of an effect direction plot).</summary>
    public static Vocabulary<RiskOfBias> RiskOfBias { get; } = new("risk of bias",
    [
        (Analytics.RiskOfBias.Low, "Low", ["low risk", "good", "high quality", "green"]),
        (Analytics.RiskOfBias.SomeConcerns, "Some concerns", ["moderate", "unclear risk", "medium", "fair", "amber"]),
        (Analytics.RiskOfBias.High, "High", ["high risk", "poor", "low quality", "critical", "red"]),
    ]);

    /// <summary>Intervention types (seeded; extend with <see cref="Vocabulary{T}.With"/>).</summary>
    public static Vocabulary<InterventionType> InterventionType { get; } = new("intervention type",
    [
        (Analytics.InterventionType.SocialSupport, "Social support", ["peer support", "social"]),
        (Analytics.InterventionType.EducationInformation, "Education/information", ["education", "information", "educational", "psychoeducation", "education and information"]),
        (Analytics.InterventionType.PhysicalWellbeing, "Physical wellbeing", ["physical", "physical activity", "exercise", "physical well being"]),
        (Analytics.InterventionType.CreativeRecreational, "Creative/recreational", ["creative", "recreational", "arts", "creative recreational activities", "creative and recreational"]),
        (Analytics.InterventionType.TherapeuticSupport, "Therapeutic support", ["therapeutic", "therapy", "counseling"]),
        (Analytics.InterventionType.ServiceNavigation, "Service navigation", ["navigation", "care navigation", "signposting to services"]),
    ]);

    /// <summary>Outcome domains (seeded; extend with <see cref="Vocabulary{T}.With"/>).</summary>
    public static Vocabulary<OutcomeDomain> OutcomeDomain { get; } = new("outcome domain",
    [
        (Analytics.OutcomeDomain.SocialConnection, "Social connection", ["social isolation", "isolation", "loneliness", "social connectedness", "social support", "social connection isolation"]),
        (Analytics.OutcomeDomain.MentalHealth, "Mental health", ["depression", "anxiety", "mental wellbeing", "wellbeing", "psychological distress", "stress", "mental health depression anxiety"]),
        (Analytics.OutcomeDomain.ParentingConfidence, "Parenting confidence", ["parenting self efficacy", "self efficacy", "parenting", "maternal confidence", "parenting confidence self efficacy"]),
        (Analytics.OutcomeDomain.MotherInfantBonding, "Mother-infant bonding", ["bonding", "attachment", "mother infant attachment", "maternal infant bonding"]),
        (Analytics.OutcomeDomain.PhysicalHealth, "Physical health", ["physical", "physical activity", "breastfeeding", "sleep"]),
        (Analytics.OutcomeDomain.QualityOfLife, "Quality of life", ["qol", "hrqol", "health related quality of life"]),
        (Analytics.OutcomeDomain.ServiceUse, "Service use", ["health service use", "service utilization", "gp attendance", "uptake of services", "healthcare use"]),
    ]);

    /// <summary>Realist configuration families (seeded; extend with <see cref="Vocabulary{T}.With"/>).</summary>
    public static Vocabulary<ConfigurationFamily> ConfigurationFamily { get; } = new("configuration family",
    [
        (Analytics.ConfigurationFamily.TakeUp, "Take-up", ["uptake", "take up of support", "engagement", "enrolment"]),
        (Analytics.ConfigurationFamily.PositiveImpact, "Positive impact", ["positive", "benefit", "positive impact on mothers"]),
        (Analytics.ConfigurationFamily.NegativeImpact, "Negative impact", ["negative", "harm", "negative impact on mothers"]),
    ]);

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
