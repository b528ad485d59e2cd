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
        // The vocabularies are built on first use, a quarter of a second, and opening a large workbook (reading its
        // shared strings) takes about as long: the two are done side by side, the import context (which uses the
        // vocabularies, waiting for them as code waits for a static initialiser on another thread) made after opening.
        _ = Task.Run(() => Vocabularies.All.Count);
        WorkbookSource? source = null;
        WorkbookUnreadableException? unreadable = null;
        try
        {
            source = open();
        }
        catch (WorkbookUnreadableException e)
        {
            unreadable = e;
        }
        var context = new ImportContext(file, options);
        using (source)
        {
            try
            {
                if (source is not null)
                {
                    ReadSheets(source, context);
                    foreach (var problem in source.OpeningProblems) context.Add(problem);
                }
            }
            catch (WorkbookUnreadableException e)
            {
                unreadable = e;
            }
        }
        if (unreadable is not null) context.Report(unreadable.Kind, ProblemSeverity.Error, null, null, unreadable.Message);
        var evidence = context.HasErrors ? null : Build(context);
        var counts = context.Sheets.Select(s => s.Counts).ToImmutableArray();
        return new ImportResult(file, evidence, context.SortedProblems(), counts);
    }

    /// <summary>The key a sheet is matched by: its name without case, spaces or punctuation (and without ".csv" for a CSV
    /// file), so "Findings", "findings " and findings.csv are the same sheet.</summary>
    private static string SheetKey(string name) =>
        WorkbookFormat.HeaderKey(name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name);

    private static void ReadSheets(WorkbookSource source, ImportContext context)
    {
        List<string> Find(WorkbookSheet format) =>
            [.. source.SheetNames.Where(n => SheetKey(n) == SheetKey(format.Name))];

        var parsers = SheetParser.CreateAll();
        foreach (var parser in parsers)
        {
            var names = Find(parser.Format);
            if (names.Count > 0)
            {
                var first = source.OpenSheet(names[0]);
                ReadSheet(parser, first, context);
                foreach (string other in names.Skip(1)) ReportDuplicate(parser.Format, names[0], first, other, source.OpenSheet(other), context);
            }
            else if (parser.Format.Required)
            {
                context.Report(ProblemKind.MissingSheet, ProblemSeverity.Error, null, parser.Format.Name,
                    $"The workbook has no {parser.Format.Name} sheet ({parser.Format.Description}); add it (in a CSV folder: {CsvWorkbookSource.FileNameOf(parser.Format.Name)}).{SheetsFound(source, parser.Format)}");
            }
        }
        foreach (var parser in parsers) parser.EndImport(context);
        ReportEmptySheets(context);
        foreach (var format in WorkbookFormat.Sheets.Where(f => parsers.All(p => p.Format != f)))
        {
            foreach (string name in Find(format))
            {
                var sheet = source.OpenSheet(name);
                int rows = DataRows(sheet);
                if (rows > 0)
                    context.Report(ProblemKind.SheetNotImported, ProblemSeverity.Warning, sheet.File, name,
                        FormattableString.Invariant($"The {format.Name} sheet is not imported by this version of Evidence.Analytics; its {rows:N0} row{(rows == 1 ? " is" : "s are")} ignored."));
            }
        }
        ReportOtherSheets(source, context);
    }

    /// <summary>A sheet (or CSV file) with rows that is no sheet of the format ("PRISMA flow", "findings (2).csv") is
    /// not imported: a warning naming it, its rows and the format sheet it may have been meant as, so no row goes unseen.</summary>
    private static void ReportOtherSheets(WorkbookSource source, ImportContext context)
    {
        foreach (string name in SheetsOutsideTheFormat(source))
        {
            var sheet = source.OpenSheet(name);
            int rows = DataRows(sheet);
            if (rows == 0) continue;
            string hint = FormatSheetMeantBy(name) is { } meant ? $" If it is the {meant} sheet, name it so." : "";
            context.Report(ProblemKind.SheetNotImported, ProblemSeverity.Warning, sheet.File, name, FormattableString.Invariant(
                $"'{name}' is not a sheet of the format, so its {rows:N0} row{(rows == 1 ? " is" : "s are")} not imported.{hint} The sheets are: {string.Join(", ", WorkbookFormat.Sheets.Select(f => f.Name))}."));
        }
    }

    /// <summary>" The sheets found are: …", with a "did you mean" for a near miss ("Findngs"), for a missing sheet's problem.</summary>
    private static string SheetsFound(WorkbookSource source, WorkbookSheet missing)
    {
        if (source.SheetNames.Count == 0) return " The workbook has no sheets at all.";
        string found = $" The sheets found are: {string.Join(", ", source.SheetNames)}.";
        string? near = SheetsOutsideTheFormat(source).FirstOrDefault(n => FormatSheetMeantBy(n) == missing.Name);
        return near is null ? found : $" Is '{near}' meant to be it?{found}";
    }

    /// <summary>The sheets (or CSV files) that are neither a sheet of the format nor one of its companion sheets.</summary>
    private static IEnumerable<string> SheetsOutsideTheFormat(WorkbookSource source)
    {
        var known = WorkbookFormat.Sheets.Select(f => f.Name).Concat(WorkbookFormat.CompanionSheets).Select(SheetKey).ToHashSet(StringComparer.Ordinal);
        return source.SheetNames.Where(n => !known.Contains(SheetKey(n)));
    }

    /// <summary>The format sheet a misspelt sheet name most likely means ("Findngs" → Findings), or null.</summary>
    private static string? FormatSheetMeantBy(string name) => NearestName.Of(SheetKey(name), WorkbookFormat.Sheets.Select(f => f.Name));

    /// <summary>The non-blank rows of a sheet below its header.</summary>
    private static int DataRows(SheetSource sheet) => Math.Max(0, sheet.ReadRows().Count(r => !r.IsBlank) - 1);

    /// <summary>A second sheet (or CSV file) that is the same format sheet as one already read: an error naming both. Its
    /// rows are not read, and are counted as read and reported so that nothing in the file goes uncounted.</summary>
    private static void ReportDuplicate(WorkbookSheet format, string firstName, SheetSource first, string otherName, SheetSource other, ImportContext context)
    {
        int rows = DataRows(other);
        var sheet = context.BeginSheet(format, other.File, otherName);
        sheet.AddRowsNotRead(rows);
        bool files = first.File != other.File;
        string both = files ? $"{Path.GetFileName(first.File)} and {Path.GetFileName(other.File)} are" : $"The sheets '{firstName}' and '{otherName}' are";
        string which = files ? Path.GetFileName(other.File) : $"'{otherName}'";
        context.Report(ProblemKind.DuplicateSheet, ProblemSeverity.Error, other.File, otherName,
            FormattableString.Invariant($"{both} both the {format.Name} sheet (names are matched ignoring case, spaces and punctuation), so which one holds the data is unclear; keep one. {which} was not read: its {rows:N0} row{(rows == 1 ? " is" : "s are")} counted as reported."));
    }

    /// <summary>A required sheet with no data rows is an error, whether it has its header or not, in every format. A
    /// realist review explains through CMO configurations rather than outcome findings, so its Findings sheet may be
    /// empty when the Configurations sheet has rows.</summary>
    private static void ReportEmptySheets(ImportContext context)
    {
        bool realist = context.Sheets.Any(s => s.Format == WorkbookFormat.Configurations && s.RowsRead > 0);
        // The first sheet of a format is the one read; a duplicate's state (its rows counted as reported) is not it.
        foreach (var sheet in context.Sheets.DistinctBy(s => s.Format).Where(s => s.Format.Required && s.RowsRead == 0))
        {
            if (realist && sheet.Format == WorkbookFormat.Findings) continue;
            string what = char.ToLowerInvariant(sheet.Format.Description[0]) + sheet.Format.Description[1..];
            string realistNote = sheet.Format == WorkbookFormat.Findings
                ? " (A realist review may leave it empty when its Configurations sheet has rows.)"
                : "";
            string header = sheet.HeaderRow == 0
                ? $" It has no header row either: row 1 needs the columns {string.Join("; ", sheet.Format.Columns.Where(c => c.Required).Select(c => c.Header))}."
                : "";
            context.Report(ProblemKind.EmptySheet, ProblemSeverity.Error, sheet.File, sheet.Name,
                $"The {sheet.Format.Name} sheet has no data rows, so the evidence base would have no {sheet.Format.Name.ToLowerInvariant()}; add {what}{realistNote}{header}");
        }
    }

    private static void ReadSheet(SheetParser parser, SheetSource source, ImportContext context)
    {
        var sheet = context.BeginSheet(parser.Format, source.File, source.Name);
        var reader = new RowReader(sheet);
        bool header = false;
        var progress = context.Options.Progress;
        progress?.Report(new ImportProgress(source.Name, 0));
        foreach (var row in RowPrefetch.Of(source.ReadRows()))
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
                if (row.Quoting is { } quotedHeader) sheet.CheckQuoting(row, quotedHeader);
                sheet.ReadHeader(row);
                header = true;
                continue;
            }
            sheet.AddDataRow(row.Number);
            if (row.Quoting is { } quoted) sheet.CheckQuoting(row, quoted);
            sheet.CheckCells(row);
            reader.MoveTo(row);
            parser.ReadRow(reader, context);
            if (progress is not null && sheet.RowsRead % ProgressEvery == 0) progress.Report(new ImportProgress(source.Name, sheet.RowsRead));
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
            return new EvidenceBase(context.Studies, context.Interventions, context.Findings, context.Flow, context.Configurations, review,
                new ReviewVocabularies(context.InterventionTypes, context.OutcomeDomains, context.ConfigurationFamilies), context.RiskOfBiasAssessments);
        }
        catch (ArgumentException e)
        {
            // The sheet checks should have caught this; report rather than lose it.
            context.Report(ProblemKind.InvalidValue, ProblemSeverity.Error, null, null, "The evidence base is inconsistent: " + e.Message);
            return null;
        }
    }
}
