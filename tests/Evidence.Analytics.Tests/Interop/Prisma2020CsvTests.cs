using Xunit;

namespace Evidence.Analytics.Tests.Interop;

public class Prisma2020CsvTests
{
    /// <summary>Every field of a flow, one a line, so two flows compare field by field.</summary>
    private static string Dump(PrismaFlow flow)
    {
        string List(IEnumerable<FlowCount> counts) => "[" + string.Join("; ", counts) + "]";
        var other = flow.OtherMethods;
        return string.Join("\n",
            $"identified {List(flow.Identified)}", $"registers {List(flow.Registers)}",
            $"removed {flow.DuplicatesRemoved} {flow.AutomationRemoved} {flow.OtherRemoved}",
            $"screened {flow.Screened} excluded {flow.ExcludedAtScreening}", $"sought {flow.Sought} not retrieved {flow.NotRetrieved}",
            $"assessed {flow.Assessed} excluded {List(flow.ExclusionReasons)}", $"included {flow.StudiesIncluded} {flow.ReportsIncluded}",
            $"previous {flow.PreviousStudies} {flow.PreviousReports}",
            other is null ? "other none" : $"other {List(other.Identified)} {other.Sought} {other.NotRetrieved} {other.Assessed} {List(other.ExclusionReasons)}");
    }

    // An updated review with databases, registers and other methods, whose counts add up:
    // identified 700 + 300 + registers 50 = 1,050; − 250 duplicates − 20 automation − 30 other = 750 screened; − 690 = 60 sought;
    // − 4 = 56 assessed; − (30 + 16) = 10 new reports from databases; other methods: 12 sought − 2 = 10 assessed − 6 excluded = 4;
    // new reports 14 = total 20 − previous 6; new studies 11 = total 16 − previous 5.
    internal static PrismaFlow FullFlow() => new(
        [new("MEDLINE", 700), new("Embase", 300)], 250, 20, 30, 750, 690, 60, 4, 56,
        [new("Wrong population", 30), new("Wrong design", 16)], 16, 20,
        previousStudies: 5, previousReports: 6, registers: [new("ClinicalTrials.gov", 50)],
        otherMethods: new PrismaOtherMethods([new("Websites", 7), new("Organisations", 3), new("Citation searching", 2)], 12, 2, 10, [new("No outcome data", 6)]));

    [Fact]
    public void FullFlow_AddsUp()
    {
        Assert.Empty(FullFlow().Inconsistencies);
        Assert.Equal((11, 14), (FullFlow().NewStudiesIncluded, FullFlow().NewReportsIncluded));
    }

    [Fact]
    public void WriteThenRead_FullFlow_GivesTheSameFlow()
    {
        var flow = FullFlow();

        var read = Prisma2020Csv.Read(Prisma2020Csv.ToCsv(flow), "flow.csv", out var problems);

        Assert.Empty(problems);
        Assert.Equal(Dump(flow), Dump(read!));
    }

    [Fact]
    public void WriteThenRead_FlowWithOnlySomeCounts_GivesTheSameFlow()
    {
        var flow = new PrismaFlow(screened: 13_851, exclusionReasons: [new("Reason, with a comma; and more", 3)], studiesIncluded: 33);

        var read = Prisma2020Csv.Read(Prisma2020Csv.ToCsv(flow), "flow.csv", out var problems);

        Assert.Empty(problems);
        // The package splits lists on ';' and ',', so a label's own are written as look-alikes (U+201A, U+037E).
        Assert.Equal("Reason\u201A with a comma\u037E and more: 3", read!.ExclusionReasons.Single().ToString());
        Assert.Equal((13_851, 33, (int?)null, (int?)null), (read.Screened, read.StudiesIncluded, read.Sought, read.IdentifiedTotal));
        Assert.Null(read.OtherMethods);
        Assert.False(read.IsUpdate);
    }

