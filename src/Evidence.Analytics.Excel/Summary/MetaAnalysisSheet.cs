using System.Globalization;
using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Meta-analysis sheet, written only for a review whose findings carry effect estimates: a headline per pooled
/// outcome domain × intervention type, a filterable table of the pooled estimates, and what was left out and why.</summary>
internal static class MetaAnalysisSheet
{
    public const string Name = "Meta-analysis";

    private static readonly double[] Widths = [16, 18, 9, 14, 8, 7, 9, 9, 9, 9, 9, 7, 8, 24];

    private static readonly string[] Headers =
    [
        "Outcome domain", "Intervention type", "Metric", "Outcome measure", "Studies", "RCTs", "Pooled estimate", "CI lower",
        "CI upper", "PI lower", "PI upper", "I² (%)", "τ²", "Study IDs",
    ];

    /// <summary>Whether the review gets the sheet: some finding carries an effect estimate.</summary>
    public static bool Applies(EvidenceBase evidence) => evidence.Findings.Any(f => f.Estimate is not null);

    public static void Write(XlsxDocument document, FindingsMetaAnalysis pooled) =>
        document.AddSheet(Name, new SheetLayout(Widths), sheet =>
        {
            sheet.Row(24).Text("Meta-analysis of reported effect estimates", CellStyle.Title);
            sheet.Row().Text("Random-effects models (REML), one estimate per study, pooled per outcome domain and intervention type wherever at least 2 studies report the same metric with a confidence interval or standard error. Ratios are shown as ratios. See the Methods sheet.", CellStyle.Note);
            sheet.Merge($"A{sheet.RowNumber}:N{sheet.RowNumber}");
            sheet.Row();
            if (pooled.Pools.IsEmpty)
            {
                sheet.Row().Text("No outcome domain and intervention type has at least 2 studies with estimates on the same metric with a confidence interval or standard error, so nothing is pooled.", CellStyle.Bold);
                sheet.Merge($"A{sheet.RowNumber}:N{sheet.RowNumber}");
            }
            foreach (var pool in pooled.Pools)
            {
                sheet.Row(30).Text(pool.Headline + ".", CellStyle.Wrapped);
                sheet.Merge($"A{sheet.RowNumber}:N{sheet.RowNumber}");
            }
            if (!pooled.Pools.IsEmpty)
            {
                sheet.Row();
                int header = sheet.RowNumber + 1;
                RecordTables.Header(sheet, Headers);
                foreach (var pool in pooled.Pools)
                {
                    var m = pool.Analysis;
                    double N(double value) => Math.Round(m.Measure.ToNaturalScale(value), 3);
                    sheet.Row().Text(pool.Domain.Name).Text(pool.InterventionType.Name).Text(m.Measure.Code()).Text(pool.OutcomeMeasure)
                        .Integer(pool.Studies.Length).Integer(pool.RctCount)
                        .Number(N(m.Estimate), CellStyle.Decimal).Number(N(m.Lower), CellStyle.Decimal).Number(N(m.Upper), CellStyle.Decimal)
                        .Number(m.PredictionLower is { } pl ? N(pl) : null, CellStyle.Decimal).Number(m.PredictionUpper is { } pu ? N(pu) : null, CellStyle.Decimal)
                        .Number(Math.Round(m.Heterogeneity.ISquared, 1), CellStyle.Decimal).Number(Math.Round(m.Heterogeneity.TauSquared, 4), CellStyle.Decimal)
                        .Text(string.Join("; ", pool.Studies.Select(s => s.Id)), CellStyle.Wrapped);
                }
                sheet.Table("MetaAnalysisTable", Headers, header, sheet.RowNumber);
            }
            if (!pooled.Notes.IsEmpty)
            {
                sheet.Row();
                sheet.Row().Text(string.Create(CultureInfo.InvariantCulture, $"Left out of the pooling ({pooled.Notes.Length})"), CellStyle.Heading);
                foreach (string note in pooled.Notes)
                {
                    sheet.Row().Text(note, CellStyle.Wrapped);
                    sheet.Merge($"A{sheet.RowNumber}:N{sheet.RowNumber}");
                }
            }
        });
}
