namespace Evidence.Analytics;

/// <summary>Derives an intervention's Kimberlee (2015) social-prescribing level from its coded attributes.</summary>
/// <remarks>
/// <para>The rules are tested from the top level down and the first that holds decides (GUIDE.md §1, after the Welsh
/// social-prescribing glossary):</para>
/// <list type="number">
/// <item><b>Holistic</b>: a link worker, a holistic needs assessment and ongoing (open-ended) follow-up.</item>
/// <item><b>Medium</b>: a link worker, needs identified (any assessment) and time-limited support.</item>
/// <item><b>Light</b>: a referral, formal or self-referral, into a specific programme or activity.</item>
/// <item><b>Signposting</b>: the only route is signposting and nothing is delivered beyond pointing to assets.</item>
/// <item><b>Unclassifiable</b>: neither the referral route nor link-worker involvement is reported.</item>
/// </list>
/// <para>A level coded explicitly by the reviewer overrides the rules; the classification then says so.</para>
/// </remarks>
public static class Typology
{
    /// <summary>Classifies an intervention: its coded level if it has one, otherwise the rules' level.</summary>
    public static TypologyClassification Classify(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        if (intervention.CodedLevel is { } coded)
            return new TypologyClassification(coded, "coded explicitly by the reviewer", IsCoded: true);
        return Derive(intervention.HasLinkWorker, intervention.NeedsAssessment, intervention.FollowUp, intervention.ReferralRoutes);
    }

    /// <summary>Applies the rules to the attributes that decide the level.</summary>
    internal static TypologyClassification Derive(
        bool? linkWorker, NeedsAssessment? needs, FollowUp? followUp, IReadOnlyCollection<ReferralRoute> routes)
    {
        if (linkWorker == true && needs == Analytics.NeedsAssessment.Holistic && followUp == Analytics.FollowUp.Ongoing)
            return Rule(TypologyLevel.Holistic, "link worker, holistic needs assessment and ongoing follow-up");
        if (linkWorker == true && needs is Analytics.NeedsAssessment.SingleNeed or Analytics.NeedsAssessment.MultiDomain or Analytics.NeedsAssessment.Holistic
            && followUp == Analytics.FollowUp.TimeLimited)
            return Rule(TypologyLevel.Medium, "link worker identifies needs, time-limited support");
        if (routes.Contains(ReferralRoute.FormalReferral))
            return Rule(TypologyLevel.Light, linkWorker == true
                ? "formal referral into a specific programme (link worker, but no needs-led or ongoing support)"
                : "formal referral into a specific programme, no link worker");
        if (routes.Contains(ReferralRoute.SelfReferral))
            return Rule(TypologyLevel.Light, "self-referral into a specific programme, no formal referral system");
        if (routes.Contains(ReferralRoute.Signposting))
            return Rule(TypologyLevel.Signposting, "signposting to community assets only");
        return linkWorker is null
            ? Rule(TypologyLevel.Unclassifiable, "referral route and link-worker involvement not reported")
            : Rule(TypologyLevel.Unclassifiable, "referral route not reported");
    }

    private static TypologyClassification Rule(TypologyLevel level, string reason) => new(level, reason, IsCoded: false);
}