    [Fact]
    public void Write_HasTheTemplatesRowsKeysAndColumnsInItsOrder()
    {
        string[] lines = Prisma2020Csv.ToCsv(FullFlow()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("data,node,box,description,boxtext,tooltips,url,n", lines[0]);
        Assert.Equal(35, lines.Length); // 34 rows: 31 keyed, 3 titles
        string[] keys = [.. lines.Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)])];
        Assert.Equal(
            ["NA", "previous_studies", "previous_reports", "NA", "database_results", "database_specific_results", "register_results", "register_specific_results",
             "NA", "website_results", "organisation_results", "citations_results", "duplicates", "excluded_automatic", "excluded_other", "records_screened",
             "records_excluded", "dbr_sought_reports", "dbr_notretrieved_reports", "other_sought_reports", "other_notretrieved_reports", "dbr_assessed",
             "dbr_excluded", "other_assessed", "other_excluded", "new_studies", "new_reports", "total_studies", "total_reports", "identification",
             "screening", "included", "total_studies_ma", "total_reports_ma"],
            keys);
        Assert.EndsWith(",\"Wrong population, 30; Wrong design, 16\"", lines.Single(l => l.StartsWith("dbr_excluded,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",11", lines.Single(l => l.StartsWith("new_studies,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",16", lines.Single(l => l.StartsWith("total_studies,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    // A CSV as the PRISMA2020 package's template has it, filled in for a new review: every row with its node and box, the
    // template's 0 in the boxes the review does not draw, thousands separators in a count, lists "Label, n; Label, n".
    // (Box texts are this test's own words.)
    private const string TemplateLike = """
        data,node,box,description,boxtext,tooltips,url,n
        NA,node4,prevstud,Title: previous studies,Previous studies,Title: previous studies,prevstud.html,0
        previous_studies,node5,box1,Studies in the last version,Studies in the last version,Studies in the last version,previous_studies.html,0
        previous_reports,NA,box1,Reports in the last version,Reports in the last version,NA,previous_reports.html,0
        NA,node6,newstud,Title: new studies,New studies via databases and registers,Title: new studies,newstud.html,0
        database_results,node7,box2,From databases,Databases,From databases and registers,database_results.html,"1,870"
        database_specific_results,NA,box2,From each database,Each database,NA,database_results.html,"MEDLINE, 1,020; Embase, 850"
        register_results,NA,box2,From registers,Registers,NA,NA,40
        register_specific_results,NA,box2,From each register,Each register,NA,database_results.html,"ICTRP, 40"
        NA,node16,othstud,Title: other methods,New studies via other methods,Title: other methods,othstud.html,0
        website_results,node17,box11,From websites,Websites,From websites and the like,website_results.html,15
        organisation_results,,box11,From organisations,Organisations,NA,NA,0
        citations_results,NA,box11,From citation searching,Citation searching,NA,NA,9
        duplicates,node8,box3,Duplicates,Duplicates,Duplicates,duplicates.html,410
        excluded_automatic,NA,box3,Removed by automation,Removed by automation,NA,NA,0
        excluded_other,NA,box3,Removed otherwise,Removed otherwise,NA,NA,0
        records_screened,node9,box4,Screened,Screened,Screened,records_screened.html,"1,500"
        records_excluded,node10,box5,Excluded at screening,Excluded,Excluded at screening,records_excluded.html,"1,420"
        dbr_sought_reports,node11,box6,Sought,Sought,Sought,dbr_sought_reports.html,80
        dbr_notretrieved_reports,node12,box7,Not retrieved,Not retrieved,Not retrieved,dbr_notretrieved_reports.html,5
        other_sought_reports,node18,box12,Sought (other),Sought,Sought (other),other_sought_reports.html,24
        other_notretrieved_reports,node19,box13,Not retrieved (other),Not retrieved,Not retrieved (other),other_notretrieved_reports.html,1
        dbr_assessed,node13,box8,Assessed,Assessed,Assessed,dbr_assessed.html,75
        dbr_excluded,node14,box9,"Excluded: reasons and numbers, separated by ;",Excluded,Excluded,dbr_excluded.html,"Wrong population, 40; Wrong outcome, 20"
        other_assessed,node20,box14,Assessed (other),Assessed,Assessed (other),other_assessed.html,23
        other_excluded,node21,box15,"Excluded (other): reasons and numbers",Excluded,Excluded (other),other_excluded.html,"Not a trial, 19"
        new_studies,node15,box10,Included,Included,Included,new_studies.html,17
        new_reports,NA,box10,Reports included,Reports included,NA,NA,19
        total_studies,node22,box16,Total included,Total included,Total included,total_studies.html,0
        total_reports,NA,box16,Total reports,Total reports,NA,NA,0
        identification,node1,identification,Blue box,Identification,Blue box,identification.html,0
        screening,node2,screening,Blue box,Screening,Blue box,screening.html,0
        included,node3,included,Blue box,Included,Blue box,included.html,0
        total_studies_ma,node23,box17,In meta-analysis,In meta-analysis,In meta-analysis,total_studies_meta_analysis.html,0
        total_reports_ma,NA,box17,Reports in meta-analysis,Reports in meta-analysis,NA,NA,0
        """;

    [Fact]
    public void Read_CsvWrittenAsTheTemplateIs_GivesTheFlowItDescribes()
    {
        var flow = Prisma2020Csv.Read(TemplateLike, "PRISMA.csv", out var problems);

        Assert.Empty(problems);
        Assert.Equal(string.Join("\n",
            "identified [MEDLINE: 1,020; Embase: 850]",
            "registers [ICTRP: 40]",
            "removed 410 0 0",
            "screened 1500 excluded 1420",
            "sought 80 not retrieved 5",
            "assessed 75 excluded [Wrong population: 40; Wrong outcome: 20]",
            // No previous version (its counts are the template's zeros): studies included are new_studies.
            "included 17 19",
            "previous  ",
            "other [Websites: 15; Organisations: 0; Citation searching: 9] 24 1 23 [Not a trial: 19]"), Dump(flow!));
        // 1,870 + 40 − 410 = 1,500 screened; 75 − 60 + 23 − 19 = 19 reports: the flow adds up.
        Assert.Empty(flow!.Inconsistencies);
    }

    [Fact]
    public void Read_CountThatIsNotANumber_IsAnErrorNamingItsRow()
    {
        string csv = TemplateLike.Replace("records_screened.html,\"1,500\"", "records_screened.html,about 1500", StringComparison.Ordinal);

        var flow = Prisma2020Csv.Read(csv, "PRISMA.csv", out var problems);

        Assert.Null(flow);
        var error = Assert.Single(problems);
        Assert.Equal((ProblemKind.NotANumber, 17, "n", "about 1500"), (error.Kind, error.Row, error.Column, error.Value));
    }

    [Fact]
    public void Read_TemplatePlaceholderInAList_IsAnErrorNamingTheEntry()
    {
        string csv = TemplateLike.Replace("\"Wrong population, 40; Wrong outcome, 20\"", "\"Reason1, xxx; Reason2, xxx\"", StringComparison.Ordinal);

        Prisma2020Csv.Read(csv, "PRISMA.csv", out var problems);

        Assert.Equal([(24, "Reason1, xxx"), (24, "Reason2, xxx")], problems.Select(p => (p.Row!.Value, p.Value!)));
        Assert.All(problems, p => Assert.Equal(ProblemKind.InvalidValue, p.Kind));
    }

    [Fact]
    public void Read_NotTheTemplate_IsAnErrorNamingTheHeader()
    {
        Prisma2020Csv.Read("stage,count\nScreened,12\n", "flow.csv", out var problems);

        var error = Assert.Single(problems);
        Assert.Equal((ProblemKind.MissingColumn, 1), (error.Kind, error.Row));
    }

    [Fact]
    public void Read_TotalsThatDisagree_AreWarningsAndTheListWins()
    {
        string csv = TemplateLike.Replace("database_results.html,\"1,870\"", "database_results.html,1900", StringComparison.Ordinal);

        var flow = Prisma2020Csv.Read(csv, "PRISMA.csv", out var problems);

        var warning = Assert.Single(problems);
        Assert.Equal((ProblemKind.FlowInconsistency, ProblemSeverity.Warning, 6), (warning.Kind, warning.Severity, warning.Row));
        Assert.Equal(1_870, flow!.IdentifiedTotal);
    }
}
