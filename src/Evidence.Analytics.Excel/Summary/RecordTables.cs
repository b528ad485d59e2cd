using Evidence.Analytics.Excel.IO;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>The Studies, Interventions and Findings sheets of the summary workbook: real Excel tables (filter buttons,
/// banded rows) with a frozen header, sensible widths and DOI links.</summary>
/// <remarks>Printed, each fits the page's width at a readable size: columns are narrow and text wraps, each row as
/// tall as its longest cell, and the header row repeats on every page.</remarks>
internal static class RecordTables
{
    /// <summary>Excel keeps at most 65,530 links on a worksheet; later DOIs are written as plain text.</summary>
    public const int MaxLinksPerSheet = 65_530;

    private static readonly string[] StudyHeaders =
    [
        "Study ID", "Study", "Authors", "Year", "Title", "DOI", "Design", "Design group", "Countries", "Interventions",
        "Intervention types", "Timing", "Months after birth", "Sample size", "Publication type", "Risk of bias", "Findings",
    ];

    private static readonly string[] InterventionHeaders =
    [
        "Intervention ID", "Name", "Types", "Format", "Mode", "Deliverer", "Referral route", "Link worker", "Needs assessment",
        "Follow-up", "Timing", "Setting", "Typology level", "Typology reason", "Studies",
    ];

    private static readonly string[] FindingHeaders =
    [
        "Study ID", "Study", "Design group", "Intervention ID", "Intervention types", "Outcome domain", "Measure", "Direction",
        "Effect metric", "Effect", "Lower", "Upper",
    ];

    public static void WriteStudies(XlsxDocument document, EvidenceBase evidence) =>
        document.AddSheet("Studies", SheetLayout.Table([8, 11, 14, 6, 20, 11, 10, 9, 10, 13, 16, 9, 7, 7, 11, 9, 8]), sheet =>
        {
            Header(sheet, StudyHeaders);
            int links = 0;
            // The evidence index holds each study's interventions and findings by position: no lookup by id per row.
            var index = EvidenceIndex.For(evidence);
            var types = new TypeNames(evidence, index);
            for (int s = 0; s < index.Studies.Length; s++)
            {
                var study = index.Studies[s];
                var citation = study.Citation;
                sheet.Row().Text(study.Id).Text(citation.ShortLabel).Text(citation.Authors).Integer(citation.Year, CellStyle.Integer).Text(citation.Title);
                if (citation.Doi is not null && links++ < MaxLinksPerSheet) sheet.Link(citation.Doi, DoiAddress(citation));
                else sheet.Text(citation.Doi);
                sheet.Text(study.Design.Label())
                    .Text(study.DesignGroup.Label())
                    .Text(Join(study.Countries))
                    .Text(Join(study.InterventionIds))
                    .Text(types.OfStudy(s))
                    .Text(study.Timing?.Label())
                    .Integer(study.MonthsAfterBirth, CellStyle.Integer)
                    .Integer(study.SampleSize)
                    .Text(study.PublicationType?.Label())
                    .Text(study.RiskOfBias?.Label())
                    .Integer(index.FindingStart[s + 1] - index.FindingStart[s]);
            }
            sheet.Table("StudiesTable", StudyHeaders, 1, sheet.RowNumber);
        });

    public static void WriteInterventions(XlsxDocument document, EvidenceBase evidence) =>
        document.AddSheet("Interventions", SheetLayout.Table([12, 14, 16, 10, 9, 11, 11, 7, 11, 10, 10, 10, 11, 20, 8]), sheet =>
        {
            Header(sheet, InterventionHeaders);
            var index = EvidenceIndex.For(evidence);
            // Studies per intervention, as EvidenceBase.StudiesOf counts them (once per mention), from the index.
            int[] studies = new int[index.Interventions.Length];
            foreach (int[] mentioned in index.StudyInterventions)
            {
                foreach (int j in mentioned) studies[j]++;
            }
            for (int j = 0; j < index.Interventions.Length; j++)
            {
                var intervention = index.Interventions[j];
                sheet.Row().Text(intervention.Id).Text(intervention.Name)
                    .Text(Join(intervention.Types.Select(t => t.Name)))
                    .Text(Join(intervention.Formats.Select(f => f.Label())))
                    .Text(Join(intervention.Modes.Select(m => m.Label())))
                    .Text(Join(intervention.Deliverers.Select(d => d.Label())))
                    .Text(Join(intervention.ReferralRoutes.Select(r => r.Label())))
                    .Text(intervention.HasLinkWorker switch { true => "Yes", false => "No", null => null })
                    .Text(intervention.NeedsAssessment?.Label())
                    .Text(intervention.FollowUp?.Label())
                    .Text(intervention.Timing?.Label())
                    .Text(intervention.Setting)
                    .Text(intervention.Typology.Level.Label())
                    .Text(intervention.Typology.Reason)
                    .Integer(studies[j]);
            }
            sheet.Table("InterventionsTable", InterventionHeaders, 1, sheet.RowNumber);
        });

    public static void WriteFindings(XlsxDocument document, EvidenceBase evidence) =>
        document.AddSheet("Findings", SheetLayout.Table([8, 12, 10, 12, 22, 16, 18, 13, 10, 7, 7, 7]), sheet =>
        {
            Header(sheet, FindingHeaders);
            var index = EvidenceIndex.For(evidence);
            var typeNames = new TypeNames(evidence, index);
            void Write(Finding finding, Study study, string label, string group, string types, string? interventionTypes)
            {
                var estimate = finding.Estimate;
                sheet.Row().Text(study.Id).Text(label).Text(group)
                    .Text(finding.InterventionId)
                    .Text(finding.InterventionId is null ? types : interventionTypes)
                    .Text(finding.Domain.Name)
                    .Text(finding.Measure)
                    .Text(finding.Direction.Label())
                    .Text(estimate?.Metric)
                    .Number(estimate?.Value, CellStyle.Decimal)
                    .Number(estimate?.Lower, CellStyle.Decimal)
                    .Number(estimate?.Upper, CellStyle.Decimal);
            }
            if (index.Findings.AsSpan().SequenceEqual(evidence.Findings.AsSpan(), ReferenceEqualityComparer.Instance))
            {
                // The findings come grouped by study in the studies' order (as imported): each row's study and
                // intervention are the index's, by position, without a lookup by id.
                for (int s = 0; s < index.Studies.Length; s++)
                {
                    var study = index.Studies[s];
                    string label = study.Citation.ShortLabel, group = study.DesignGroup.Label(), types = typeNames.OfStudy(s);
                    for (int f = index.FindingStart[s]; f < index.FindingStart[s + 1]; f++)
                    {
                        int intervention = index.FindingIntervention[f];
                        Write(index.Findings[f], study, label, group, types, intervention < 0 ? null : typeNames.OfIntervention(intervention));
                    }
                }
            }
            else
            {
                Study? study = null;
                string types = "", label = "", group = "";
                foreach (var finding in evidence.Findings)
                {
                    // Findings usually come grouped by study: reuse the study's lookups for its run of rows.
                    if (study is null || !string.Equals(study.Id, finding.StudyId, StringComparison.OrdinalIgnoreCase))
                    {
                        study = evidence.Study(finding.StudyId);
                        types = typeNames.Of(study);
                        label = study.Citation.ShortLabel;
                        group = study.DesignGroup.Label();
                    }
                    Write(finding, study, label, group, types, finding.InterventionId is null ? null : typeNames.OfIntervention(finding.InterventionId));
                }
            }
            sheet.Table("FindingsTable", FindingHeaders, 1, sheet.RowNumber);
        });

    /// <summary>A citation's DOI link as <see cref="Uri.AbsoluteUri"/> writes it: for a DOI of letters, digits and
    /// <c>. - _ ~ /</c> without empty, "." or ".." segments (most DOIs), the resolver and the DOI as they are, without
    /// building a <see cref="Uri"/> for each of 100,000 studies; otherwise through <see cref="Citation.DoiUrl"/>.</summary>
    internal static string DoiAddress(Citation citation) =>
        IsPlainPath(citation.Doi!) ? "https://doi.org/" + citation.Doi : citation.DoiUrl!.AbsoluteUri;

    private static bool IsPlainPath(string path)
    {
        if (path.AsSpan().ContainsAnyExcept(PathCharacters)) return false;
        foreach (var segment in path.AsSpan().Split('/'))
        {
            var text = path.AsSpan(segment);
            if (text.IsEmpty || text is "." or "..") return false;
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PathCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_~/");

    internal static void Header(WorksheetWriter sheet, IEnumerable<string> headers)
    {
        sheet.Row();
        foreach (string header in headers) sheet.Text(header, CellStyle.Header);
    }

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);

    /// <summary>The intervention types of a study or an intervention as a table cell shows them ("Peer support; Arts"),
    /// each text worked out once: studies share interventions, and an intervention's findings share its types.</summary>
    private sealed class TypeNames(EvidenceBase evidence, EvidenceIndex index)
    {
        private readonly string?[] _ofIntervention = new string?[index.Interventions.Length];
        private readonly Dictionary<Intervention, int> _ordinals = new(ReferenceEqualityComparer.Instance);

        private string? _lastId, _lastNames;

        /// <summary>The types of the intervention at a position of the index.</summary>
        public string OfIntervention(int ordinal) =>
            _ofIntervention[ordinal] ??= Join(index.Interventions[ordinal].Types.Select(t => t.Name));

        /// <summary>The types of the study at a position of the index: its intervention's, or the union over its
        /// interventions (<see cref="EvidenceBase.InterventionTypesOf"/>), each type once, in display order.</summary>
        public string OfStudy(int ordinal) => index.StudyInterventions[ordinal] is [int only]
            ? OfIntervention(only)
            : Join(evidence.InterventionTypesOf(index.Studies[ordinal]).Select(t => t.Name));

        /// <summary>The types of the intervention with an id; a run of rows naming the same intervention (the same
        /// string, as imported) looks it up once.</summary>
        public string OfIntervention(string id)
        {
            if (!ReferenceEquals(id, _lastId))
            {
                _lastNames = Of(evidence.Intervention(id));
                _lastId = id;
            }
            return _lastNames!;
        }

        /// <summary>The types of a study, as <see cref="OfStudy"/> gives them.</summary>
        public string Of(Study study) => study.InterventionIds.Length == 1
            ? Of(evidence.Intervention(study.InterventionIds[0]))
            : Join(evidence.InterventionTypesOf(study).Select(t => t.Name));

        private string Of(Intervention intervention)
        {
            if (_ordinals.Count == 0)
            {
                for (int j = 0; j < index.Interventions.Length; j++) _ordinals[index.Interventions[j]] = j;
            }
            return OfIntervention(_ordinals[intervention]);
        }
    }
}
