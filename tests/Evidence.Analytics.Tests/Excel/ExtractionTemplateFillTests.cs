using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

public class ExtractionTemplateFillTests
{
    /// <summary>Types rows into a copy of the template the way a user would: text cells under the headers, numbers as numbers.</summary>
    private static byte[] Fill(byte[] template, IReadOnlyDictionary<string, object?[][]> rowsBySheet)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            foreach (var (sheetName, rows) in rowsBySheet)
            {
                var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
                var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
                for (int r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 2) };
                    for (int c = 0; c < rows[r].Length; c++)
                    {
                        string reference = $"{(char)('A' + c)}{r + 2}";
                        switch (rows[r][c])
                        {
                            case null: break;
                            case string text:
                                row.Append(new Cell(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString });
                                break;
                            case int number:
                                row.Append(new Cell(new CellValue(number)) { CellReference = reference });
                                break;
                        }
                    }
                    data.Append(row);
                }
            }
        }
        return stream.ToArray();
    }

    [Fact]
    public void FilledByHand_WithOtherSpellings_ImportsCleanly()
    {
        var filled = Fill(ExtractionTemplateTests.Template(), new Dictionary<string, object?[][]>
        {
            ["Review"] = [["Title", "Peer support after birth"], ["notes", "Rows are illustrative."]],
            ["Studies"] =
            [
                // Study ID, Authors, Year, Title, DOI, Design, Countries, Interventions, Timing, Months, Sample, Publication, Risk of bias
                ["S1", "Dennis CL, Hodnett E", 2009, "Peer support for postnatal depression", "https://doi.org/10.1136/bmj.b3064",
                    "randomised controlled trial", "Canada", "I1", "postpartum", 3, 701, "journal article", "low risk"],
                ["S2", "Smith A", "2020", "Befriending: a qualitative study", null, "Qualitative Study", "UK; Australia", "i1; I2", "Perinatal", null, "24", "Project report", "Some concerns"],
            ],
            ["Interventions"] =
            [
                // ID, Name, Types, Format, Mode, Deliverer, Referral route, Link worker, Needs, Follow-up, Timing, Setting, Typology level
                ["I1", "Telephone peer support", "peer support; Education", "1:1", "phone", "trained volunteer", "referral", "no", "single", "time limited", "Postnatal", "Home", null],
                ["I2", "Befriending", "Social support", "Group", "Face to face", "Link worker", "self referral; signposting", "yes", "what matters", "open ended", null, null, "light touch"],
            ],
            ["Findings"] =
            [
                // Study ID, Intervention ID, Outcome domain, Measure, Direction, Effect metric, Effect, Lower, Upper
                ["S1", "I1", "depression", "EPDS", "improvement", "OR", "0.46", "0.24", "0.87"],
                ["s2", null, "Loneliness", null, "No change", null, null, null, null],
                ["S2", "I2", "Social Connection", "Interviews", "mixed results", null, null, null, null],
            ],
            ["Flow"] = [["Screened", null, 13851], ["Studies included", null, 2]],
        });

        using var stream = new MemoryStream(filled);
        var result = EvidenceWorkbook.Read(stream, "filled-template.xlsx");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var evidence = result.Evidence!;
        Assert.Equal("Peer support after birth", evidence.Review.Title);
        Assert.Equal([StudyDesign.Rct, StudyDesign.Qualitative], evidence.Studies.Select(s => s.Design));
        Assert.Equal("10.1136/bmj.b3064", evidence.Study("S1").Citation.Doi);
        Assert.Equal(["UK", "Australia"], evidence.Study("S2").Countries.ToArray());
        Assert.Equal(PopulationTiming.AntenatalAndPostnatal, evidence.Study("S2").Timing);
        Assert.Equal([InterventionType.SocialSupport, InterventionType.EducationInformation], evidence.Intervention("I1").Types.ToArray());
        Assert.Equal([DeliveryMode.Telephone], evidence.Intervention("I1").Modes.ToArray());
        Assert.Equal(TypologyLevel.Light, evidence.Intervention("I2").CodedLevel);
        Assert.True(evidence.Intervention("I2").HasLinkWorker);
        Assert.Equal([OutcomeDomain.MentalHealth, OutcomeDomain.SocialConnection, OutcomeDomain.SocialConnection], evidence.Findings.Select(f => f.Domain));
        Assert.Equal([Direction.Improved, Direction.NoDifference, Direction.Mixed], evidence.Findings.Select(f => f.Direction));
        Assert.Equal(new EffectEstimate("OR", 0.46, 0.24, 0.87), evidence.Findings[0].Estimate);
        Assert.Equal(13851, evidence.Flow!.Screened);
    }

    [Fact]
    public void Template_EveryControlledColumn_HasADropDownOfItsAcceptedValues()
    {
        using var stream = new MemoryStream(ExtractionTemplateTests.Template());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var lists = XlsxRead.Sheets(ExtractionTemplateTests.Template())[Evidence.Analytics.Excel.ExtractionTemplate.ListsSheetName];
        var names = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.LocalSheetId is null).ToDictionary(n => n.Name!.Value!, n => n.Text);

        foreach (var format in WorkbookFormat.Sheets)
        {
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == format.Name);
            var validations = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<DataValidation>().ToList();
            for (int c = 0; c < format.Columns.Length; c++)
            {
                var column = format.Columns[c];
                var validation = validations.Single(v => v.SequenceOfReferences!.InnerText!.StartsWith($"{(char)('A' + c)}2:", StringComparison.Ordinal));
                Assert.False(string.IsNullOrEmpty(validation.Prompt?.Value), $"{format.Name}/{column.Header} has no input hint");
                if (column.Kind != ColumnKind.Vocabulary) continue;

                // The list formula is a defined name over one column of the hidden Lists sheet, e.g. Lists!$C$2:$C$11.
                string range = names[validation.Formula1!.Text]!;
                int listColumn = range[range.IndexOf('$') + 1] - 'A';
                var values = lists.Skip(1).Select(r => r[listColumn] as string).Where(v => v is not null).ToList();
                Assert.Equal(column.Accepted, values);
            }
        }
    }
}
