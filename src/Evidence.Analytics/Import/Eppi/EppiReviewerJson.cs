using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Evidence.Analytics.Import;

namespace Evidence.Analytics;

/// <summary>The JSON that EPPI-Reviewer's "Save as JSON" writes and EPPI-Mapper reads: a review's code sets
/// (<c>CodeSets</c>, each a tree of <c>Attributes.AttributesList</c>) and its references with the codes applied to them
/// (<c>References[].Codes</c>), read into an evidence base and written from one.</summary>
/// <remarks>
/// <para>Code sets map to the evidence base's fields by name ("Design", "Intervention type", "Outcome domain",
/// "Countries", …), or as a mapping file says (a CSV file <c>Code,Field,Term</c>; see the README). A reference is a
/// study: its <c>OldItemId</c> (else its <c>ItemId</c>) is the study id. Its arms (<c>Arms</c>, titled
/// "id: name") are the interventions it evaluates, and a code applied to an arm describes that intervention; a
/// reference without arms evaluates one intervention of its own when it has intervention codes. Its outcomes
/// (<c>Outcomes</c>) are findings, and so is an outcome-domain code (whose child code, if any, is the direction of
/// effect) that no outcome covers.</para>
/// <para>Reading never throws for bad input: every problem comes back in the <see cref="ImportResult"/>, located by
/// reference (its position and <c>ItemId</c>), JSON field and code path; a code that maps to nothing is an error, not
/// left out.</para>
/// </remarks>
public static partial class EppiReviewerJson
{
    private const string CodeSetsSheet = "CodeSets";
    private const string ReferencesSheet = "References";

    /// <summary>Reads an EPPI-Reviewer JSON file into an evidence base.</summary>
    /// <param name="path">The .json file.</param>
    /// <param name="mappingPath">A mapping file (CSV: <c>Code,Field,Term</c>) for code sets not named like the fields, or null.</param>
    public static ImportResult Read(string path, string? mappingPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? json = ReadText(path, out string? failure);
        if (json is null) return WorkbookImporter.Failed(path, ProblemKind.UnreadableFile, failure!);
        string? mapping = null;
        if (mappingPath is not null && (mapping = ReadText(mappingPath, out failure)) is null)
            return WorkbookImporter.Failed(mappingPath, ProblemKind.UnreadableFile, failure!);
        return Parse(json, path, mapping, mappingPath);
    }

