using System.Globalization;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>A small evidence base shaped like the postpartum social-prescribing scoping review (33 studies: 15 RCTs,
/// 6 qualitative, 12 other designs; intervention types 23/16/11/10/9/7; 13,851 records screened), for looking at charts
/// and for approval files. Illustrative rows, not the review's studies.</summary>
internal static class ChartSamples
{
    public static readonly int[] TypeCounts = [23, 16, 11, 10, 9, 7];

    public static EvidenceBase ScopingReview()
    {
        var random = new Random(33);
        string[] authors = ["Author", "Writer", "Example", "Sample", "Placeholder", "Fictional", "Invented", "Specimen", "Dummy", "Mock", "Pattern", "Model"];
        string[] countries = ["UK", "Australia", "USA", "Canada", "Ireland"];
        var designs = new List<StudyDesign>();
        designs.AddRange(Enumerable.Repeat(StudyDesign.Rct, 12));
        designs.AddRange(Enumerable.Repeat(StudyDesign.ClusterRct, 3));
        designs.AddRange(Enumerable.Repeat(StudyDesign.Qualitative, 6));
        designs.AddRange([StudyDesign.QuasiExperimental, StudyDesign.QuasiExperimental, StudyDesign.CohortPrePost, StudyDesign.CohortPrePost, StudyDesign.CohortPrePost,
            StudyDesign.MixedMethods, StudyDesign.MixedMethods, StudyDesign.ServiceEvaluation, StudyDesign.ServiceEvaluation, StudyDesign.ServiceEvaluation,
            StudyDesign.CrossSectionalSurvey, StudyDesign.CaseStudy]);

        var types = new List<InterventionType>[33];
        for (int i = 0; i < 33; i++) types[i] = [];
        for (int t = 0; t < TypeCounts.Length; t++)
            for (int k = 0; k < TypeCounts[t]; k++)
                types[(t * 5 + k * 7) % 33].Add(InterventionType.Seeded[t]);

        var interventions = new List<Intervention>();
        var studies = new List<Study>();
        var findings = new List<Finding>();
        for (int i = 0; i < 33; i++)
        {
            string id = (i + 1).ToString("00", CultureInfo.InvariantCulture);
            interventions.Add(i switch
            {
                < 3 => new Intervention("I" + id, $"Programme {id}", types[i], hasLinkWorker: true, needsAssessment: NeedsAssessment.Holistic, followUp: FollowUp.Ongoing, referralRoutes: [ReferralRoute.FormalReferral]),
                < 8 => new Intervention("I" + id, $"Programme {id}", types[i], hasLinkWorker: true, needsAssessment: NeedsAssessment.MultiDomain, followUp: FollowUp.TimeLimited, referralRoutes: [ReferralRoute.FormalReferral]),
                < 11 => new Intervention("I" + id, $"Programme {id}", types[i], referralRoutes: [ReferralRoute.Signposting], hasLinkWorker: false),
                < 13 => new Intervention("I" + id, $"Programme {id}", types[i]),
                _ => new Intervention("I" + id, $"Programme {id}", types[i], referralRoutes: [ReferralRoute.FormalReferral], hasLinkWorker: false, needsAssessment: NeedsAssessment.SingleNeed, followUp: FollowUp.TimeLimited),
            });
            var design = designs[(i * 13) % 33];
            studies.Add(new Study("S" + id, new Citation($"{authors[i % authors.Length]} A, Other B, Third C", 2005 + i % 19, $"Study {id} of community support after birth"),
                design, countries: [countries[i % countries.Length]], interventionIds: ["I" + id], timing: PopulationTiming.Postnatal,
                sampleSize: i % 6 == 5 ? null : 20 + random.Next(480), riskOfBias: design.Group() == DesignGroup.Qualitative ? null : (RiskOfBias)random.Next(3)));

            foreach (var domain in OutcomeDomain.Seeded)
            {
                double chance = domain == OutcomeDomain.SocialConnection ? 0.7 : domain == OutcomeDomain.ServiceUse ? 0.12 : 0.35;
                if (random.NextDouble() >= chance) continue;
                int outcomes = 1 + random.Next(2);
                Direction? first = null;
                for (int o = 0; o < outcomes; o++)
                {
                    double roll = random.NextDouble();
                    if (first is { } same && roll < 0.75)
                    {
                        findings.Add(new Finding("S" + id, null, domain, same, "Secondary measure"));
                        continue;
                    }
                    roll = random.NextDouble();
                    double improve = domain == OutcomeDomain.SocialConnection ? 0.8 : 0.55;
                    var direction = roll < improve ? Direction.Improved : roll < improve + 0.25 ? Direction.NoDifference : roll < 0.97 ? Direction.Worsened : Direction.Mixed;
                    first ??= direction;
                    findings.Add(new Finding("S" + id, null, domain, direction, o == 0 ? "Primary measure" : "Secondary measure"));
                }
            }
        }

        var flow = new PrismaFlow(
            identified: [new("MEDLINE", 5210), new("CINAHL", 3120), new("PsycINFO", 4470), new("Web of Science", 5980), new("Grey literature", 412)],
            duplicatesRemoved: 5341, screened: 13851, excludedAtScreening: 13702, sought: 149, notRetrieved: 7, assessed: 142,
            exclusionReasons: [new("Not a postpartum population", 51), new("Not social prescribing or community referral", 38), new("No outcomes or implementation data", 15), new("Not in English", 5)],
            studiesIncluded: 33, reportsIncluded: 33);
        return new EvidenceBase(studies, interventions, findings, flow,
            review: new ReviewInfo("It takes a village: social prescribing for postpartum women (illustrative sample)", "Illustrative rows shaped like the scoping review."));
    }
}
