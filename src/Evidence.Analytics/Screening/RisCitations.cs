using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Citations read from a reference file into the Studies sheet's citation columns (Authors, Year, Title, DOI):
/// a record whose own id (the RIS <c>ID</c> tag) is a study's id replaces that study's citation.</summary>
internal static class RisCitations
{
    /// <summary>The evidence base with the matched studies' citations replaced; <paramref name="problems"/> gets a
    /// warning for each record that matches no study or has no id, and an error for a record whose citation is incomplete.</summary>
    public static EvidenceBase Apply(EvidenceBase evidence, RecordImport records, List<ImportProblem> problems, out int matched)
    {
        var byId = new Dictionary<string, Record>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records.Records)
        {
            void Warn(string message) => problems.Add(new ImportProblem(ProblemKind.UnknownReference, ProblemSeverity.Warning, records.File, null, record.Line, "ID",
                null, record.ReferenceId, string.Create(CultureInfo.InvariantCulture, $"Record {record.Id} (line {record.Line}): {message}")));
            if (record.ReferenceId is not { } id) { Warn("it has no ID tag, so it names no study; its citation is not used."); continue; }
            if (!evidence.TryGetStudy(id, out _)) { Warn($"no study has the id '{id}'; its citation is not used."); continue; }
            if (!byId.TryAdd(id, record)) { Warn($"the study '{id}' already has its citation from the record on line {byId[id].Line}; this one is not used."); continue; }
        }
        matched = 0;
        var studies = ImmutableArray.CreateBuilder<Study>(evidence.Studies.Length);
        foreach (var study in evidence.Studies)
        {
            if (!byId.TryGetValue(study.Id, out var record)) { studies.Add(study); continue; }
            var old = study.Citation;
            string authors = record.Authors.IsEmpty ? old.Authors : string.Join("; ", record.Authors);
            int year = record.Year ?? old.Year;
            if (year is < Citation.MinYear or > Citation.MaxYear)
            {
                problems.Add(new ImportProblem(ProblemKind.YearOutOfRange, ProblemSeverity.Error, records.File, null, record.Line, "PY", null,
                    year.ToString(CultureInfo.InvariantCulture), $"The record for study '{study.Id}' gives the year {year}, outside {Citation.MinYear}–{Citation.MaxYear}."));
                studies.Add(study);
                continue;
            }
            var citation = new Citation(authors, year, record.Title ?? old.Title, record.Doi ?? old.Doi);
            studies.Add(new Study(study.Id, citation, study.Design, study.Countries, study.InterventionIds, study.Timing, study.MonthsAfterBirth,
                study.SampleSize, study.PublicationType, study.RiskOfBias));
            matched++;
        }
        return new EvidenceBase(studies, evidence.Interventions, evidence.Findings, evidence.Flow, evidence.Configurations, evidence.Review, evidence.Vocabularies);
    }
}
