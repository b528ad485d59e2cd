using Evidence.Analytics.Excel.IO;
using Evidence.Analytics.Excel.Summary;

namespace Evidence.Analytics.Excel;

/// <summary>Writes the commissioner's summary workbook: plain-language headlines, the evidence map, filterable tables of
/// studies, interventions and findings, native Excel charts, the PRISMA flow and the methods behind every number.</summary>
/// <remarks>
/// <para>Sheets: Summary, What changed (only when a previous version of the review is given), Evidence map, Charts, Studies, Interventions, Findings (Excel tables with filters), Realist
/// (only for a review with CMO configurations), Meta-analysis (only for a review whose findings carry effect estimates), Flow, Methods. Every count is of distinct studies; see the Methods sheet.</para>
/// <para>The same evidence base and arguments always give the same bytes (no timestamps). Text is never written as a
/// formula.</para>
/// </remarks>
public static class SummaryWorkbook
{
    /// <summary>Writes the summary workbook to a file, replacing it if it exists.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="path">The .xlsx file to write.</param>
    /// <param name="sourceFileName">The name of the file the evidence was imported from, shown on the Summary sheet.</param>
    /// <param name="importedRecordCount">How many records were imported; null counts the evidence base's studies,
    /// interventions, findings and configurations.</param>
    /// <param name="includeQualitative">Whether qualitative studies vote in the all-designs shares; by default they are
    /// reported beside them (see <see cref="EvidenceStatistics.Share"/>).</param>
    /// <param name="previous">The review's previous version, for a What changed sheet (<see cref="EvidenceBaseChanges"/>);
    /// null for none.</param>
    /// <param name="previousFileName">The name of the file the previous version was imported from, shown on that sheet.</param>
    public static void Write(EvidenceBase evidence, string path, string? sourceFileName = null, int? importedRecordCount = null, bool includeQualitative = false,
        EvidenceBase? previous = null, string? previousFileName = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(evidence, file, sourceFileName, importedRecordCount, includeQualitative, previous, previousFileName);
    }

    /// <summary>Writes the summary workbook to a stream, which is left open.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="output">The stream to write to.</param>
    /// <param name="sourceFileName">The name of the file the evidence was imported from, shown on the Summary sheet.</param>
    /// <param name="importedRecordCount">How many records were imported; null counts the evidence base's studies,
    /// interventions, findings and configurations.</param>
    /// <param name="includeQualitative">Whether qualitative studies vote in the all-designs shares; by default they are
    /// reported beside them (see <see cref="EvidenceStatistics.Share"/>).</param>
    /// <param name="previous">The review's previous version, for a What changed sheet (<see cref="EvidenceBaseChanges"/>);
    /// null for none.</param>
    /// <param name="previousFileName">The name of the file the previous version was imported from, shown on that sheet.</param>
    public static void Write(EvidenceBase evidence, Stream output, string? sourceFileName = null, int? importedRecordCount = null, bool includeQualitative = false,
        EvidenceBase? previous = null, string? previousFileName = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(output);
        int records = importedRecordCount
            ?? evidence.Studies.Length + evidence.Interventions.Length + evidence.Findings.Length + evidence.Configurations.Length;
        var figures = new SummaryFigures(evidence, includeQualitative);
        // Each study has a few texts of its own (id, citation label, authors, title, DOI), each intervention its id and name.
        using var document = new XlsxDocument(output, evidence.Review.Title + ": evidence summary",
            distinctTexts: 4 * evidence.Studies.Length + 2 * evidence.Interventions.Length);
        SummarySheet.Write(document, evidence, figures, new SummarySource(sourceFileName is null ? null : Path.GetFileName(sourceFileName), records));
        if (previous is not null)
            WhatChangedSheet.Write(document, EvidenceBaseChanges.Between(previous, evidence, includeQualitative), previousFileName is null ? null : Path.GetFileName(previousFileName));
        EvidenceMapSheet.Write(document, figures);
        ChartsSheet.Write(document, figures);
        RecordTables.WriteStudies(document, evidence);
        RecordTables.WriteInterventions(document, evidence);
        RecordTables.WriteFindings(document, evidence);
        if (RiskOfBiasSheet.Applies(evidence)) RiskOfBiasSheet.Write(document, evidence);
        if (!evidence.Configurations.IsEmpty) RealistSheet.Write(document, evidence.RealistSynthesis());
        bool pooled = MetaAnalysisSheet.Applies(evidence);
        if (pooled) MetaAnalysisSheet.Write(document, evidence.PoolFindings());
        FlowSheet.Write(document, evidence.Flow);
        MethodsSheet.Write(document, includeQualitative, pooled);
        document.Save();
    }
}
