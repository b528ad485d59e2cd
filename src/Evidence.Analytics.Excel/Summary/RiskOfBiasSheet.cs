using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Risk of bias sheet of the summary workbook: one row per study and tool with each domain's judgement, the
/// overall judgement and the weight, as an Excel table, then each tool's domains spelled out below it.</summary>
/// <remarks>Written only when the evidence has risk-of-bias assessments. The domain columns are the codes any of the
/// review's tools uses (D1, D1b, …), in the format's order; a tool without a domain leaves its cell blank.</remarks>
internal static class RiskOfBiasSheet
{
    public static bool Applies(EvidenceBase evidence) => !evidence.RiskOfBiasAssessments.IsEmpty;

    public static void Write(XlsxDocument document, EvidenceBase evidence)
    {
        var tools = evidence.RiskOfBiasTools;
        string[] codes = [.. WorkbookFormat.RiskOfBiasDomainColumns.Where(code => tools.Any(t => t.Domain(code) is not null))];
        string[] headers = ["Study ID", "Study", "Tool", .. codes, "Overall", "Weight"];
        double[] widths = [8, 16, 11, .. codes.Select(_ => 10.0), 11, 8];
        document.AddSheet("Risk of bias", SheetLayout.Table(widths), sheet =>
        {
            RecordTables.Header(sheet, headers);
            foreach (var assessment in evidence.RiskOfBiasAssessments)
            {
                string study = evidence.TryGetStudy(assessment.StudyId, out var found) ? found.Citation.ShortLabel : "";
                sheet.Row().Text(assessment.StudyId).Text(study).Text(assessment.Tool.Name);
                foreach (string code in codes)
                    sheet.Text(assessment.Tool.Domain(code) is { } domain ? assessment.JudgementOf(domain).Label() : null);
                sheet.Text(assessment.Overall?.Label()).Number(assessment.Weight, CellStyle.Decimal);
            }
            int last = sheet.RowNumber;
            sheet.Table("RiskOfBiasTable", headers, 1, last);
            foreach (var tool in tools)
            {
                sheet.Row();
                sheet.Row().Text(tool.Name + " domains", CellStyle.Bold);
                foreach (var domain in tool.Domains)
                {
                    sheet.Row().Text(domain.Code).Text(domain.Name, CellStyle.Wrapped);
                    sheet.Merge($"B{sheet.RowNumber}:{XlsxText.ColumnName(headers.Length - 1)}{sheet.RowNumber}");
                }
            }
        });
    }
}
