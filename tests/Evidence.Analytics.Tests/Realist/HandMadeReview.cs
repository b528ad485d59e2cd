namespace Evidence.Analytics.Tests.Realist;

/// <summary>A small realist review built by hand so every count in the tests can be worked out on paper.</summary>
/// <remarks>
/// Programmes (format, mode, deliverer, timing):
///   P1 group, in person, peer volunteer, postnatal          studies S1, S6
///   P2 one-to-one, telephone, peer volunteer, both          study S2
///   P3 group, in person, professional, antenatal            study S3
///   P4 one-to-one, in person, paid peer, timing not coded   study S4
///   P5 one-to-one, telephone, peer volunteer, postnatal     study S5 (supports nothing)
///   P6 group, online, peer volunteer, postnatal             study S7, which also evaluates P2
/// Configurations:
///   TU1 take-up          S1, S2, S4   themes: Use of volunteers; Format of the support
///   PI1 positive impact  S2, S3, S6   themes: Meaningful relationships
///   NI1 negative impact  S1, S3       themes: Culture of negativity; use of volunteers
///   NI2 negative impact  S1, s6, S6   (no theme; S6 is repeated in another case; S1 and S6 are both P1)
///   PI2 positive impact  S7           themes: Meaningful relationships
/// </remarks>
internal static class HandMadeReview
{
    private static Study S(string id, StudyDesign design, params string[] programmes) =>
        new(id, new Citation("Example A, Sample B", 2020, $"Illustrative study {id}"), design, interventionIds: programmes);

    public static EvidenceBase Create() => new(
        studies:
        [
            S("S1", StudyDesign.Qualitative, "P1"),
            S("S2", StudyDesign.Rct, "P2"),
            S("S3", StudyDesign.Qualitative, "P3"),
            S("S4", StudyDesign.MixedMethods, "P4"),
            S("S5", StudyDesign.Rct, "P5"),
            S("S6", StudyDesign.Qualitative, "P1"),
            S("S7", StudyDesign.ServiceEvaluation, "P6", "P2"),
        ],
        interventions:
        [
            new("P1", "Mothers' group", formats: [DeliveryFormat.Group], modes: [DeliveryMode.InPerson], deliverers: [Deliverer.PeerVolunteer], timing: PopulationTiming.Postnatal),
            new("P2", "Telephone befriending", formats: [DeliveryFormat.OneToOne], modes: [DeliveryMode.Telephone], deliverers: [Deliverer.PeerVolunteer], timing: PopulationTiming.AntenatalAndPostnatal),
            new("P3", "Midwife-led group", formats: [DeliveryFormat.Group], modes: [DeliveryMode.InPerson], deliverers: [Deliverer.Professional], timing: PopulationTiming.Antenatal),
            new("P4", "Paid peer home visits", formats: [DeliveryFormat.OneToOne], modes: [DeliveryMode.InPerson], deliverers: [Deliverer.PaidPeer]),
            new("P5", "Helpline", formats: [DeliveryFormat.OneToOne], modes: [DeliveryMode.Telephone], deliverers: [Deliverer.PeerVolunteer], timing: PopulationTiming.Postnatal),
            new("P6", "Online group", formats: [DeliveryFormat.Group], modes: [DeliveryMode.Online], deliverers: [Deliverer.PeerVolunteer], timing: PopulationTiming.Postnatal),
        ],
        configurations:
        [
            new("TU1", ConfigurationFamily.TakeUp, "c", "m", "o", ["S1", "S2", "S4"], ["Use of volunteers", "Format of the support"]),
            new("PI1", ConfigurationFamily.PositiveImpact, "c", "m", "o", ["S2", "S3", "S6"], ["Meaningful relationships"]),
            new("NI1", ConfigurationFamily.NegativeImpact, "c", "m", "o", ["S1", "S3"], ["Culture of negativity", "use of volunteers"]),
            new("NI2", ConfigurationFamily.NegativeImpact, "c", "m", "o", ["S1", "s6", "S6"]),
            new("PI2", ConfigurationFamily.PositiveImpact, "c", "m", "o", ["S7"], ["Meaningful relationships"]),
        ]);
}
