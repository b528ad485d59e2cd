using System.Collections.Frozen;

namespace Evidence.Analytics;

/// <summary>Plain-language descriptions of the seeded vocabulary, shown as the row and column descriptions of the
/// interactive evidence map.</summary>
internal static class TermDescriptions
{
    private static readonly FrozenDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [InterventionType.SocialSupport.Name] = "Peer support, groups and befriending.",
        [InterventionType.EducationInformation.Name] = "Antenatal and parenting classes, information giving.",
        [InterventionType.PhysicalWellbeing.Name] = "Exercise, walking groups and nutrition.",
        [InterventionType.CreativeRecreational.Name] = "Arts, singing, crafts and other creative or recreational activities.",
        [InterventionType.TherapeuticSupport.Name] = "Counselling and psychological techniques.",
        [InterventionType.ServiceNavigation.Name] = "Help to find and use services, housing and benefits.",
        [OutcomeDomain.SocialConnection.Name] = "Social connection or isolation: loneliness, social support received.",
        [OutcomeDomain.MentalHealth.Name] = "Depression, anxiety, stress and wellbeing.",
        [OutcomeDomain.ParentingConfidence.Name] = "Parenting confidence or self-efficacy.",
        [OutcomeDomain.MotherInfantBonding.Name] = "Mother–infant bonding or attachment.",
        [OutcomeDomain.PhysicalHealth.Name] = "Physical activity, weight, sleep and breastfeeding.",
        [OutcomeDomain.QualityOfLife.Name] = "Quality of life.",
        [OutcomeDomain.ServiceUse.Name] = "GP attendance and uptake of services.",
        ["Signposting"] = "Kimberlee (2015): the person is simply pointed to community assets.",
        ["Light"] = "Kimberlee (2015): referral into a specific programme for a particular need, time-limited.",
        ["Medium"] = "Kimberlee (2015): a short intervention in which a practitioner helps identify needs across several areas.",
        ["Holistic"] = "Kimberlee (2015): longer-term link-worker support from a holistic “what matters” assessment, no limit on contacts.",
        ["Unclassifiable"] = "Too little reported to place the intervention in Kimberlee's typology.",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The description of a label, or null when there is none.</summary>
    public static string? Of(string label) => Descriptions.TryGetValue(label, out string? description) ? description : null;
}
