using System.Collections.Immutable;

namespace Evidence.Analytics.Import;

/// <summary>Runs the sheet parsers over a workbook source and assembles the result.</summary>
internal static class WorkbookImporter
{
    private const int ProgressEvery = 10_000;

    public static ImportResult Failed(string file, ProblemKind kind, string message) =>
        new(file, null, [new ImportProblem(kind, ProblemSeverity.Error, file, null, null, null, null, null, message)], []);

    public static ImportResult Run(string file, ImportOptions options, Func<WorkbookSource> open)
    {
        var context = new ImportContext(file, options);
        try
        {
            using var source = open();
            ReadSheets(source, context);
            foreach (var problem in source.OpeningProblems) context.Add(problem);
        }
        catch (WorkbookUnreadableException e)
        {
            context.Report(e.Kind, ProblemSeverity.Error, null, null, e.Message);
        }
        var evidence = context.HasErrors ? null : Build(context);
        var counts = context.Sheets.Select(s => s.Counts).ToImmutableArray();
        return new ImportResult(file, evidence, context.SortedProblems(), counts);
    }

    private static void ReadSheets(WorkbookSource source, ImportContext context)
    {
        string? Find(WorkbookSheet format) =>
            source.SheetNames.FirstOrDefault(n => WorkbookFormat.HeaderKey(n) == WorkbookFormat.HeaderKey(format.Name));

        var parsers = SheetParser.CreateAll();
        foreach (var parser in parsers)
        {
            if (Find(parser.Format) is { } name)
                ReadSheet(parser, source.OpenSheet(name), context);
            else if (parser.Format.Required)
                context.Report(ProblemKind.MissingSheet, ProblemSeverity.Error, null, parser.Format.Name,
                    $"The workbook has no {parser.Format.Name} sheet ({parser.Format.Description}); add it (in a CSV folder: {CsvWorkbookSource.FileNameOf(parser.Format.Name)}).");
        }
        foreach (var parser in parsers) parser.EndImport(context);
        foreach (var format in WorkbookFormat.Sheets.Where(f => parsers.All(p => p.Format != f)))
        {
            if (Find(format) is not { } name) continue;
            var sheet = source.OpenSheet(name);
            int rows = sheet.ReadRows().Count(r => !r.IsBlank) - 1;
            if (rows > 0)
                context.Report(ProblemKind.SheetNotImported, ProblemSeverity.Warning, sheet.File, name,
                    FormattableString.Invariant($"The {format.Name} sheet is not imported by this version of Evidence.Analytics; its {rows:N0} row{(rows == 1 ? " is" : "s are")} ignored."));
        }
    }

    private static void ReadSheet(SheetParser parser, SheetSource source, ImportContext context)
    {
        var sheet = context.BeginSheet(parser.Format, source.File, source.Name);
        var reader = new RowReader(sheet);
        bool header = false;
        var progress = context.Options.Progress;
        progress?.Report(new ImportProgress(source.Name, 0));
        foreach (var row in source.ReadRows())
        {
            int cells = 0;
            foreach (var cell in row.Cells)
            {
                if (!cell.IsBlank) cells++;
            }
            if (cells == 0 && !row.Cells.Any(c => c.Flags != CellFlags.None)) continue;
            context.CountCells(cells);
            if (!header)
            {
                sheet.ReadHeader(row);
                header = true;
                continue;
            }
            sheet.AddDataRow(row.Number);
            sheet.CheckCells(row);
            reader.MoveTo(row);
            parser.ReadRow(reader, context);
            if (progress is not null && sheet.RowsRead % ProgressEvery == 0) progress.Report(new ImportProgress(source.Name, sheet.RowsRead));
        }
        if (!header && parser.Format.Required)
        {
            context.Report(ProblemKind.MissingColumn, ProblemSeverity.Error, source.File, source.Name,
                $"The {parser.Format.Name} sheet is empty; it needs a header row with the columns {string.Join("; ", parser.Format.Columns.Where(c => c.Required).Select(c => c.Header))}.");
        }
        sheet.ReportMerged(source.MergedRanges);
        foreach (var duplicate in source.DuplicateCells)
            sheet.Problem(ProblemKind.DuplicateCell, ProblemSeverity.Error, duplicate.Row, duplicate.Column, duplicate.Second, duplicate.Message);
        parser.EndSheet(sheet, context);
        progress?.Report(new ImportProgress(source.Name, sheet.RowsRead));
    }

    private static EvidenceBase? Build(ImportContext context)
    {
        try
        {
            var review = context.ReviewTitle is null && context.ReviewNotes is null
                ? null
                : new ReviewInfo(context.ReviewTitle ?? ReviewInfo.Untitled.Title, context.ReviewNotes);
            return new EvidenceBase(context.Studies, context.Interventions, context.Findings, context.Flow, context.Configurations, review);
        }
        catch (ArgumentException e)
        {
            // The sheet checks should have caught this; report rather than lose it.
            context.Report(ProblemKind.InvalidValue, ProblemSeverity.Error, null, null, "The evidence base is inconsistent: " + e.Message);
            return null;
        }
    }
}
