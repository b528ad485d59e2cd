using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Excel;
using Evidence.Analytics.Tests.Import;
using Evidence.Analytics.Tests.Maps;

namespace Evidence.Analytics.Tests.Cli;

/// <summary><c>evidence diff</c> and <c>evidence report --previous</c> on the bundled sample and its next version
/// (<see cref="UpdatedSample"/>: S34–S36 added, S05 removed, S12 and S27 recoded; the changes are worked out in
/// <see cref="EvidenceBaseChangesTests"/>).</summary>
public sealed class DiffCommandTests
{
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "evidence-diff-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Diff_Json_GivesEveryChangeWithItsFields()
    {
        var (exit, output, error) = await CliRunner.Run("diff", SampleDataTests.SampleFolder, UpdatedSample.Folder(), "--json");

        Assert.True(exit == EvidenceCli.Success, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(("postpartum-social-prescribing", 33, 35), (root.GetProperty("previous").GetProperty("file").GetString(),
            root.GetProperty("previous").GetProperty("studies").GetInt32(), root.GetProperty("new").GetProperty("studies").GetInt32()));
        var counts = root.GetProperty("counts");
        Assert.Equal((33, 3, 1, 35), (counts.GetProperty("previousStudies").GetInt32(), counts.GetProperty("newStudies").GetInt32(),
            counts.GetProperty("removedStudies").GetInt32(), counts.GetProperty("totalStudies").GetInt32()));
        Assert.Equal(JsonValueKind.Null, counts.GetProperty("newReports").ValueKind);
        Assert.True(root.GetProperty("hasChanges").GetBoolean());
        Assert.Equal(["S34", "S35", "S36"], root.GetProperty("added").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["RCT", "Qualitative", "Cohort / pre-post"], root.GetProperty("added").EnumerateArray().Select(s => s.GetProperty("design").GetString()));
        var removed = Assert.Single(root.GetProperty("removed").EnumerateArray());
        Assert.Equal(("S05", 2009, "Illustrative study 05: Pram walking group (RCT)"),
            (removed.GetProperty("id").GetString(), removed.GetProperty("year").GetInt32(), removed.GetProperty("title").GetString()));

        var changed = root.GetProperty("changed").EnumerateArray().ToList();
        Assert.Equal(["S12", "S27"], changed.Select(c => c.GetProperty("newId").GetString()));
        Assert.All(changed, c => Assert.Equal("id", c.GetProperty("matchedBy").GetString()));
        Assert.Equal(
            ["Risk of bias: Some concerns → Low", "Findings: Parenting confidence: Maternal Self-Efficacy Scale: No difference → ", "Findings: Quality of life:  → SF-12: No difference"],
            changed[1].GetProperty("fields").EnumerateArray().Select(f => $"{f.GetProperty("field").GetString()}: {f.GetProperty("previous").GetString()} → {f.GetProperty("new").GetString()}"));
        Assert.Empty(root.GetProperty("rematched").EnumerateArray());

        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(16, cells.Count);
        var first = cells[0];
        Assert.Equal(("Social support", "Mental health", 14, 14, 0), (first.GetProperty("row").GetString(), first.GetProperty("column").GetString(),
            first.GetProperty("previousStudies").GetInt32(), first.GetProperty("newStudies").GetInt32(), first.GetProperty("difference").GetInt32()));
        Assert.Equal(["S34"], first.GetProperty("studiesNewInCell").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S05"], first.GetProperty("studiesNoLongerInCell").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Therapeutic support × Quality of life"], cells.Where(c => c.GetProperty("gapFilled").GetBoolean())
            .Select(c => $"{c.GetProperty("row").GetString()} × {c.GetProperty("column").GetString()}"));

        var shares = root.GetProperty("shares").EnumerateArray().ToList();
        Assert.Equal(["quantitative Social connection", "quantitative Parenting confidence", "quantitative Mother-infant bonding", "quantitative Physical health",
            "quantitative Quality of life", "rct Social connection", "rct Physical health", "rct Quality of life"],
            shares.Select(s => $"{s.GetProperty("design").GetString()} {s.GetProperty("outcome").GetString()}"));
        var rctQuality = shares[7];
        Assert.Equal((0, 2, 1, 3), (rctQuality.GetProperty("previous").GetProperty("numerator").GetInt32(), rctQuality.GetProperty("previous").GetProperty("denominator").GetInt32(),
            rctQuality.GetProperty("new").GetProperty("numerator").GetInt32(), rctQuality.GetProperty("new").GetProperty("denominator").GetInt32()));
        Assert.Equal(1.0 / 3, rctQuality.GetProperty("new").GetProperty("proportion").GetDouble(), 12);
        Assert.True(rctQuality.GetProperty("estimateChanged").GetBoolean() && rctQuality.GetProperty("intervalChanged").GetBoolean() && rctQuality.GetProperty("headlineChanged").GetBoolean());
        Assert.Equal("1 of 3 RCTs that reported a direction of effect on quality of life found improvement (33%, 95% CI 6–79%).", rctQuality.GetProperty("newHeadline").GetString());
    }

