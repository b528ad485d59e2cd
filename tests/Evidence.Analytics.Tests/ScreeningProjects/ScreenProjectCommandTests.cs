using System.Text.Json;
using Evidence.Analytics.ScreeningProjects;
using Evidence.Analytics.Tests.Cli;

namespace Evidence.Analytics.Tests.ScreeningProjects;

public sealed class ScreenProjectCommandTests : IDisposable
{
    private readonly ProjectFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<string> NewProject(int records)
    {
        string path = _files.PathOf("review.screening");
        var (exit, _, stderr) = await CliRunner.Run("screen", "new", path, "--records", _files.Records(records), "--criteria", "Adults; nudges", "--terms", "nudging");
        Assert.Equal((0, ""), (exit, stderr));
        return path;
    }

    [Fact]
    public async Task New_ThenStatusJson_CountsEachScreenerAndTheirAgreement()
    {
        string path = await NewProject(10);
        using (var project = ScreeningProject.Open(path))
        {
            Assert.Equal("Adults; nudges", project.Criteria);
            Assert.Equal(["nudging"], project.SearchTerms.ToArray());
            // r1–r4: both include r1, r2; Anna includes r3, Ben excludes it; both exclude r4.
            string[] anna = ["include", "include", "include", "exclude"], ben = ["include", "include", "exclude", "exclude"];
            for (int i = 0; i < 4; i++)
            {
                project.Decide("Anna", $"r{i + 1}", ScreeningProject.ParseChoice(anna[i])!.Value, i + 1);
                project.Decide("Ben", $"r{i + 1}", ScreeningProject.ParseChoice(ben[i])!.Value, i + 1);
            }
        }

        var (exit, stdout, _) = await CliRunner.Run("screen", "status", path, "--json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(10, json.GetProperty("records").GetInt32());
        var screeners = json.GetProperty("screeners").EnumerateArray().ToList();
        Assert.Equal([("Anna", 4, 3), ("Ben", 4, 2)], screeners.Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("screened").GetInt32(), s.GetProperty("included").GetInt32())));
        // a = 2, b = 1, c = 0, d = 1: p_o = 3/4, p_e = (3/4)(2/4) + (1/4)(2/4) = 1/2, κ = (3/4 − 1/2)/(1/2) = 0.5.
        Assert.Equal(0.5, json.GetProperty("agreement").GetProperty("kappa").GetDouble(), 12);
        Assert.Equal(1, json.GetProperty("unresolvedConflicts").GetInt32());
        Assert.Equal(["irrelevant:100", "recall:0.95@0.95"], screeners[0].GetProperty("stoppingRules").EnumerateArray().Select(r => r.GetProperty("rule").GetString()!));
        Assert.Equal(["100 irrelevant records in a row", "95% recall, with 95% confidence"], screeners[0].GetProperty("stoppingRules").EnumerateArray().Select(r => r.GetProperty("description").GetString()!));
    }

    [Fact]
    public async Task Export_IncludedRecords_ReimportEqual_AsRisAndCsv()
    {
        string path = await NewProject(6);
        using (var project = ScreeningProject.Open(path))
        {
            project.Decide("Anna", "r2", ScreeningChoice.Include, 1, note: "a note, with \"quotes\"");
            project.Decide("Anna", "r5", ScreeningChoice.Include, 2);
            project.Decide("Anna", "r3", ScreeningChoice.Exclude, 3, exclusionReason: "wrong population");
        }
        string ris = _files.PathOf("included.ris"), csv = _files.PathOf("included.csv"), decisions = _files.PathOf("decisions.csv");

        var (exit, _, stderr) = await CliRunner.Run("screen", "export", path, "--included", ris, "--decisions", decisions);
        var (exit2, _, _) = await CliRunner.Run("screen", "export", path, "--included", csv);

        Assert.Equal((0, 0, ""), (exit, exit2, stderr));
        using var reopened = ScreeningProject.Open(path);
        var expected = reopened.Records.Where(r => r.Id is "r2" or "r5").ToList();
        static object Fields(Record r) => (r.Title, r.Abstract, string.Join("|", r.Authors), r.Year, r.Journal, r.Doi, string.Join("|", r.Keywords), r.Included);
        Assert.Equal(expected.Select(r => Fields(r with { Included = true })), RecordFile.Read(ris).GetRecordsOrThrow().Select(Fields));
        var fromCsv = RecordFile.Read(csv).GetRecordsOrThrow();
        Assert.Equal(expected.Select(r => Fields(r with { Included = true })), fromCsv.Select(Fields));
        Assert.Equal(["r2", "r5"], fromCsv.Select(r => r.Id));
        string[] lines = File.ReadAllLines(decisions);
        Assert.Equal(4, lines.Length);
        Assert.EndsWith(",Anna,decision,r2,include,\"a note, with \"\"quotes\"\"\",,1,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",exclude,,wrong population,3,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prisma_WritesTheIdentificationAndScreeningCounts_IntoTheFlowSheet()
    {
        string path = await NewProject(5);
        using (var project = ScreeningProject.Open(path))
        {
            project.Decide("Anna", "r1", ScreeningChoice.Include, 1);
            project.Decide("Anna", "r2", ScreeningChoice.Exclude, 2);
            project.Decide("Anna", "r3", ScreeningChoice.Exclude, 3);
            project.Decide("Anna", "r4", ScreeningChoice.Maybe, 4);
        }
        // Into an existing evidence workbook: its studies and later PRISMA stages stay, the screening counts are the project's.
        string workbook = _files.PathOf("review.xlsx");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx"), workbook);
        var before = EvidenceWorkbook.Read(workbook).GetEvidenceOrThrow();

        var (exit, _, stderr) = await CliRunner.Run("screen", "prisma", path, "-o", workbook);

        Assert.Equal((0, ""), (exit, stderr));
        var after = EvidenceWorkbook.Read(workbook).GetEvidenceOrThrow();
        var flow = after.Flow!;
        // 5 records identified in one file, none duplicated; 3 with a final decision (r4 is maybe, r5 undecided), 2 excluded.
        Assert.Equal((5, 0, 3, 2), (flow.IdentifiedTotal!.Value, flow.DuplicatesRemoved!.Value, flow.Screened!.Value, flow.ExcludedAtScreening!.Value));
        Assert.Equal(before.Flow!.StudiesIncluded, flow.StudiesIncluded);
        Assert.Equal(before.Studies.Select(s => s.Id), after.Studies.Select(s => s.Id));

        // A new file: a workbook holding only the counts (its other sheets are there to fill in).
        string fresh = _files.PathOf("new.xlsx");
        Assert.Equal(0, (await CliRunner.Run("screen", "prisma", path, "-o", fresh)).Exit);
        Assert.Contains(EvidenceWorkbook.Read(fresh).Problems, p => p.Message.Contains("identified − removed before screening is 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_NotAProject_ExitsTwoWithTheReason()
    {
        string file = _files.PathOf("not-a-project.screening");
        await File.WriteAllTextAsync(file, "hello");
        var (exit, _, stderr) = await CliRunner.Run("screen", "status", file);
        Assert.Equal(2, exit);
        Assert.Contains("not-a-project.screening", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
