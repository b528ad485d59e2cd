using System.Collections.Immutable;

namespace Evidence.Analytics.Import;

/// <summary>Turns the rows of one sheet of the workbook format into records, reporting every bad cell.</summary>
/// <remarks>
/// <para>To import a new sheet, add one subclass (one file) and list it in <see cref="CreateAll"/> after the sheets it refers
/// to. The importer finds the sheet (or CSV file), maps its header, skips blank rows, reports formulas, error values
/// and merged cells, counts rows, and calls <see cref="ReadRow"/> for each data row; a parser only reads typed values
/// through the <see cref="RowReader"/> and builds its records when <see cref="RowReader.HasErrors"/> is false.</para>
/// <para>A format sheet with no parser here is reported as not imported (a warning) rather than dropped silently.</para>
/// </remarks>
internal abstract class SheetParser
{
    /// <summary>A new set of every sheet parser (parsers keep per-import state), in the order sheets are read: a sheet comes
    /// after the sheets its references point to.</summary>
    public static ImmutableArray<SheetParser> CreateAll()
    {
        var configurations = new ConfigurationsSheetParser();
        return
        [
            new ReviewSheetParser(),
            new VocabularySheetParser(),
            new InterventionsSheetParser(),
            new StudiesSheetParser(),
            new FindingsSheetParser(),
            new FlowSheetParser(),
            configurations,
            new ConfigurationLinksSheetParser(configurations),
            new RiskOfBiasSheetParser(),
        ];
    }

    /// <summary>The sheet of <see cref="WorkbookFormat"/> this parser reads.</summary>
    public abstract WorkbookSheet Format { get; }

    /// <summary>Reads one non-blank data row.</summary>
    public abstract void ReadRow(RowReader row, ImportContext context);

    /// <summary>Called after the sheet's last row: checks that need all its rows (the PRISMA arithmetic).</summary>
    public virtual void EndSheet(SheetState sheet, ImportContext context) { }

    /// <summary>Called once every sheet has been read (present or not): checks that span sheets (a configuration whose
    /// supporting studies may be on the Configuration links sheet).</summary>
    public virtual void EndImport(ImportContext context) { }
}
