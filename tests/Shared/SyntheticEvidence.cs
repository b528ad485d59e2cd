using System.Globalization;

namespace Evidence.Analytics.Testing;

/// <summary>Generates large, realistic, reproducible evidence bases for benchmarks and property tests.</summary>
/// <remarks>Same arguments, same evidence base: the generator draws from a seeded <see cref="Random"/>.
/// Roughly one intervention per two studies (so most interventions have several studies), one to three intervention
/// types each, and on average <c>findingsPerStudy</c> findings per study over the seeded outcome domains.</remarks>
internal static class SyntheticEvidence
{
    private static readonly string[] Countries = ["UK", "Australia", "USA", "Canada", "Ireland", "New Zealand", "Netherlands", "Sweden"];
    private static readonly StudyDesign[] Designs = Enum.GetValues<StudyDesign>();
    private static readonly Direction[] Directions = Enum.GetValues<Direction>();
    private static readonly string[] Measures = ["EPDS", "UCLA Loneliness Scale", "PSOC", "PBQ", "SF-12", "GAD-7", "MSPSS"];

    public static EvidenceBase Generate(int studies, int seed = 20241122, int findingsPerStudy = 4)
    {
        var random = new Random(seed);
        int interventionCount = Math.Max(1, studies / 2);
        var interventions = new Intervention[interventionCount];
        for (int i = 0; i < interventionCount; i++)
        {
            var types = InterventionType.Seeded.Where(_ => random.NextDouble() < 0.35).ToList();
            if (types.Count == 0) types.Add(InterventionType.Seeded[random.Next(InterventionType.Seeded.Count)]);
            interventions[i] = new Intervention(
                Id("I", i), $"Programme {i + 1}", types,
                formats: [random.Next(2) == 0 ? DeliveryFormat.OneToOne : DeliveryFormat.Group],
                modes: [(DeliveryMode)random.Next(3)],
                deliverers: [(Deliverer)random.Next(4)],
                referralRoutes: [(ReferralRoute)random.Next(3)],
                hasLinkWorker: random.NextDouble() < 0.2,
                needsAssessment: (NeedsAssessment)random.Next(4),
                followUp: (FollowUp)random.Next(3),
                timing: (PopulationTiming)random.Next(3));
        }

        var studyList = new Study[studies];
        var findings = new List<Finding>(studies * findingsPerStudy);
        var domains = OutcomeDomain.Seeded;
        for (int s = 0; s < studies; s++)
        {
            string id = Id("S", s);
            var intervention = interventions[random.Next(interventionCount)];
            studyList[s] = new Study(
                id,
                new Citation($"Author{s % 997} A, Coauthor B", 1995 + random.Next(31), $"Synthetic study {s + 1} of community support after birth", $"10.5555/synthetic.{s}"),
                Designs[random.Next(Designs.Length)],
                countries: [Countries[random.Next(Countries.Length)]],
                interventionIds: [intervention.Id],
                timing: PopulationTiming.Postnatal,
                monthsAfterBirth: 1 + random.Next(12),
                sampleSize: 20 + random.Next(600),
                publicationType: (PublicationType)random.Next(3),
                riskOfBias: (RiskOfBias)random.Next(3));
            int count = 1 + random.Next(2 * findingsPerStudy - 1);
            for (int f = 0; f < count; f++)
            {
                var domain = domains[random.Next(domains.Count)];
                var direction = Directions[random.Next(Directions.Length)];
                findings.Add(new Finding(id, null, domain, direction, Measures[random.Next(Measures.Length)]));
            }
        }
        return new EvidenceBase(studyList, interventions, findings, review: new ReviewInfo($"Synthetic evidence base ({studies.ToString(CultureInfo.InvariantCulture)} studies)", "Generated for benchmarks; not real studies."));
    }

    private static string Id(string prefix, int index) => prefix + (index + 1).ToString("D6", CultureInfo.InvariantCulture);
}
