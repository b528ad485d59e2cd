using Xunit;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Builds small workbooks for import tests: CSV folders and hand-written .xlsx packages (so tests control
/// formulas, merged cells, shared and inline strings exactly).</summary>
internal static class TestWorkbooks
{
    public const string StudiesHeader = "Study ID,Authors,Year,Title,DOI,Design,Countries,Interventions,Timing,Months after birth,Sample size,Publication type,Risk of bias";
    public const string InterventionsHeader = "Intervention ID,Name,Types,Format,Mode,Deliverer,Referral route,Link worker,Needs assessment,Follow-up,Timing,Setting,Typology level";
    public const string FindingsHeader = "Study ID,Intervention ID,Outcome domain,Measure,Direction,Effect metric,Effect,Lower,Upper";

    /// <summary>A valid minimal evidence base: two interventions, two studies, three findings.</summary>
    public static Dictionary<string, string> Valid() => new()
    {
        ["interventions.csv"] = InterventionsHeader + "\n" +
            "I01,Peer group,Social support; Education/information,Group,In person,Peer volunteer,Self-referral,No,Single need,Time-limited,Postnatal,Centre,\n" +
            "I02,Link worker service,Service navigation,One-to-one,In person,Link worker,Formal referral,Yes,Holistic,Ongoing,Postnatal,GP practice,\n",
        ["studies.csv"] = StudiesHeader + "\n" +
            "S01,\"Example A, Sample B\",2019,Illustrative trial,,RCT,UK,I01,Postnatal,6,120,Peer-reviewed,Low\n" +
            "S02,Example C,2021,Illustrative interviews,,Qualitative,Australia; USA,I01; I02,Postnatal,12,20,Peer-reviewed,\n",
        ["findings.csv"] = FindingsHeader + "\n" +
            "S01,,Social connection,UCLA Loneliness Scale,Improved,MD,-3.2,-5.8,-0.6\n" +
            "S01,I01,Mental health,EPDS,No difference,,,,\n" +
            "S02,I02,Social connection,Interviews,Improved,,,,\n",
    };

    /// <summary>Writes files into a new temporary folder and returns its path.</summary>
    public static string CsvFolder(IDictionary<string, string> files, Encoding? encoding = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "evidence-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
            File.WriteAllBytes(Path.Combine(folder, name), (encoding ?? new UTF8Encoding(false)).GetBytes(text));
        return folder;
    }

    /// <summary>A valid CSV folder with one file replaced or added.</summary>
    public static string CsvFolderWith(string file, string text)
    {
        var files = Valid();
        files[file] = text;
        return CsvFolder(files);
    }

    /// <summary>A cell of a hand-written sheet: text (shared string), a number, or a formula with its cached value.</summary>
    public sealed record Cell(string Reference, string? Text = null, double? Number = null, string? Formula = null, bool Inline = false, string? Error = null);

    /// <summary>A sheet: its name, rows of cells and merged ranges.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<Cell> Cells, IReadOnlyList<string>? Merged = null);

    /// <summary>Builds a sheet from CSV-like lines (comma-separated, no quoting), row 1 first.</summary>
    public static Sheet SheetFromLines(string name, params string[] lines)
    {
        var cells = new List<Cell>();
        for (int r = 0; r < lines.Length; r++)
        {
            string[] values = lines[r].Split(',');
            for (int c = 0; c < values.Length; c++)
            {
                if (values[c].Length == 0) continue;
                string reference = ((char)('A' + c)).ToString() + (r + 1);
                cells.Add(double.TryParse(values[c], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double n)
                    ? new Cell(reference, Number: n)
                    : new Cell(reference, values[c]));
            }
        }
        return new Sheet(name, cells);
    }

    /// <summary>Sheets of <see cref="Valid"/> converted to xlsx sheets (no quoted commas in them, except the authors of S01).</summary>
    public static List<Sheet> ValidSheets() =>
    [
        SheetFromLines("Interventions", Valid()["interventions.csv"].TrimEnd('\n').Split('\n')),
        SheetFromLines("Studies", Valid()["studies.csv"].Replace("\"Example A, Sample B\"", "Example A; Sample B", StringComparison.Ordinal).TrimEnd('\n').Split('\n')),
        SheetFromLines("Findings", Valid()["findings.csv"].TrimEnd('\n').Split('\n')),
    ];

    /// <summary>Writes a minimal .xlsx package by hand.</summary>
    public static byte[] Xlsx(IReadOnlyList<Sheet> sheets)
    {
        var shared = new List<string>();
        var index = new Dictionary<string, int>();
        int Shared(string text)
        {
            if (!index.TryGetValue(text, out int i)) { i = shared.Count; shared.Add(text); index[text] = i; }
            return i;
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            var workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int s = 0; s < sheets.Count; s++)
            {
                workbook.Append($"<sheet name=\"{SecurityElement.Escape(sheets[s].Name)}\" sheetId=\"{s + 1}\" r:id=\"rId{s + 1}\"/>");
                rels.Append($"<Relationship Id=\"rId{s + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{s + 1}.xml\"/>");
                var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                foreach (var row in sheets[s].Cells.GroupBy(c => int.Parse(c.Reference.TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()))).OrderBy(g => g.Key))
                {
                    xml.Append($"<row r=\"{row.Key}\">");
                    foreach (var cell in row)
                    {
                        string formula = cell.Formula is null ? "" : $"<f>{SecurityElement.Escape(cell.Formula)}</f>";
                        if (cell.Error is not null)
                            xml.Append($"<c r=\"{cell.Reference}\" t=\"e\">{formula}<v>{SecurityElement.Escape(cell.Error)}</v></c>");
                        else if (cell.Number is { } n)
                            xml.Append($"<c r=\"{cell.Reference}\">{formula}<v>{n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                        else if (cell.Text is null)
                            xml.Append($"<c r=\"{cell.Reference}\">{formula}</c>");
                        else if (cell.Inline)
                            xml.Append($"<c r=\"{cell.Reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.Text)}</t></is></c>");
                        else if (cell.Formula is not null)
                            xml.Append($"<c r=\"{cell.Reference}\" t=\"str\">{formula}<v>{SecurityElement.Escape(cell.Text)}</v></c>");
                        else
                            xml.Append($"<c r=\"{cell.Reference}\" t=\"s\"><v>{Shared(cell.Text)}</v></c>");
                    }
                    xml.Append("</row>");
                }
                xml.Append("</sheetData>");
                if (sheets[s].Merged is { Count: > 0 } merged)
                    xml.Append($"<mergeCells count=\"{merged.Count}\">{string.Concat(merged.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>");
                xml.Append("</worksheet>");
                Part($"xl/worksheets/sheet{s + 1}.xml", xml.ToString());
            }
            rels.Append($"<Relationship Id=\"rId{sheets.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            workbook.Append("</sheets></workbook>");
            Part("xl/workbook.xml", workbook.ToString());
            Part("xl/_rels/workbook.xml.rels", rels.ToString());
            Part("xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{shared.Count}\" uniqueCount=\"{shared.Count}\">{string.Concat(shared.Select(t => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(t)}</t></si>"))}</sst>");
        }
        return buffer.ToArray();
    }

    public static ImportResult ReadXlsx(IReadOnlyList<Sheet> sheets, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(Xlsx(sheets));
        return EvidenceWorkbook.Read(stream, "test.xlsx", options);
    }

    /// <summary>The single problem of a kind, failing with the full list if there is not exactly one.</summary>
    public static ImportProblem Single(ImportResult result, ProblemKind kind)
    {
        var matches = result.Problems.Where(p => p.Kind == kind).ToList();
        Assert.True(matches.Count == 1, $"Expected one {kind} problem, found {matches.Count}:\n{string.Join("\n", result.Problems)}");
        return matches[0];
    }
}