    private static string? ReadText(string path, out string? failure)
    {
        failure = null;
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure = $"Cannot read '{path}': {e.Message}";
            return null;
        }
    }

    /// <summary>Reads EPPI-Reviewer JSON text; <paramref name="file"/> names it in problems.</summary>
    internal static ImportResult Parse(string json, string file, string? mappingText = null, string? mappingFile = null)
    {
        var problems = new List<ImportProblem>();
        var mapping = mappingText is null ? EppiMapping.Default : EppiMapping.Read(mappingText, mappingFile ?? "mapping.csv", problems);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1, position = (e.BytePositionInLine ?? 0) + 1;
            problems.Add(new ImportProblem(ProblemKind.UnreadableFile, ProblemSeverity.Error, file, null, (int)line, null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"The file is not valid JSON: line {line}, position {position}: {FirstSentence(e.Message)}")));
            return new ImportResult(file, null, [.. problems], []);
        }
        using (document)
        {
            var reader = new EppiReader(file, mapping, problems);
            var evidence = reader.Read(document.RootElement);
            var ordered = problems.OrderBy(p => p.IsError ? 0 : 1).ThenBy(p => p.Sheet, StringComparer.Ordinal).ThenBy(p => p.Row ?? 0).ToImmutableArray();
            bool valid = evidence is not null && !ordered.Any(p => p.IsError);
            return new ImportResult(file, valid ? evidence : null, ordered, [new SheetImportCounts(ReferencesSheet, reader.ReferencesRead, reader.ReferencesImported)]);
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).Trim();
    }

    /// <summary>One code as found on a reference: what it maps to, its arm and its additional text.</summary>
    private sealed record AppliedCode(EppiReader.Attribute Attribute, long ArmId, string? AdditionalText);

    /// <summary>Accumulates the values of an intervention's fields, to build it and to compare two references' codings of it.</summary>
    private sealed class InterventionCoding(string id, string name, long itemId)
    {
        public string Id { get; } = id;
        public string Name { get; } = name;
        public long FirstItemId { get; } = itemId;
        public SortedDictionary<string, SortedSet<string>> Values { get; } = new(StringComparer.Ordinal);

        public void Add(string field, string value)
        {
            if (!Values.TryGetValue(field, out var set)) Values[field] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(value);
        }

        public string Signature => Name + "|" + string.Join("|", Values.Select(p => p.Key + "=" + string.Join(";", p.Value)));
    }

    private sealed class EppiReader(string file, EppiMapping mapping, List<ImportProblem> problems)
    {
        /// <summary>A code of the code sets: its path of names, and what it maps to (null field: ignored or unmapped).</summary>
        public sealed record Attribute(long Id, ImmutableArray<string> Path, EppiField? Field, string? Term, IReadOnlyList<string> Below, bool Mapped)
        {
            public string PathText => string.Join(" > ", Path);
        }

        private readonly Dictionary<long, Attribute> _attributes = [];
        private Vocabulary<InterventionType> _types = Vocabularies.InterventionType;
        private Vocabulary<OutcomeDomain> _domains = Vocabularies.OutcomeDomain;
        private int _order = 100;
        private readonly HashSet<long> _reportedUnmapped = [];

        public int ReferencesRead { get; private set; }

        public int ReferencesImported { get; private set; }

        private void Problem(ProblemKind kind, string sheet, int? row, string? column, string? value, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
            problems.Add(new ImportProblem(kind, severity, file, sheet, row, column, null, value, message));

        public EvidenceBase? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("References", out var references) || references.ValueKind != JsonValueKind.Array)
            {
                Problem(ProblemKind.MissingSheet, ReferencesSheet, null, null, null,
                    "The file is not an EPPI-Reviewer JSON export: it has no 'References' array (an export is an object {\"CodeSets\": […], \"References\": […]}).");
                return null;
            }
            if (root.TryGetProperty("CodeSets", out var codeSets) && codeSets.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (var set in codeSets.EnumerateArray()) ReadCodeSet(set, ++index);
            }
            else
            {
                Problem(ProblemKind.MissingSheet, CodeSetsSheet, null, null, null,
                    "The file has no 'CodeSets' array, so its references' codes cannot be named; export the review with its code sets.");
            }

            var studies = new List<Study>();
            var findings = new List<Finding>();
            var interventions = new Dictionary<string, InterventionCoding>(StringComparer.OrdinalIgnoreCase);
            var studyRows = new Dictionary<string, (int Row, long ItemId)>(StringComparer.OrdinalIgnoreCase);
            int row = 0;
            foreach (var reference in references.EnumerateArray())
            {
                row++;
                ReferencesRead++;
                int before = problems.Count(p => p.IsError);
                ReadReference(reference, row, studies, findings, interventions, studyRows);
                if (problems.Count(p => p.IsError) == before) ReferencesImported++;
            }
            if (problems.Any(p => p.IsError)) return null;
            var built = interventions.Values.Select(BuildIntervention).ToList();
            if (problems.Any(p => p.IsError)) return null;
            return new EvidenceBase(studies, built, findings, vocabularies: new ReviewVocabularies(_types, _domains));
        }

        private void ReadCodeSet(JsonElement set, int index)
        {
            string name = Text(set, "SetName") ?? "";
            if (name.Length == 0)
            {
                Problem(ProblemKind.MissingValue, CodeSetsSheet, index, "SetName", null, string.Create(CultureInfo.InvariantCulture, $"Code set {index} has no SetName."));
                return;
            }
            ReadAttributes(set, [name], index);
        }

        private void ReadAttributes(JsonElement parent, ImmutableArray<string> path, int setIndex)
        {
            if (!parent.TryGetProperty("Attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object
                || !attributes.TryGetProperty("AttributesList", out var list) || list.ValueKind != JsonValueKind.Array)
                return;
            foreach (var attribute in list.EnumerateArray())
            {
                string name = Text(attribute, "AttributeName") ?? "";
                long? id = Int64(attribute, "AttributeId");
                var own = path.Add(name);
                if (id is null)
                {
                    Problem(ProblemKind.MissingValue, CodeSetsSheet, setIndex, "AttributeId", string.Join(" > ", own), $"The code '{string.Join(" > ", own)}' has no AttributeId (a whole number).");
                    continue;
                }
                if (_attributes.TryGetValue(id.Value, out var other))
                {
                    Problem(ProblemKind.DuplicateId, CodeSetsSheet, setIndex, "AttributeId", id.Value.ToString(CultureInfo.InvariantCulture),
                        $"The codes '{other.PathText}' and '{string.Join(" > ", own)}' have the same AttributeId {id.Value.ToString(CultureInfo.InvariantCulture)}.");
                    continue;
                }
                bool mapped = mapping.TryResolve(own, out var field, out string? term, out var below, out bool ignored);
                var resolved = new Attribute(id.Value, own, ignored ? null : field, term, below, mapped);
                _attributes[id.Value] = resolved;
                if (mapped && !ignored && field!.IsExtensible) Declare(resolved, setIndex);
                ReadAttributes(attribute, own, setIndex);
            }
        }

        /// <summary>A name in an intervention-type or outcome-domain code set that the vocabulary lacks becomes the
        /// review's own term, as its Vocabulary sheet would declare it (a warning says so).</summary>
        private void Declare(Attribute attribute, int setIndex)
        {
            string? name = attribute.Term ?? (attribute.Below.Count > 0 ? attribute.Below[0] : null);
            if (name is null || (attribute.Field!.Name == "Outcome domain" && attribute.Term is null && attribute.Below.Count > 1)) return;
            bool known = attribute.Field.Name == "Intervention type" ? _types.TryParse(name, out _) : _domains.TryParse(name, out _);
            if (known) return;
            if (attribute.Field.Name == "Intervention type") _types = _types.With(new InterventionType(name.Trim(), _order++), name.Trim());
            else _domains = _domains.With(new OutcomeDomain(name.Trim(), _order++), name.Trim());
            Problem(ProblemKind.UnknownVocabulary, CodeSetsSheet, setIndex, "AttributeName", attribute.PathText,
                $"'{name.Trim()}' is not a built-in {attribute.Field.Vocabulary!.Field}; the code '{attribute.PathText}' declares it as the review's own term.",
                ProblemSeverity.Warning);
        }

        private void ReadReference(JsonElement reference, int row, List<Study> studies, List<Finding> findings,
            Dictionary<string, InterventionCoding> interventions, Dictionary<string, (int Row, long ItemId)> studyRows)
        {
            long? itemId = Int64(reference, "ItemId");
            if (itemId is null)
            {
                Problem(ProblemKind.MissingValue, ReferencesSheet, row, "ItemId", Text(reference, "ItemId"),
                    string.Create(CultureInfo.InvariantCulture, $"Reference {row} has no ItemId (a whole number)."));
                return;
            }
            string item = itemId.Value.ToString(CultureInfo.InvariantCulture);
            string where = string.Create(CultureInfo.InvariantCulture, $"Reference ItemId {item}");
            void Error(ProblemKind kind, string column, string? value, string message) => Problem(kind, ReferencesSheet, row, column, value, $"{where}: {message}");

            string id = Text(reference, "OldItemId") is { Length: > 0 } old ? old : item;
            if (studyRows.TryGetValue(id, out var earlier))
            {
                Error(ProblemKind.DuplicateId, "OldItemId", id, string.Create(CultureInfo.InvariantCulture,
                    $"the study id '{id}' is also the id of reference {earlier.Row} (ItemId {earlier.ItemId}); each reference is one study."));
                return;
            }
            studyRows[id] = (row, itemId.Value);
            string? title = Text(reference, "Title"), authors = Text(reference, "Authors"), yearText = Text(reference, "Year"), doi = Text(reference, "DOI");
            if (string.IsNullOrEmpty(title)) Error(ProblemKind.MissingValue, "Title", null, "the reference has no Title.");
            if (string.IsNullOrEmpty(authors)) Error(ProblemKind.MissingValue, "Authors", null, "the reference has no Authors.");
            int year = 0;
            if (string.IsNullOrEmpty(yearText)) Error(ProblemKind.MissingValue, "Year", null, "the reference has no Year.");
            else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year))
                Error(ProblemKind.NotANumber, "Year", yearText, $"the Year '{yearText}' is not a year.");
            else if (year is < Citation.MinYear or > Citation.MaxYear)
                Error(ProblemKind.YearOutOfRange, "Year", yearText, $"the Year {yearText} is outside {Citation.MinYear}–{Citation.MaxYear}.");

            // Arms: the interventions the study evaluates.
            var arms = new Dictionary<long, InterventionCoding>();
            var armOrder = new List<InterventionCoding>();
            if (reference.TryGetProperty("Arms", out var armList) && armList.ValueKind == JsonValueKind.Array)
            {
                foreach (var arm in armList.EnumerateArray())
                {
                    long? armId = Int64(arm, "ItemArmId");
                    string? armTitle = Text(arm, "Title");
                    if (armId is null || string.IsNullOrEmpty(armTitle))
                    {
                        Error(ProblemKind.MissingValue, "Arms", armTitle, "an arm has no ItemArmId or no Title.");
                        continue;
                    }
                    int colon = armTitle.IndexOf(": ", StringComparison.Ordinal);
                    var coding = new InterventionCoding(colon > 0 ? armTitle[..colon].Trim() : armTitle, colon > 0 ? armTitle[(colon + 2)..].Trim() : armTitle, itemId.Value);
                    if (!arms.TryAdd(armId.Value, coding) || armOrder.Any(a => string.Equals(a.Id, coding.Id, StringComparison.OrdinalIgnoreCase)))
                    {
                        Error(ProblemKind.DuplicateId, "Arms", armTitle, "two arms have the same ItemArmId or intervention id.");
                        continue;
                    }
                    armOrder.Add(coding);
                }
            }
            InterventionCoding? own = null;
            InterventionCoding OwnIntervention() => own ??= new InterventionCoding("I-" + id, Text(reference, "ShortTitle") is { Length: > 0 } shortTitle ? shortTitle : title ?? id, itemId.Value);

            // Codes.
            var study = new Dictionary<string, List<(string Value, string Path)>>(StringComparer.Ordinal);
            var domainCodes = new List<AppliedCode>();
            if (reference.TryGetProperty("Codes", out var codes) && codes.ValueKind == JsonValueKind.Array)
            {
                foreach (var code in codes.EnumerateArray())
                {
                    long? attributeId = Int64(code, "AttributeId");
                    if (attributeId is null || !_attributes.TryGetValue(attributeId.Value, out var attribute))
                    {
                        Error(ProblemKind.UnknownReference, "Codes", Text(code, "AttributeId"),
                            $"a code has the AttributeId {Text(code, "AttributeId") ?? "(none)"}, which no code set defines.");
                        continue;
                    }
                    long armId = Int64(code, "ArmId") ?? 0;
                    if (armId != 0 && !arms.ContainsKey(armId))
                    {
                        Error(ProblemKind.UnknownReference, "Codes", attribute.PathText,
                            string.Create(CultureInfo.InvariantCulture, $"the code '{attribute.PathText}' is applied to the arm {armId}, which is not one of the reference's Arms."));
                        continue;
                    }
                    if (!attribute.Mapped)
                    {
                        Error(ProblemKind.UnknownVocabulary, "Codes", attribute.PathText,
                            $"the code '{attribute.PathText}' maps to no field of the evidence base; name its code set after a field ({string.Join(", ", EppiField.All.Select(f => f.Name))}) or map it in a mapping file (Code,Field,Term; Field {EppiField.Ignore} to leave it out).");
                        continue;
                    }
                    if (attribute.Field is not { } field) continue; // ignored by the mapping file
                    var applied = new AppliedCode(attribute, armId, Text(code, "AdditionalText"));
                    if (field.Level == EppiLevel.Finding) { domainCodes.Add(applied); continue; }
                    string? value = ValueOf(applied, field, Error);
                    if (value is null) continue;
                    if (field.Level == EppiLevel.Study)
                    {
                        if (!study.TryGetValue(field.Name, out var values)) study[field.Name] = values = [];
                        if (!values.Any(v => v.Value == value)) values.Add((value, attribute.PathText));
                    }
                    else
                    {
                        var targets = armId != 0 ? [arms[armId]] : armOrder.Count > 0 ? armOrder : [OwnIntervention()];
                        foreach (var target in targets) target.Add(field.Name, value);
                    }
                }
            }

            // Findings: the outcomes, then outcome-domain codes no outcome covers.
            var studyFindings = new List<Finding>();
            var covered = new HashSet<(long, long)>();
            string? InterventionOf(long armId) => armId == 0 ? null : arms.TryGetValue(armId, out var arm) ? arm.Id : null;
            if (reference.TryGetProperty("Outcomes", out var outcomes) && outcomes.ValueKind == JsonValueKind.Array)
            {
                foreach (var outcome in outcomes.EnumerateArray())
                {
                    long? attributeId = Int64(outcome, "ItemAttributeIdOutcome");
                    if (attributeId is null || !_attributes.TryGetValue(attributeId.Value, out var attribute) || attribute.Field?.Level != EppiLevel.Finding)
                    {
                        Error(ProblemKind.UnknownReference, "Outcomes", Text(outcome, "Title"),
                            $"the outcome '{Text(outcome, "Title")}' has the ItemAttributeIdOutcome {Text(outcome, "ItemAttributeIdOutcome") ?? "(none)"}, which is not an outcome-domain code.");
                        continue;
                    }
                    long armId = Int64(outcome, "ItemArmIdGrp1") ?? 0;
                    if (armId != 0 && !arms.ContainsKey(armId))
                    {
                        Error(ProblemKind.UnknownReference, "Outcomes", Text(outcome, "Title"),
                            string.Create(CultureInfo.InvariantCulture, $"the outcome '{Text(outcome, "Title")}' is about the arm {armId}, which is not one of the reference's Arms."));
                        continue;
                    }
                    covered.Add((attribute.Id, armId));
                    if (!DomainOf(new AppliedCode(attribute, armId, null), Error, out var domain, out var direction)) continue;
                    EffectEstimate? estimate = null;
                    if (Text(outcome, "ESDesc") is { Length: > 0 } metric)
                    {
                        double? es = Number(outcome, "ES");
                        try
                        {
                            estimate = es is { } value
                                ? new EffectEstimate(metric, value, Number(outcome, "CILower"), Number(outcome, "CIUpper"), Number(outcome, "SEES"))
                                : throw new ArgumentException($"the outcome gives the metric '{metric}' but no ES (effect size).");
                        }
                        catch (ArgumentException e)
                        {
                            Error(ProblemKind.InvalidValue, "Outcomes", Text(outcome, "Title"), $"the outcome '{Text(outcome, "Title")}': {e.Message}");
                            continue;
                        }
                    }
                    studyFindings.Add(new Finding(id, InterventionOf(armId), domain!, direction, Text(outcome, "Title"), estimate));
                }
            }
            foreach (var code in domainCodes.Where(c => !covered.Contains((c.Attribute.Id, c.ArmId))))
            {
                if (DomainOf(code, Error, out var domain, out var direction))
                    studyFindings.Add(new Finding(id, InterventionOf(code.ArmId), domain!, direction, code.AdditionalText));
            }

            // The study.
            string? One(string field)
            {
                if (!study.TryGetValue(field, out var values)) return null;
                if (values.Count > 1)
                    Error(ProblemKind.InvalidValue, "Codes", string.Join("; ", values.Select(v => v.Path)),
                        $"the reference is coded with {values.Count} values of {field} ({string.Join("; ", values.Select(v => v.Path))}); a study has one.");
                return values[0].Value;
            }
            string? design = One("Design");
            if (design is null)
                Error(ProblemKind.MissingValue, "Codes", null, "no code gives the study's design (a code in a code set named Design, or one a mapping file maps to Design).");
            string? timing = One("Timing"), months = One("Months after birth"), size = One("Sample size"), publication = One("Publication type"), risk = One("Risk of bias");
            var countries = study.TryGetValue("Countries", out var countryValues) ? countryValues.Select(v => v.Value) : [];
            if (problems.Any(p => p.IsError && p.Sheet == ReferencesSheet && p.Row == row)) return;

            var interventionIds = new List<string>();
            foreach (var coding in own is null ? armOrder : [own])
            {
                interventionIds.Add(coding.Id);
                if (!interventions.TryGetValue(coding.Id, out var first)) interventions[coding.Id] = coding;
                else if (first.Signature != coding.Signature)
                    Error(ProblemKind.InvalidValue, "Arms", coding.Id, string.Create(CultureInfo.InvariantCulture,
                        $"the intervention '{coding.Id}' is named or coded differently here than on the reference with ItemId {first.FirstItemId}; an intervention is the same wherever it is evaluated."));
            }
            studies.Add(new Study(id, new Citation(authors!, year, title!, doi), Vocabularies.Design.Parse(design!), countries, interventionIds,
                timing is null ? null : Vocabularies.Timing.Parse(timing),
                months is null ? null : int.Parse(months, CultureInfo.InvariantCulture),
                size is null ? null : int.Parse(size, CultureInfo.InvariantCulture),
                publication is null ? null : Vocabularies.PublicationType.Parse(publication),
                risk is null ? null : Vocabularies.RiskOfBias.Parse(risk)));
            findings.AddRange(studyFindings);
        }

        /// <summary>The canonical value a code gives its field, or null with an error.</summary>
        private string? ValueOf(AppliedCode code, EppiField field, Action<ProblemKind, string, string?, string> error)
        {
            var attribute = code.Attribute;
            if (field.Value == EppiValue.Number)
            {
                string? text = code.AdditionalText?.Trim();
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n)) return n.ToString(CultureInfo.InvariantCulture);
                error(ProblemKind.NotANumber, "Codes", text, $"the code '{attribute.PathText}' gives {field.Name}, so its AdditionalText must be a whole number ≥ 0, not '{text}'.");
                return null;
            }
            string? name = attribute.Term ?? (attribute.Below.Count > 0 ? attribute.Below[0] : null);
            if (name is null)
            {
                error(ProblemKind.InvalidValue, "Codes", attribute.PathText, $"the code '{attribute.PathText}' is the code set (or mapped path) itself, not a value of {field.Name}; code one of its children.");
                return null;
            }
            if (field.Value == EppiValue.Text) return name.Trim();
            var vocabulary = field.Name == "Intervention type" ? _types : field.Vocabulary!;
            if (vocabulary.LabelOf(name) is { } label)
            {
                WarnIfRelated(vocabulary, name, label, attribute);
                return label;
            }
            error(ProblemKind.UnknownVocabulary, "Codes", attribute.PathText, $"the code '{attribute.PathText}': {vocabulary.UnknownMessage(name)}");
            return null;
        }

        private readonly HashSet<long> _warnedRelated = [];

        /// <summary>A code named by a related construct the vocabulary counts as a broader term ("Loneliness" as Social
        /// connection) is counted so with a warning, once per code, as the workbook import does.</summary>
        private void WarnIfRelated(ControlledVocabulary vocabulary, string name, string label, Attribute attribute)
        {
            bool related = vocabulary switch
            {
                Vocabulary<InterventionType> types => types.TryParse(name, out _, out bool r) && r,
                Vocabulary<OutcomeDomain> domains => domains.TryParse(name, out _, out bool r) && r,
                _ => vocabulary.Terms.Any(t => t.RelatedConstructs.Any(c => Vocabulary<string>.Key(c) == Vocabulary<string>.Key(name))),
            };
            if (!related || !_warnedRelated.Add(attribute.Id)) return;
            Problem(ProblemKind.RelatedConstruct, CodeSetsSheet, null, "AttributeName", attribute.PathText,
                $"The code '{attribute.PathText}' names '{name}', which the {vocabulary.Field} vocabulary counts as '{label}' (a related construct).",
                ProblemSeverity.Warning);
        }

        /// <summary>The outcome domain and direction of effect an outcome-domain code gives.</summary>
        private bool DomainOf(AppliedCode code, Action<ProblemKind, string, string?, string> error, out OutcomeDomain? domain, out Direction direction)
        {
            var attribute = code.Attribute;
            domain = null;
            direction = Direction.NotReported;
            var below = attribute.Below;
            string? name = attribute.Term ?? (below.Count > 0 ? below[0] : null);
            var rest = attribute.Term is null ? below.Skip(1).ToList() : [.. below];
            if (name is null || !_domains.TryParse(name, out var found))
            {
                error(name is null ? ProblemKind.InvalidValue : ProblemKind.UnknownVocabulary, "Codes", attribute.PathText,
                    name is null ? $"the code '{attribute.PathText}' is the outcome-domain code set itself; code a domain." : $"the code '{attribute.PathText}': {_domains.UnknownMessage(name)}");
                return false;
            }
            domain = found;
            WarnIfRelated(_domains, name, _domains.Label(found), attribute);
            if (rest.Count == 0) return true;
            if (rest.Count == 1 && Vocabularies.Direction.TryParse(rest[0], out direction)) return true;
            error(ProblemKind.UnknownVocabulary, "Codes", attribute.PathText,
                $"the code '{attribute.PathText}' is below the outcome domain '{found}', where a code is a direction of effect: {Vocabularies.Direction.UnknownMessage(string.Join(" > ", rest))}");
            return false;
        }

        private Intervention BuildIntervention(InterventionCoding coding)
        {
            IEnumerable<string> All(string field) => coding.Values.TryGetValue(field, out var set) ? set : [];
            string? One(string field)
            {
                var values = All(field).ToList();
                if (values.Count > 1)
                    Problem(ProblemKind.InvalidValue, ReferencesSheet, null, "Codes", string.Join("; ", values),
                        string.Create(CultureInfo.InvariantCulture, $"The intervention '{coding.Id}' (first on the reference with ItemId {coding.FirstItemId}) is coded with {values.Count} values of {field}; it has one."));
                return values.FirstOrDefault();
            }
            string? linkWorker = One("Link worker"), needs = One("Needs assessment"), followUp = One("Follow-up"), timing = One("Intervention timing"),
                setting = One("Setting"), level = One("Typology level");
            return new Intervention(coding.Id, coding.Name,
                All("Intervention type").Select(_types.Parse),
                All("Format").Select(Vocabularies.DeliveryFormat.Parse),
                All("Mode").Select(Vocabularies.DeliveryMode.Parse),
                All("Deliverer").Select(Vocabularies.Deliverer.Parse),
                All("Referral route").Select(Vocabularies.ReferralRoute.Parse),
                linkWorker is null ? null : Vocabularies.YesNo.Parse(linkWorker),
                needs is null ? null : Vocabularies.NeedsAssessment.Parse(needs),
                followUp is null ? null : Vocabularies.FollowUp.Parse(followUp),
                timing is null ? null : Vocabularies.Timing.Parse(timing),
                setting,
                level is null ? null : Vocabularies.TypologyLevel.Parse(level));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()?.Trim() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static long? Int64(JsonElement element, string name) =>
        Text(element, name) is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;

    private static double? Number(JsonElement element, string name) =>
        Text(element, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;
}
