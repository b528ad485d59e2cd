using Evidence.Analytics.Excel.IO;
using Evidence.Analytics.Excel.Workbook;
using System.Globalization;

namespace Evidence.Analytics.Excel;

/// <summary>Writes the blank extraction workbook evaluators fill in: every sheet of the import format
/// (<see cref="WorkbookFormat"/>) with its header row, drop-down lists on every controlled column, an input hint on
/// every column, and a README sheet explaining each column.</summary>
/// <remarks>
/// <para>Drop-downs warn about a value outside the list but let it stand, because the importer also accepts other
/// spellings ("randomised controlled trial" for "RCT"); on columns that take several values separated by <c>;</c> the
/// list only offers single values and accepts anything typed. The lists live on a hidden Lists sheet (Excel limits an
/// inline list to 255 characters), which the importer ignores.</para>
/// <para>The same call always gives the same bytes.</para>
/// </remarks>
public static class ExtractionTemplate
{
    /// <summary>The last row that carries drop-downs and hints on each sheet.</summary>
    public const int PreparedRows = 2000;

    /// <summary>The name of the hidden sheet holding the drop-down lists.</summary>
    public const string ListsSheetName = "Lists";

    /// <summary>Writes the template to a file, replacing it if it exists.</summary>
    /// <param name="path">The .xlsx file to write.</param>
    public static void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(file);
    }

    /// <summary>Writes the template to a stream, which is left open.</summary>
    /// <param name="output">The stream to write to.</param>
    public static void Write(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        const string title = "Evidence extraction template";
        using var document = new XlsxDocument(output, title);
        var lists = Lists();
        ReadmeSheet.Write(document, title,
        [
            ("About", "A blank workbook for coding the studies of a review: one sheet per kind of record, one row per record. Fill in the sheets, then check the workbook with `evidence validate FILE`."),
            ("Start with", "Studies (one row per included study), Interventions (the programmes they evaluate) and Findings (one row per outcome result). Review, Vocabulary, Flow and the realist Configurations sheets are optional."),
            ("Hints", "Select a cell to see what to enter. Controlled columns have a drop-down list; other spellings of a listed value are accepted on import."),
            ("Written by", LibraryInfo.NameAndVersion),
        ]);
        foreach (var sheet in WorkbookFormat.Sheets)
        {
            var widths = sheet.Columns.Select(c => Math.Max(14, Math.Min(40, c.Header.Length + 6.0))).ToArray();
            document.AddSheet(sheet.Name, SheetLayout.Table(widths), writer =>
            {
                writer.Row();
                foreach (var column in sheet.Columns) writer.Text(column.Header, CellStyle.Header);
                for (int i = 0; i < sheet.Columns.Length; i++)
                {
                    var column = sheet.Columns[i];
                    string range = string.Create(CultureInfo.InvariantCulture, $"{XlsxText.ColumnName(i)}2:{XlsxText.ColumnName(i)}{PreparedRows}");
                    string? listName = ListKey(column) is { } key ? lists[key] : null;
                    writer.Validate(new DataValidationSpec(range, listName, column.Header, Hint(column),
                        column.MultiValued ? ValidationErrorMode.None : ValidationErrorMode.Warning));
                }
            });
        }
        WriteLists(document, lists);
        document.Save();
    }

    /// <summary>The input hint of a column: what to enter, whether it is required, and how to give several values.</summary>
    internal static string Hint(WorkbookColumn column)
    {
        string hint = column.Description;
        if (column.Required) hint += " Required.";
        if (column.MultiValued) hint += " Several values: separate with ;";
        if (column.Kind == ColumnKind.YesNo) hint += " Yes or No.";
        return DataValidationSpec.Truncate(hint, DataValidationSpec.MaxPromptLength);
    }

    private static string? ListKey(WorkbookColumn column) => column.Kind switch
    {
        ColumnKind.Vocabulary => string.Join("|", column.Accepted),
        ColumnKind.YesNo => "Yes|No",
        _ => column.Header == "Field" ? "Title|Notes" : null,
    };

    /// <summary>One defined name per distinct list (columns sharing a vocabulary share its list), in format order.</summary>
    private static Dictionary<string, string> Lists()
    {
        var lists = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in WorkbookFormat.Sheets.SelectMany(s => s.Columns))
        {
            // The Review sheet's Field column lists Title and Notes; the Vocabulary sheet's Field column is a vocabulary.
            if (ListKey(column) is { } key && !lists.ContainsKey(key))
                lists[key] = "List" + (lists.Count + 1).ToString(CultureInfo.InvariantCulture);
        }
        return lists;
    }

    private static void WriteLists(XlsxDocument document, Dictionary<string, string> lists)
    {
        var columns = lists.Select(pair => (Name: pair.Value, Values: pair.Key.Split('|'))).ToArray();
        document.AddSheet(ListsSheetName, new SheetLayout(columns.Select(_ => 28.0).ToArray(), Landscape: false), sheet =>
        {
            int rows = columns.Max(c => c.Values.Length);
            sheet.Row();
            foreach (var (name, _) in columns) sheet.Text(name, CellStyle.Header);
            for (int r = 0; r < rows; r++)
            {
                sheet.Row();
                foreach (var (_, values) in columns) sheet.Text(r < values.Length ? values[r] : null);
            }
        }, hidden: true);
        for (int i = 0; i < columns.Length; i++)
            document.DefineName(columns[i].Name, $"{ListsSheetName}!{XlsxText.AbsoluteRange(i, 2, i, columns[i].Values.Length + 1)}");
    }
}
