using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace Evidence.Analytics.Tests.Import.Integrity;

internal enum Planted { Blank, Value, ErrorValue, Formula }

/// <summary>One cell-level fault planted in the sample: which cell (sheet, Excel row, 0-based column, header as written)
/// and what it now holds.</summary>
/// <param name="Kind">The fault kind.</param>
/// <param name="ErrorOnly">Whether the import must report an error (true) or may report a warning.</param>
/// <param name="Inline">In the xlsx form, whether text is an inline string rather than a shared one.</param>
internal sealed record CellFault(string Kind, string Sheet, int Row, int Column, string Header, Planted Planted, string Value, bool ErrorOnly, bool Inline)
{
    public string Cell => XlsxPackage.Reference(Row, Column);

    /// <summary>Excel error values and formulas exist only in workbooks.</summary>
    public bool XlsxOnly => Planted is Planted.ErrorValue or Planted.Formula;

    public PlantedProblem Problem => new(Sheet, Row, Header, Cell, ErrorOnly);

    public override string ToString() => Planted switch
    {
        Planted.Blank => $"{Sheet} {Cell} '{Header}' blanked",
        Planted.ErrorValue => $"{Sheet} {Cell} '{Header}' = error {Value}",
        Planted.Formula => $"{Sheet} {Cell} '{Header}' = formula with cached value '{Value}'",
        _ => $"{Sheet} {Cell} '{Header}' = '{Value}'",
    };

    /// <summary>The sample workbook with this fault planted by editing the sheet's XML.</summary>
    public byte[] InWorkbook()
    {
        var package = new XlsxPackage(CorpusSample.Workbook);
        bool number = double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        XElement? cell = Planted switch
        {
            Planted.Blank => null,
            Planted.ErrorValue => XlsxPackage.ErrorCell(Cell, Value),
            Planted.Formula => XlsxPackage.FormulaCell(Cell, number ? "Z1+0" : $"TRIM(Z{Row})", Value, number),
            _ when number => XlsxPackage.NumberCell(Cell, Value),
            _ when Inline => XlsxPackage.InlineCell(Cell, Value),
            _ => XlsxPackage.TextCell(Cell, package.AddSharedString(Value)),
        };
        package.EditSheet(Sheet, xml => XlsxPackage.SetCell(xml, Row, Column, cell));
        return package.ToBytes();
    }

    /// <summary>The sample's CSV text of this fault's sheet with the fault planted.</summary>
    public string InCsv()
    {
        var rows = CorpusSample.Grids[Sheet].Select(r => r.ToArray()).ToList();
        rows[Row - 1][Column] = Planted == Planted.Blank ? "" : Value;
        return CsvText.Write(rows);
    }

    public IEnumerable<CorpusInput> Inputs()
    {
        var expected = Expected.At(Problem);
        yield return CorpusInput.Xlsx("cell", Kind, ToString(), InWorkbook(), expected);
        if (!XlsxOnly)
            yield return CorpusInput.Csv("cell", Kind, ToString(), new Dictionary<string, object?> { [CorpusSample.CsvFileOf(Sheet)] = InCsv() }, expected);
    }
}

/// <summary>FsCheck generators of cell-level faults in the sample, one per fault kind, each planting a value whose
/// outcome is known by construction (the format's column kinds and the README's rules say what must be reported).</summary>
internal static class CellFaults
{
    /// <summary>Sheets of the sample with data rows.</summary>
    private static readonly string[] DataSheets = ["Review", "Studies", "Interventions", "Findings", "Flow"];

    /// <summary>Blank markers (issue 12): blank, an error where the field is required, a warning naming the cell where not.</summary>
    public static readonly string[] BlankMarkers = ["NULL", "null", "NA", "N/A", "n/a", "-", ".", "?", "nil", "none"];

    /// <summary>Words whose direction of effect is ambiguous (issue 12): an error listing the accepted values.</summary>
    public static readonly string[] AmbiguousDirections = ["0", "negative", "positive", "yes", "no", "Negative", "YES"];

    private static readonly string[] UnknownWords = ["Zorblax", "Qwertyuiop", "Unknownish", "Xyzzy", "Frobnicated"];
    private static readonly string[] ExcelErrors = ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"];

    private sealed record Target(string Sheet, int Column, WorkbookColumn Format)
    {
        public string Header => CorpusSample.Grids[Sheet][0][Column];

        public string Original(int row) => CorpusSample.Grids[Sheet][row - 1][Column];

        public int LastRow => CorpusSample.Grids[Sheet].Count;
    }

    /// <summary>The sample's columns (sheet, index in the file, format definition) that satisfy a condition.</summary>
    private static Target[] Columns(Func<WorkbookSheet, WorkbookColumn, bool> condition) =>
        [.. from sheet in WorkbookFormat.Sheets
            where DataSheets.Contains(sheet.Name)
            let header = CorpusSample.Grids[sheet.Name][0]
            from column in sheet.Columns
            where condition(sheet, column)
            let index = Array.FindIndex(header, h => h == column.Header)
            where index >= 0
            select new Target(sheet.Name, index, column)];

    private static Gen<(Target Target, int Row)> Cell(Target[] targets, int firstRow = 2) =>
        from target in Gen.Elements(targets)
        from row in Gen.Choose(firstRow, target.LastRow)
        select (target, row);

    private static readonly Gen<bool> Inline = Gen.Elements(true, false);