    [Fact]
    public async Task Diff_Json_IdsChanged_MatchesByDoiThenTitleAndYear()
    {
        // Previous: the sample with a DOI for S01. New: S01 renamed X01, its DOI written as a link in lower case; S02
        // renamed X02, its title in capitals with a dash for the colon. Both are found again, so no cell or share changes.
        string previous = SampleCopies.Copy();
        UpdatedSample.Edit(previous, "studies.csv", lines => UpdatedSample.Replace(lines, "S01,", "(RCT),,RCT", "(RCT),10.1136/BMJ.b3064,RCT"));
        string current = SampleCopies.Copy();
        UpdatedSample.Edit(current, "studies.csv", lines =>
        {
            UpdatedSample.Replace(lines, "S01,", "(RCT),,RCT", "(RCT),https://doi.org/10.1136/bmj.b3064,RCT");
            UpdatedSample.Replace(lines, "S01,", "S01,", "X01,");
            UpdatedSample.Replace(lines, "S02,", "Illustrative study 02: Telephone peer support after birth (RCT)", "ILLUSTRATIVE STUDY 02 – TELEPHONE PEER SUPPORT AFTER BIRTH (RCT)");
            UpdatedSample.Replace(lines, "S02,", "S02,", "X02,");
        });
        foreach (string file in new[] { "findings.csv", "risk-of-bias.csv" })
            UpdatedSample.Edit(current, file, lines =>
            {
                for (int i = 0; i < lines.Count; i++)
                    lines[i] = lines[i].StartsWith("S01,", StringComparison.Ordinal) ? "X01," + lines[i][4..] : lines[i].StartsWith("S02,", StringComparison.Ordinal) ? "X02," + lines[i][4..] : lines[i];
            });

        var (exit, output, error) = await CliRunner.Run("diff", previous, current, "--json");

        Assert.True(exit == EvidenceCli.Success, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["S01 → X01 by doi", "S02 → X02 by titleAndYear"], root.GetProperty("rematched").EnumerateArray()
            .Select(m => $"{m.GetProperty("previousId").GetString()} → {m.GetProperty("newId").GetString()} by {m.GetProperty("matchedBy").GetString()}"));
        Assert.Empty(root.GetProperty("added").EnumerateArray());
        Assert.Empty(root.GetProperty("removed").EnumerateArray());
        var changed = Assert.Single(root.GetProperty("changed").EnumerateArray()); // X01's DOI is the same once normalised
        Assert.Equal(("X02", "titleAndYear"), (changed.GetProperty("newId").GetString(), changed.GetProperty("matchedBy").GetString()));
        Assert.Equal(["Title"], changed.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Empty(root.GetProperty("cells").EnumerateArray());
        Assert.Empty(root.GetProperty("shares").EnumerateArray());
        Assert.Equal(0, root.GetProperty("counts").GetProperty("newStudies").GetInt32());
    }

    [Fact]
    public async Task Diff_Text_ListsTheChangesInTablesThatFitTheTerminal()
    {
        var (exit, output, error) = await CliRunner.RunAt(100, "diff", SampleDataTests.SampleFolder, UpdatedSample.Folder());

        Assert.True(exit == EvidenceCli.Success, error);
        Assert.Contains("Studies: 33 previous + 3 new − 1 removed = 35 total; reports: 33 previous, 33 total.", output, StringComparison.Ordinal);
        Assert.Contains("Studies added (3) and removed (1)", output, StringComparison.Ordinal);
        Assert.Contains("Studies recoded (2)", output, StringComparison.Ordinal);
        Assert.Contains("Evidence map cells whose studies changed (16)", output, StringComparison.Ordinal);
        Assert.Contains("Shares that changed (8)", output, StringComparison.Ordinal);
        Assert.Contains("    now: 1 of 3 RCTs that reported a direction of effect on quality of life found improvement", output, StringComparison.Ordinal);
        Assert.All(output.ReplaceLineEndings("\n").Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Fact]
    public async Task Diff_Output_WritesTheMarkedGapMapAndTheChangesCsv()
    {
        string folder = NewFolder();
        try
        {
            var (exit, output, error) = await CliRunner.Run("diff", SampleDataTests.SampleFolder, UpdatedSample.Folder(), "-o", folder);

            Assert.True(exit == EvidenceCli.Success, error);
            var svg = XDocument.Load(Path.Combine(folder, DiffCommand.MarkedMapFileName));
            Assert.Equal(11, svg.Descendants().Count(e => (string?)e.Attribute("class") == "new-evidence"));
            var lines = File.ReadAllLines(Path.Combine(folder, DiffCommand.ChangesFileName));
            Assert.Equal("change,item,field,previous,new,detail", lines[0].TrimStart('\uFEFF'));
            // 3 added, 1 removed, 4 fields recoded, 16 cells, 8 shares.
            Assert.Equal((3, 1, 4, 16, 8), (lines.Count(l => l.StartsWith("added,", StringComparison.Ordinal)), lines.Count(l => l.StartsWith("removed,", StringComparison.Ordinal)),
                lines.Count(l => l.StartsWith("recoded,", StringComparison.Ordinal)), lines.Count(l => l.StartsWith("map cell,", StringComparison.Ordinal)),
                lines.Count(l => l.StartsWith("share,", StringComparison.Ordinal))));
            Assert.Contains("recoded,S12,Findings: Social connection,MSPSS: No difference,MSPSS: Improved,", lines);
            Assert.Contains("map cell,Social support × Mental health,Studies,14,14,new in the cell: S34; no longer in it: S05", lines);
            Assert.Contains("Wrote " + Path.Combine(folder, DiffCommand.ChangesFileName), output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Diff_DamagedNewVersion_ListsItsProblemsAndExitsWithOne()
    {
        string damaged = SampleCopies.With("findings.csv", lines => lines.Add("S99,,Mental health,EPDS,Improved,,,,"));

        var (exit, _, error) = await CliRunner.Run("diff", SampleDataTests.SampleFolder, damaged);

        Assert.Equal(EvidenceCli.InputProblems, exit);
        Assert.Contains("S99", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Previous_AddsTheWhatChangedSheetAndTheMarkedGapMap()
    {
        string folder = NewFolder();
        try
        {
            var (exit, output, error) = await CliRunner.Run("report", UpdatedSample.Folder(), "-o", folder, "--previous", SampleDataTests.SampleFolder);

            Assert.True(exit == EvidenceCli.Success, error);
            Assert.Contains("charts/" + DiffCommand.MarkedMapFileName, output, StringComparison.Ordinal);
            var svg = XDocument.Load(Path.Combine(folder, "charts", DiffCommand.MarkedMapFileName));
            Assert.Equal(11, svg.Descendants().Count(e => (string?)e.Attribute("class") == "new-evidence"));
            var sheets = XlsxRead.Sheets(File.ReadAllBytes(Path.Combine(folder, ReportCommand.SummaryFileName)));
            Assert.Equal(["Summary", "What changed"], sheets.Keys.Take(2));
            var sheet = sheets["What changed"];
            Assert.Equal("postpartum-social-prescribing", sheet.Single(r => r[0] as string == "Previous version")[1]);
            Assert.Equal(33.0, Convert.ToDouble(sheet.Single(r => r[0] as string == "Studies included in previous version of review")[3], CultureInfo.InvariantCulture));
            Assert.Equal(3.0, Convert.ToDouble(sheet.Single(r => r[0] as string == "New studies included in review")[3], CultureInfo.InvariantCulture));
            Assert.Equal(1.0, Convert.ToDouble(sheet.Single(r => r[0] as string == "Studies of the previous version no longer included")[3], CultureInfo.InvariantCulture));
            Assert.Equal(35.0, Convert.ToDouble(sheet.Single(r => r[0] as string == "Total studies included in review")[3], CultureInfo.InvariantCulture));
            Assert.Equal(["S34", "S35", "S36", "S05"], sheet.Where(r => r[0] is string id && id.StartsWith('S') && r[2] is string citation && citation.Contains("Illustrative", StringComparison.Ordinal))
                .Select(r => (string)r[0]!));
            Assert.Contains(sheet, r => r[0] as string == "S27" && r[1] as string == "Risk of bias" && r[2] as string == "Some concerns" && r[3] as string == "Low");
            Assert.Contains(sheet, r => r[0] as string == "Therapeutic support" && r[1] as string == "Quality of life" && r[2] as string == "0 → 1 (a gap filled)" && r[3] as string == "new: S27");
            Assert.Contains(sheet, r => r[0] as string == "Social support" && r[1] as string == "Mental health" && r[2] as string == "14 → 14" && r[3] as string == "new: S34; no longer: S05");
            Assert.Equal(16, sheet.Count(r => r[3] is string moved && (moved.StartsWith("new: ", StringComparison.Ordinal) || moved.StartsWith("no longer: ", StringComparison.Ordinal))));
            var texts = XlsxRead.Texts(sheet).ToList();
            Assert.Contains("Headlines that changed (8)", texts);
            Assert.Contains("14 of 16 quantitative studies that reported a direction of effect on social connection found improvement (88%, 95% CI 64–97%), plus 7 qualitative studies describing improvement.", texts);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Report_WithoutPrevious_HasNoWhatChangedSheet()
    {
        string folder = NewFolder();
        try
        {
            var (exit, _, error) = await CliRunner.Run("report", SampleDataTests.SampleFolder, "-o", folder);

            Assert.True(exit == EvidenceCli.Success, error);
            Assert.DoesNotContain("What changed", XlsxRead.Sheets(File.ReadAllBytes(Path.Combine(folder, ReportCommand.SummaryFileName))).Keys);
            Assert.False(File.Exists(Path.Combine(folder, "charts", DiffCommand.MarkedMapFileName)));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
