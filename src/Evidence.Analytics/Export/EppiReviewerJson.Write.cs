using System.Globalization;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.Import;

namespace Evidence.Analytics;

// The writer: an evidence base as EPPI-Reviewer JSON, with one code set per field of the evidence base, so that
// EPPI-Mapper can draw its map and the reader gets the same evidence base back.
public static partial class EppiReviewerJson
{
    /// <summary>Writes an evidence base as EPPI-Reviewer JSON (UTF-8, indented) to a stream.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="stream">The stream written to; not closed.</param>
    /// <param name="exported">The date written as each reference's <c>DateCreated</c> and <c>DateEdited</c> (dd/MM/yyyy).</param>
    /// <remarks>
    /// <para>Code sets, one per field: Design, Countries, Timing, Months after birth, Sample size, Publication type, Risk
    /// of bias (the study's); Intervention type, Format, Mode, Deliverer, Referral route, Link worker, Needs assessment,
    /// Follow-up, Intervention timing, Setting, Typology level (coded on the arm of the intervention they describe); and
    /// Outcome domain, whose codes have the directions of effect as children. Numbers (a sample size) are a code's
    /// <c>AdditionalText</c>. Each study is a reference (<c>ItemId</c> its position, <c>OldItemId</c> its id), each of its
    /// interventions an arm titled "id: name", and each finding an outcome (<c>Title</c> the measure, <c>ESDesc</c>,
    /// <c>ES</c>, <c>CILower</c>, <c>CIUpper</c>, <c>SEES</c> its estimate). Ids are 64-bit whole numbers given in order,
    /// so the same evidence base always gives the same file; <c>ItemAttributeFullTextDetails</c> is left out, as
    /// EPPI-Reviewer leaves it out when empty.</para>
    /// <para>Not written, since EPPI-Reviewer has no place for them: the PRISMA flow, realist configurations, the review's
    /// title, and interventions no study evaluates.</para>
    /// </remarks>
    public static void Write(EvidenceBase evidence, Stream stream, DateOnly exported)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        new EppiWriter(evidence, writer, exported).Write();
    }

    /// <summary>An evidence base as EPPI-Reviewer JSON text (see <see cref="Write"/>).</summary>
    public static string ToJson(EvidenceBase evidence, DateOnly exported)
    {
        using var stream = new MemoryStream();
        Write(evidence, stream, exported);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class EppiWriter(EvidenceBase evidence, Utf8JsonWriter writer, DateOnly exported)
    {
        // Attribute ids by field and value label (for outcome domains, "domain > direction").
        // (Case-insensitive, as the evidence base compares countries and settings.)
        private readonly Dictionary<string, long> _ids = new(StringComparer.OrdinalIgnoreCase);
        private long _nextAttribute = 1;

        public void Write()
        {
            writer.WriteStartObject();
            writer.WriteStartArray("CodeSets");
            long setId = 1;
            foreach (var field in EppiField.All) WriteCodeSet(field, setId++);
            writer.WriteEndArray();
            writer.WriteStartArray("References");
            long item = 1, arm = 1, outcome = 1;
            foreach (var study in evidence.Studies) WriteReference(study, item++, ref arm, ref outcome);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private IEnumerable<string> ValuesOf(EppiField field) => field.Name switch
        {
            "Intervention type" => evidence.Vocabularies.InterventionTypes.Values.Select(v => evidence.Vocabularies.InterventionTypes.Label(v)),
            "Outcome domain" => evidence.Vocabularies.OutcomeDomains.Values.Select(v => evidence.Vocabularies.OutcomeDomains.Label(v)),
            "Countries" => evidence.Studies.SelectMany(s => s.Countries).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal),
            "Setting" => evidence.Interventions.Select(i => i.Setting).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal),
            _ when field.Value == EppiValue.Number => [field.Name],
            _ => field.Vocabulary!.Terms.Select(t => t.Label),
        };

        private void WriteCodeSet(EppiField field, long setId)
        {
            writer.WriteStartObject();
            writer.WriteString("SetName", field.Name);
            writer.WriteNumber("ReviewSetId", setId);
            writer.WriteNumber("SetId", setId);
            writer.WriteStartObject("SetType");
            writer.WriteString("SetTypeName", "Standard");
            writer.WriteNumber("SetTypeId", 3);
            writer.WriteString("SetTypeDescription", "");
            writer.WriteEndObject();
            writer.WriteString("SetDescription", "");
            writer.WriteStartObject("Attributes");
            writer.WriteStartArray("AttributesList");
            foreach (string value in ValuesOf(field))
            {
                long id = _nextAttribute++;
                _ids[field.Name + "|" + value] = id;
                var children = field.Level == EppiLevel.Finding ? Vocabularies.Direction.Terms.Select(t => t.Label).ToList() : [];
                WriteAttributeStart(id, setId, value, selectable: true);
                foreach (string child in children)
                {
                    long childId = _nextAttribute++;
                    _ids[field.Name + "|" + value + " > " + child] = childId;
                    WriteAttributeStart(childId, setId, child, selectable: true);
                    WriteAttributeEnd();
                }
                WriteAttributeEnd();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteNumber("OriginalSetId", 0);
            writer.WriteEndObject();
        }

        private void WriteAttributeStart(long id, long setId, string name, bool selectable)
        {
            writer.WriteStartObject();
            writer.WriteNumber("AttributeSetId", id);
            writer.WriteNumber("AttributeId", id);
            writer.WriteNumber("OriginalAttributeID", 0);
            writer.WriteNumber("SetId", setId);
            writer.WriteString("AttributeType", selectable ? "Selectable (show checkbox)" : "Not selectable (no checkbox)");
            writer.WriteNumber("AttributeTypeId", selectable ? 2 : 1);
            writer.WriteString("AttributeName", name);
            writer.WriteString("AttributeDescription", "");
            writer.WriteString("ExtURL", "");
            writer.WriteString("ExtType", "");
            writer.WriteStartObject("Attributes");
            writer.WriteStartArray("AttributesList");
        }

        private void WriteAttributeEnd()
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private void WriteReference(Study study, long itemId, ref long nextArm, ref long nextOutcome)
        {
            string date = exported.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var citation = study.Citation;
            writer.WriteStartObject();
            writer.WriteNumber("ItemId", itemId);
            writer.WriteString("Title", citation.Title);
            writer.WriteString("ParentTitle", "");
            writer.WriteString("ShortTitle", citation.ShortLabel);
            writer.WriteString("DateCreated", date);
            writer.WriteString("CreatedBy", "");
            writer.WriteString("DateEdited", date);
            writer.WriteString("EditedBy", "");
            writer.WriteString("Year", citation.Year.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("Month", "");
            writer.WriteString("URL", citation.DoiUrl?.ToString() ?? "");
            writer.WriteString("OldItemId", study.Id);
            writer.WriteString("Abstract", "");
            writer.WriteString("TypeName", "Journal, Article");
            writer.WriteString("Authors", citation.Authors);
            writer.WriteString("ParentAuthors", "");
            writer.WriteString("DOI", citation.Doi ?? "");
            writer.WriteString("ItemStatus", "I");
            writer.WriteString("ItemStatusTooltip", "Included in review");
            writer.WriteString("QuickCitation", citation.ToString());

            var arms = new List<(long Id, Intervention Intervention)>();
            foreach (var intervention in evidence.InterventionsOf(study)) arms.Add((nextArm++, intervention));
            long ArmOf(string? interventionId) => interventionId is null ? 0 : arms.First(a => string.Equals(a.Intervention.Id, interventionId, StringComparison.OrdinalIgnoreCase)).Id;
            string ArmTitle(long armId) => armId == 0 ? "" : Title(arms.First(a => a.Id == armId).Intervention);

            writer.WriteStartArray("Codes");
            var findings = evidence.FindingsOf(study);
            foreach (var field in EppiField.All)
            {
                switch (field.Level)
                {
                    case EppiLevel.Study:
                        foreach (var (value, text) in StudyValues(study, field)) WriteCode(_ids[field.Name + "|" + value], 0, "", text);
                        break;
                    case EppiLevel.Intervention:
                        foreach (var (armId, intervention) in arms)
                        {
                            foreach (string value in InterventionValues(intervention, field)) WriteCode(_ids[field.Name + "|" + value], armId, Title(intervention), null);
                        }
                        break;
                    default:
                        foreach (var (attribute, armId) in findings.Select(f => (AttributeOf(f), ArmOf(f.InterventionId))).Distinct())
                            WriteCode(attribute, armId, ArmTitle(armId), null);
                        break;
                }
            }
            writer.WriteEndArray();

            writer.WriteStartArray("Outcomes");
            foreach (var finding in findings)
            {
                long armId = ArmOf(finding.InterventionId);
                writer.WriteStartObject();
                writer.WriteNumber("OutcomeId", nextOutcome++);
                writer.WriteNumber("OutcomeTypeId", 0);
                writer.WriteString("OutcomeTypeName", "Manual entry");
                writer.WriteNumber("ItemAttributeIdOutcome", AttributeOf(finding));
                writer.WriteNumber("ItemArmIdGrp1", armId);
                writer.WriteString("grp1ArmName", ArmTitle(armId));
                writer.WriteString("Title", finding.Measure ?? "");
                writer.WriteString("OutcomeText", $"{finding.Domain}: {finding.Direction.Label()}");
                if (finding.Estimate is { } estimate)
                {
                    writer.WriteString("ESDesc", estimate.Metric);
                    writer.WriteNumber("ES", estimate.Value);
                    if (estimate.Lower is { } lower) writer.WriteNumber("CILower", lower);
                    if (estimate.Upper is { } upper) writer.WriteNumber("CIUpper", upper);
                    if (estimate.StandardError is { } se) writer.WriteNumber("SEES", se);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();

            writer.WriteStartArray("Arms");
            int ordering = 0;
            foreach (var (armId, intervention) in arms)
            {
                writer.WriteStartObject();
                writer.WriteNumber("ItemArmId", armId);
                writer.WriteNumber("ItemId", itemId);
                writer.WriteNumber("Ordering", ordering++);
                writer.WriteString("Title", Title(intervention));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("Timepoints");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static string Title(Intervention intervention) => $"{intervention.Id}: {intervention.Name}";

        private long AttributeOf(Finding finding) =>
            _ids["Outcome domain|" + evidence.Vocabularies.OutcomeDomains.Label(finding.Domain) + " > " + finding.Direction.Label()];

        private void WriteCode(long attributeId, long armId, string armTitle, string? additionalText)
        {
            writer.WriteStartObject();
            writer.WriteNumber("AttributeId", attributeId);
            writer.WriteString("AdditionalText", additionalText ?? "");
            writer.WriteNumber("ArmId", armId);
            writer.WriteString("ArmTitle", armTitle);
            writer.WriteEndObject();
        }

        /// <summary>A study's values of a field: the attribute's value label, and the code's additional text.</summary>
        private static IEnumerable<(string Value, string? Text)> StudyValues(Study study, EppiField field)
        {
            string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
            return field.Name switch
            {
                "Design" => [(study.Design.Label(), null)],
                "Countries" => study.Countries.Select(c => (c, (string?)null)),
                "Timing" => study.Timing is { } t ? [(t.Label(), null)] : [],
                "Months after birth" => study.MonthsAfterBirth is { } m ? [(field.Name, Number(m))] : [],
                "Sample size" => study.SampleSize is { } n ? [(field.Name, Number(n))] : [],
                "Publication type" => study.PublicationType is { } p ? [(p.Label(), null)] : [],
                "Risk of bias" => study.RiskOfBias is { } r ? [(Vocabularies.RiskOfBias.Label(r), null)] : [],
                _ => throw new InvalidOperationException($"{field.Name} is not a study field."),
            };
        }

        private IEnumerable<string> InterventionValues(Intervention intervention, EppiField field) => field.Name switch
        {
            "Intervention type" => intervention.Types.Select(t => evidence.Vocabularies.InterventionTypes.Label(t)),
            "Format" => intervention.Formats.Select(v => v.Label()),
            "Mode" => intervention.Modes.Select(v => v.Label()),
            "Deliverer" => intervention.Deliverers.Select(v => v.Label()),
            "Referral route" => intervention.ReferralRoutes.Select(v => v.Label()),
            "Link worker" => intervention.HasLinkWorker is { } yes ? [Vocabularies.YesNo.Label(yes)] : [],
            "Needs assessment" => intervention.NeedsAssessment is { } n ? [n.Label()] : [],
            "Follow-up" => intervention.FollowUp is { } f ? [f.Label()] : [],
            "Intervention timing" => intervention.Timing is { } t ? [t.Label()] : [],
            "Setting" => intervention.Setting is { } s ? [s] : [],
            "Typology level" => intervention.CodedLevel is { } l ? [l.Label()] : [],
            _ => throw new InvalidOperationException($"{field.Name} is not an intervention field."),
        };
    }
}
