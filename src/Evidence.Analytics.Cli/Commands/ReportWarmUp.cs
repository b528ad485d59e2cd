using System.Globalization;
using Evidence.Analytics.Excel;

namespace Evidence.Analytics.Cli;

/// <summary>Runs the report's writers once over a small made-up evidence base, on the core the import leaves idle, so
/// that the runtime has compiled their code by the time the real report is written.</summary>
/// <remarks>
/// <para>Compiling the summary workbook's, the charts' and the interactive map's code takes about a second of a
/// 100,000-study report, on the lanes that write it; the import of such a workbook keeps one core busy for three
/// seconds and the other about half of that time. Nothing is written anywhere (the outputs go to
/// <see cref="Stream.Null"/>), and nothing is shared with the real report but compiled code and the vocabularies.</para>
/// <para>Only worth it for a large workbook: for a small one the import is over before the warm-up is.</para>
/// </remarks>
internal static class ReportWarmUp
{
    /// <summary>The smallest input, in bytes, for which the report warms up its writers while importing.</summary>
    public const long MinInputBytes = 4 * 1024 * 1024;

    /// <summary>Starts the warm-up on a thread-pool thread when the input is a file at least <see cref="MinInputBytes"/> long.</summary>
    public static void StartFor(string input)
    {
        if (!File.Exists(input) || new FileInfo(input).Length < MinInputBytes) return;
        _ = Task.Run(Run);
    }

    private static void Run()
    {
        try
        {
            Write(Sample());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            // Only compiled code is at stake: the real report does the same work and reports its own failures.
        }
    }

    /// <summary>Writes a report of an evidence base to nowhere: the summary workbook, the charts, the forest plots and the
    /// interactive map.</summary>
    internal static void Write(EvidenceBase evidence)
    {
        SummaryWorkbook.Write(evidence, Stream.Null, "warm-up.xlsx");
        foreach (var (_, draw) in ReportCommand.Charts) draw(evidence, false)?.ToSvg();
        foreach (var (_, forest) in ReportCommand.ForestPlots(evidence.PoolFindings())) forest.ToSvg();
        InteractiveEvidenceMap.Write(evidence, TextWriter.Null);
    }

    /// <summary>Twelve studies of six interventions with findings in every seeded domain, effect estimates for pooling,
    /// every design and a PRISMA flow: enough to take the writers down their main paths.</summary>
    internal static EvidenceBase Sample()
    {
        var designs = Enum.GetValues<StudyDesign>();
        var directions = Enum.GetValues<Direction>();
        var interventions = Enumerable.Range(0, 6).Select(i => new Intervention(
            Id("I", i), "Programme " + i, [InterventionType.Seeded[i % InterventionType.Seeded.Count], InterventionType.Seeded[(i + 2) % InterventionType.Seeded.Count]],
            formats: [DeliveryFormat.Group], modes: [(DeliveryMode)(i % 3)], deliverers: [(Deliverer)(i % 4)], referralRoutes: [(ReferralRoute)(i % 3)],
            hasLinkWorker: i % 2 == 0, needsAssessment: (NeedsAssessment)(i % 4), followUp: (FollowUp)(i % 3), timing: PopulationTiming.Postnatal)).ToList();
        var studies = new List<Study>();
        var findings = new List<Finding>();
        for (int s = 0; s < 12; s++)
        {
            string id = Id("S", s);
            studies.Add(new Study(id, new Citation($"Author{s} A, Coauthor B, Third C", 2000 + s, $"Study {s} of support after birth, with a title long enough to wrap", "10.5555/warm-up." + s),
                designs[s % designs.Length], countries: ["UK"], interventionIds: [interventions[s % 6].Id], timing: PopulationTiming.Postnatal,
                monthsAfterBirth: 1 + s, sampleSize: 40 + s, publicationType: (PublicationType)(s % 3), riskOfBias: (RiskOfBias)(s % 3)));
            foreach (var domain in OutcomeDomain.Seeded)
            {
                double effect = -0.2 + 0.05 * s;
                findings.Add(new Finding(id, interventions[s % 6].Id, domain, directions[s % directions.Length], "Scale",
                    new EffectEstimate("SMD", effect, effect - 0.3, effect + 0.3)));
            }
        }
        var flow = new PrismaFlow(identified: [new FlowCount("Databases", 100)], duplicatesRemoved: 10, screened: 90, excludedAtScreening: 60,
            sought: 30, notRetrieved: 2, assessed: 28, exclusionReasons: [new FlowCount("Wrong population", 16)], studiesIncluded: 12);
        return new EvidenceBase(studies, interventions, findings, flow, review: new ReviewInfo("Warm-up", null));
    }

    private static string Id(string prefix, int index) => prefix + (index + 1).ToString("D2", CultureInfo.InvariantCulture);
}