    private static CellFault Fault(string kind, (Target Target, int Row) at, Planted planted, string value, bool inline, bool errorOnly = true) =>
        new(kind, at.Target.Sheet, at.Row, at.Target.Column, at.Target.Header, planted, value, errorOnly, inline);

    public static Gen<CellFault> RequiredBlank =>
        from at in Cell(Columns((_, c) => c.Required))
        select Fault("required cell blanked", at, Planted.Blank, "", false);

    public static Gen<CellFault> BlankMarkerRequired =>
        from at in Cell(Columns((_, c) => c.Required && c.Kind == ColumnKind.Vocabulary))
        from marker in Gen.Elements(BlankMarkers)
        from inline in Inline
        select Fault("blank marker in a required vocabulary cell", at, Planted.Value, marker, inline);

    // Needs assessment and Follow-up have None as a term, so "none" is not a blank marker there; the other markers are.
    public static Gen<CellFault> BlankMarkerOptional =>
        from at in Cell(Columns((_, c) => !c.Required && c.Kind is ColumnKind.Vocabulary or ColumnKind.YesNo))
        from marker in Gen.Elements(BlankMarkers.Where(m => m != "none" || at.Target.Format.Header is not ("Needs assessment" or "Follow-up")).ToArray())
        from inline in Inline
        select Fault("blank marker in an optional cell", at, Planted.Value, marker, inline, errorOnly: false);

    public static Gen<CellFault> UnknownWord =>
        from at in Cell(Columns((_, c) => c.Kind == ColumnKind.Vocabulary))
        from word in Gen.Elements(UnknownWords)
        from append in Gen.Elements(true, false)
        from inline in Inline
        let original = at.Target.Original(at.Row)
        let value = append && at.Target.Format.MultiValued && original.Length > 0 ? original + "; " + word : word
        select Fault("unknown vocabulary word", at, Planted.Value, value, inline);

    public static Gen<CellFault> AmbiguousDirection =>
        from at in Cell(Columns((s, c) => s.Name == "Findings" && c.Header == "Direction"))
        from word in Gen.Elements(AmbiguousDirections)
        from inline in Inline
        select Fault("ambiguous direction word", at, Planted.Value, word, inline);

    public static Gen<CellFault> NotANumber =>
        from at in Cell(Columns((_, c) => c.Kind is ColumnKind.Count or ColumnKind.Year or ColumnKind.Number))
        from text in Gen.Elements(at.Target.Format.Kind switch
        {
            ColumnKind.Year => new[] { "twenty19", "2019a", "in press", "2019.5" },
            ColumnKind.Count => new[] { "twelve", "12.5", "approx. 40", "n=40" },
            _ => new[] { "large", "0.3 (SMD)", "1..2", "n.s." },
        })
        from inline in Inline
        select Fault("non-number in a number column", at, Planted.Value, text, inline);

    public static Gen<CellFault> YearOutOfRange =>
        from at in Cell(Columns((_, c) => c.Kind == ColumnKind.Year))
        from year in Gen.OneOf(Gen.Choose(1000, 1899), Gen.Choose(2101, 2999))
        select Fault("year out of range", at, Planted.Value, year.ToString(CultureInfo.InvariantCulture), false);

    // The ID of an earlier row, so that the later row (this one) is the duplicate; IDs ignore case.
    public static Gen<CellFault> DuplicateId =>
        from at in Cell(Columns((s, c) => (s.Name, c.Header) is ("Studies", "Study ID") or ("Interventions", "Intervention ID")), firstRow: 3)
        from earlier in Gen.Choose(2, at.Row - 1)
        from lower in Gen.Elements(true, false)
        from inline in Inline
        let id = at.Target.Original(earlier)
        select Fault("duplicated ID", at, Planted.Value, lower ? id.ToLowerInvariant() : id, inline);

    public static Gen<CellFault> UnknownReference =>
        from at in Cell(Columns((s, c) => c.Kind == ColumnKind.Identifier && (s.Name, c.Header) is ("Findings", "Study ID") or ("Findings", "Intervention ID") or ("Studies", "Interventions")))
        from number in Gen.Choose(100, 999)
        from inline in Inline
        select Fault("unknown reference", at, Planted.Value, (at.Target.Format.Header == "Study ID" ? "S" : "I") + number.ToString(CultureInfo.InvariantCulture), inline);

    public static Gen<CellFault> ExcelError =>
        from at in Cell(Columns((_, _) => true))
        from error in Gen.Elements(ExcelErrors)
        select Fault("Excel error value", at, Planted.ErrorValue, error, false);

    public static Gen<CellFault> Formula =>
        from at in Cell(Columns((_, _) => true)).Where(at => at.Target.Original(at.Row).Length > 0)
        select Fault("formula", at, Planted.Formula, at.Target.Original(at.Row), false, errorOnly: false);

    public static IReadOnlyList<Gen<CellFault>> Kinds { get; } =
    [
        RequiredBlank, BlankMarkerRequired, BlankMarkerOptional, UnknownWord, AmbiguousDirection, NotANumber,
        YearOutOfRange, DuplicateId, UnknownReference, ExcelError, Formula,
    ];

    public static Gen<CellFault> Any => Gen.OneOf(Kinds);

    /// <summary>A fixed sample of every kind (FsCheck's generator with a fixed seed), so the corpus is the same on every run.</summary>
    public static IEnumerable<CellFault> Sample(int perKind, ulong seed) =>
        Kinds.SelectMany((kind, k) => Gen.Sample(kind, perKind, new Rnd(seed + (ulong)k), 30));
}
