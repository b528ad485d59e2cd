using Xunit;
using static Evidence.Analytics.Tests.Import.SampleCopies;
using static Evidence.Analytics.Tests.Import.TestWorkbooks;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Rows read means the file's rows: for every sheet, rows read (counted here from the file, not from the
/// parser) = rows imported + rows reported, on damaged CSV folders, .xlsx and .xls workbooks.</summary>
public sealed class RowCountTests
{
    /// <summary>Stray-quote damage planted in the sample's quote-free CSV files: a quote opened at the start of one field
    /// and either never closed, or closed k lines later at the end of a field (a delimiter follows), in mid-value, or at
    /// the end of the line.</summary>
    public static TheoryData<string, int, int, int, int, string> QuoteFaults()
    {
        var data = new TheoryData<string, int, int, int, int, string>();
        foreach (string file in new[] { "findings.csv", "flow.csv", "interventions.csv" })
        {
            int lines = File.ReadAllLines(Path.Combine(SampleDataTests.SampleFolder, file)).Length;
            int fields = File.ReadLines(Path.Combine(SampleDataTests.SampleFolder, file)).First().Split(',').Length;
            foreach (int line in new[] { 2, lines / 2, lines - 3 }.Distinct())
            {
                foreach (int field in new[] { 0, 1, fields - 1 }.Distinct())
                {
                    data.Add(file, line, field, 0, 0, "never closed");
                    foreach (int k in new[] { 1, 3 })
                    {
                        foreach (int closing in new[] { 0, 1, fields - 2 }.Distinct())
                        {
                            data.Add(file, line, field, k, closing, "end of field");
                            data.Add(file, line, field, k, closing, "mid-value");
                        }
                        data.Add(file, line, field, k, fields - 1, "end of line");
                    }
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(QuoteFaults))]
    public void RowsRead_EqualsImportedPlusReported_CountedFromTheFile(string file, int line, int field, int k, int closing, string how)
    {
        string sheet = WorkbookFormat.Sheets.Single(s => Evidence.Analytics.Import.CsvWorkbookSource.FileNameOf(s.Name) == file).Name;
        int rows = DataLines(Path.Combine(SampleDataTests.SampleFolder, file));
        string folder = With(file, lines =>
        {
            string[] opening = lines[line - 1].Split(',');
            opening[field] = "\"" + opening[field];
            lines[line - 1] = string.Join(',', opening);
            if (how == "never closed") return;
            string[] closed = lines[line - 1 + k].Split(',');
            if (how == "mid-value")
            {
                // In the first value from the closing field on (wrapping round) that is long enough to split.
                int at = Enumerable.Range(0, closed.Length).Select(i => (closing + i) % closed.Length).First(i => closed[i].Length >= 2);
                closed[at] = closed[at][..1] + "\"" + closed[at][1..];
            }
            else
            {
                closed[closing] += "\"";
            }
            lines[line - 1 + k] = string.Join(',', closed);
        });
        var result = EvidenceWorkbook.Read(folder);

        var counts = result.Sheets.Single(s => s.Sheet == sheet);
        Assert.True(counts.RowsRead == rows, $"{counts} but the file has {rows} rows:\n{string.Join("\n", result.Problems)}");
        Assert.Equal(counts.RowsRead, counts.RowsImported + counts.RowsReported);
        Assert.Equal(result.RowsRead, result.RowsImported + result.RowsReported);
        Assert.False(result.IsValid);
        var quote = Single(result, ProblemKind.UnbalancedQuote);
        Assert.Equal((sheet, line), (quote.Sheet!, quote.Row!.Value));
        // The row the quote opens on and the rows it took in are reported (to the end of the file if never closed);
        // every other row is imported.
        int reported = how == "never closed" ? rows - (line - 2) : k + 1;
        Assert.Equal((rows - reported, reported), (counts.RowsImported, counts.RowsReported));
    }

    [Fact]
    public void RowsRead_EqualsImportedPlusReported_OnDamagedXlsxSheets()
    {
        int DataRows(Sheet sheet) => sheet.Cells.Select(c => int.Parse(c.Reference.TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()), System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count() - 1;
        var cases = new List<List<Sheet>>();
        // Merged cells over data rows.
        var merged = ValidSheets();
        merged[2] = merged[2] with { Cells = [.. merged[2].Cells.Where(c => c.Reference != "A3")], Merged = ["A2:A3"] };
        cases.Add(merged);
        // A second Findings sheet.
        var duplicate = ValidSheets();
        duplicate.Add(duplicate[2] with { Name = "findings " });
        cases.Add(duplicate);
        // Error values and a blank required cell.
        var errors = ValidSheets();
        errors[1] = errors[1] with { Cells = [.. errors[1].Cells.Where(c => c.Reference != "B3").Select(c => c.Reference == "C2" ? new Cell("C2", Error: "#REF!") : c)] };
        cases.Add(errors);

        foreach (var sheets in cases)
        {
            var result = ReadXlsx(sheets);
            Assert.False(result.IsValid);
            foreach (var sheet in sheets)
            {
                var counts = result.Sheets.Single(s => s.Sheet == sheet.Name);
                Assert.Equal(DataRows(sheet), counts.RowsRead);
                Assert.Equal(counts.RowsRead, counts.RowsImported + counts.RowsReported);
            }
            Assert.True(result.RowsReported > 0);
        }
    }

    [Fact]
    public void RowsRead_OfTheXlsWorkbook_AreTheRowsOfItsCsvSource()
    {
        // The .xls fixture was converted from the sample's CSV folder by LibreOffice.
        var result = EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "postpartum-social-prescribing.xls"));

        foreach (var counts in result.Sheets)
        {
            string file = Path.Combine(SampleDataTests.SampleFolder, Evidence.Analytics.Import.CsvWorkbookSource.FileNameOf(counts.Sheet));
            Assert.Equal(File.Exists(file) ? DataLines(file) : 0, counts.RowsRead);
            Assert.Equal(counts.RowsRead, counts.RowsImported + counts.RowsReported);
        }
        Assert.NotEmpty(result.Sheets);
    }
}
