using System.Globalization;
using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Realist sheet, written only for a review with CMO configurations: a headline, a filterable table of the
/// configurations with their distinct studies and programmes, and the programme features behind each family.</summary>
internal static class RealistSheet
{
    private const int TableHeaderRow = 6;

    private static readonly double[] Widths = [13, 14, 16, 24, 24, 20, 8, 12, 12, 11, 12, 14];

    private static readonly string[] ConfigurationHeaders =
    [
        "Configuration ID", "Family", "Themes", "Context", "Mechanism", "Outcome", "Studies", "Programmes",
        "Supporting studies", "Programme IDs", "Designs", "Strength of support",
    ];

    public static void Write(XlsxDocument document, RealistSynthesis synthesis) =>
        document.AddSheet("Realist", new SheetLayout(Widths, FrozenRows: TableHeaderRow, PrintTitleRows: TableHeaderRow), sheet =>
        {
            sheet.Row(24).Text("Realist synthesis: context–mechanism–outcome configurations", CellStyle.Title);
            sheet.Row().Text(synthesis.ToString().Split('\n')[0] + ".", CellStyle.Bold);
            sheet.Merge($"A{sheet.RowNumber}:L{sheet.RowNumber}");
            sheet.Row().Text("Studies and programmes are counted once each: two studies of one programme are two studies but one programme.", CellStyle.Note);
            sheet.Merge($"A{sheet.RowNumber}:L{sheet.RowNumber}");
            sheet.Row(synthesis.Review.Notes is null ? null : 45).Text(synthesis.Review.Notes is { } notes ? "Note: " + notes : null, CellStyle.Note);
            sheet.Merge($"A{sheet.RowNumber}:L{sheet.RowNumber}");
            sheet.Row();
            RecordTables.Header(sheet, ConfigurationHeaders);
            foreach (var support in synthesis.Configurations)
            {
                var configuration = support.Configuration;
                const CellStyle Top = CellStyle.Wrapped;
                sheet.Row().Text(configuration.Id, Top).Text(configuration.Family.Name, Top).Text(Join(configuration.Themes), Top)
                    .Text(configuration.Context, Top).Text(configuration.Mechanism, Top).Text(configuration.Outcome, Top)
                    .Integer(support.StudyCount).Integer(support.ProgrammeCount)
                    .Text(Join(support.Studies.Select(s => s.Id)), Top).Text(Join(support.Programmes.Select(p => p.Id)), Top)
                    .Text(Join(support.Designs.Select(d => d.ToString())), Top).Text(configuration.Strength, Top);
            }
            sheet.Table("ConfigurationsTable", ConfigurationHeaders, TableHeaderRow, sheet.RowNumber);

            var features = synthesis.Features;
            sheet.Row();
            sheet.Row().Text("Programme features and configuration families", CellStyle.Heading);
            sheet.Row().Text(string.Create(CultureInfo.InvariantCulture,
                $"Of the programmes behind at least one configuration of each family, how many have each feature. The last column is the programmes behind no {features.Focus.Name.ToLowerInvariant()} configuration. Co-occurrence, not cause: the numbers are small."), CellStyle.Note);
            sheet.Merge($"A{sheet.RowNumber}:L{sheet.RowNumber}");
            sheet.Row().Text("Dimension", CellStyle.Header).Text("Feature", CellStyle.Header);
            foreach (var family in features.Families)
                sheet.Text(string.Create(CultureInfo.InvariantCulture, $"{family.Name} ({features.ProgrammesBehind(family)} programmes)"), CellStyle.Header);
            sheet.Text(string.Create(CultureInfo.InvariantCulture, $"No {features.Focus.Name.ToLowerInvariant()} ({features.ProgrammesWithoutFocus} programmes)"), CellStyle.Header);
            foreach (var row in features.Rows)
            {
                sheet.Row().Text(row.Feature.Dimension).Text(row.Feature.Label);
                foreach (var share in row.ByFamily) sheet.Text(share.ToString());
                sheet.Text(row.WithoutFocus.ToString());
            }
        });

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);
}
