using Xunit;

namespace Evidence.Analytics.Tests.Typology;

/// <summary>Kimberlee (2015) levels on hand-made interventions, one per rule of GUIDE.md §1 (tested top level first),
/// plus the reviewer's override.</summary>
public sealed class TypologyTests
{
    private static Intervention Make(bool? linkWorker, NeedsAssessment? needs, FollowUp? followUp, ReferralRoute[]? routes, TypologyLevel? coded = null) =>
        new("I01", "Hand-made programme", referralRoutes: routes, hasLinkWorker: linkWorker, needsAssessment: needs, followUp: followUp, codedLevel: coded);

    [Fact]
    public void Classify_LinkWorkerHolisticOngoing_IsHolistic()
    {
        var result = Analytics.Typology.Classify(Make(true, NeedsAssessment.Holistic, FollowUp.Ongoing, [ReferralRoute.FormalReferral]));
        Assert.Equal(TypologyLevel.Holistic, result.Level);
        Assert.False(result.IsCoded);
    }

    [Fact]
    public void Classify_LinkWorkerNeedsIdentifiedTimeLimited_IsMedium()
    {
        Assert.Equal(TypologyLevel.Medium, Analytics.Typology.Classify(Make(true, NeedsAssessment.MultiDomain, FollowUp.TimeLimited, [ReferralRoute.FormalReferral])).Level);
    }

    [Fact]
    public void Classify_HolisticAssessmentButTimeLimited_IsMediumNotHolistic()
    {
        Assert.Equal(TypologyLevel.Medium, Analytics.Typology.Classify(Make(true, NeedsAssessment.Holistic, FollowUp.TimeLimited, null)).Level);
    }

    [Fact]
    public void Classify_FormalReferralWithoutLinkWorker_IsLight()
    {
        var result = Analytics.Typology.Classify(Make(false, NeedsAssessment.SingleNeed, FollowUp.TimeLimited, [ReferralRoute.FormalReferral]));
        Assert.Equal(TypologyLevel.Light, result.Level);
        Assert.Contains("no link worker", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_LinkWorkerWithoutNeedsAssessment_FallsToLight()
    {
        Assert.Equal(TypologyLevel.Light, Analytics.Typology.Classify(Make(true, NeedsAssessment.None, FollowUp.Ongoing, [ReferralRoute.FormalReferral])).Level);
    }

    [Fact]
    public void Classify_SelfReferralIntoProgramme_IsLight()
    {
        Assert.Equal(TypologyLevel.Light, Analytics.Typology.Classify(Make(false, null, null, [ReferralRoute.SelfReferral])).Level);
    }

    [Fact]
    public void Classify_SignpostingOnly_IsSignposting()
    {
        Assert.Equal(TypologyLevel.Signposting, Analytics.Typology.Classify(Make(false, NeedsAssessment.None, FollowUp.None, [ReferralRoute.Signposting])).Level);
    }

    [Fact]
    public void Classify_NothingReported_IsUnclassifiable()
    {
        var result = Analytics.Typology.Classify(Make(null, null, null, null));
        Assert.Equal(TypologyLevel.Unclassifiable, result.Level);
        Assert.Contains("not reported", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_CodedLevel_OverridesRules()
    {
        var result = Analytics.Typology.Classify(Make(false, null, null, [ReferralRoute.Signposting], coded: TypologyLevel.Light));
        Assert.Equal(TypologyLevel.Light, result.Level);
        Assert.True(result.IsCoded);
    }
}
