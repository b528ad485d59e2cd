using System.Text.Json;
using Evidence.Analytics.Tests.Excel;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Interop;

public class EppiReviewerJsonTests
{
    private static readonly DateOnly Exported = new(2026, 11, 26);

    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx");

    /// <summary>What EPPI-Reviewer JSON can hold of an evidence base, in the order the reader gives it back: the studies;
    /// the interventions some study evaluates, in the order the studies first name them; the findings grouped by study
    /// (in each study, in their own order). No flow, configurations or title: EPPI-Reviewer has no place for them.</summary>
    private static EvidenceBase Carried(EvidenceBase evidence)
    {
        var interventions = evidence.Studies.SelectMany(s => s.InterventionIds).Distinct(StringComparer.OrdinalIgnoreCase).Select(evidence.Intervention);
        var findings = evidence.Studies.SelectMany(s => evidence.FindingsOf(s));
        return new EvidenceBase(evidence.Studies, interventions, findings, vocabularies: evidence.Vocabularies);
    }

    private static ImportResult RoundTrip(EvidenceBase evidence) =>
        EppiReviewerJson.Parse(EppiReviewerJson.ToJson(evidence, Exported), "roundtrip.json");

    [Fact]
    public void WriteThenRead_AnyEvidenceBase_GivesTheSameStudiesInterventionsAndFindings()
    {
        Prop.ForAll(EvidenceGen.EvidenceBase.ToArbitrary(), evidence =>
        {
            var result = RoundTrip(evidence);
            Assert.True(result.IsValid, string.Join("\n", result.Problems));
            Assert.Equal(EvidenceDump.Of(Carried(evidence)), EvidenceDump.Of(result.Evidence!));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WriteThenRead_Sample_GivesTheSameEvidenceFieldByField()
    {
        var evidence = EvidenceWorkbook.Read(SamplePath).GetEvidenceOrThrow();

        var result = RoundTrip(evidence);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(EvidenceDump.Of(Carried(evidence)), EvidenceDump.Of(result.Evidence!));
        Assert.Equal(evidence.Studies.Length, result.Sheets.Single().RowsImported);
    }

    [Fact]
    public void Write_Sample_IsDeterministicWithEppiDatesIdsAndNoEmptyFullTextDetails()
    {
        var evidence = EvidenceWorkbook.Read(SamplePath).GetEvidenceOrThrow();

        string first = EppiReviewerJson.ToJson(evidence, Exported), second = EppiReviewerJson.ToJson(evidence, Exported);

        Assert.Equal(first, second);
        Assert.DoesNotContain("ItemAttributeFullTextDetails", first, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(first);
        var references = json.RootElement.GetProperty("References");
        Assert.Equal(evidence.Studies.Length, references.GetArrayLength());
        var reference = references[0];
        Assert.Equal("26/11/2026", reference.GetProperty("DateCreated").GetString());
        Assert.Equal(JsonValueKind.Number, reference.GetProperty("ItemId").ValueKind);
        Assert.Equal(evidence.Studies[0].Id, reference.GetProperty("OldItemId").GetString());
        // Every code a reference carries is defined in the code sets.
        var defined = new HashSet<long>();
        void Collect(JsonElement parent)
        {
            foreach (var attribute in parent.GetProperty("Attributes").GetProperty("AttributesList").EnumerateArray())
            {
                defined.Add(attribute.GetProperty("AttributeId").GetInt64());
                Collect(attribute);
            }
        }
        foreach (var set in json.RootElement.GetProperty("CodeSets").EnumerateArray()) Collect(set);
        Assert.All(references.EnumerateArray().SelectMany(r => r.GetProperty("Codes").EnumerateArray()),
            code => Assert.Contains(code.GetProperty("AttributeId").GetInt64(), defined));
        // The outcome-domain code set nests the directions under each domain: 7 domains × 5 directions.
        var domains = json.RootElement.GetProperty("CodeSets").EnumerateArray().Single(s => s.GetProperty("SetName").GetString() == "Outcome domain");
        var list = domains.GetProperty("Attributes").GetProperty("AttributesList");
        Assert.Equal(evidence.Vocabularies.OutcomeDomains.Values.Count, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), d => Assert.Equal(5, d.GetProperty("Attributes").GetProperty("AttributesList").GetArrayLength()));
    }

    // A hand-made export as EPPI-Reviewer writes one: 64-bit ids, dd/MM/yyyy dates, nested codes, arms, an outcome, a code
    // set named otherwise than the fields ("Study design", mapped) and a screening code set (ignored by the mapping).
    internal const string HandMade = """
        {
          "CodeSets": [
            { "SetName": "Study design", "SetId": 7001, "ReviewSetId": 7001, "SetType": { "SetTypeName": "Standard" },
              "Attributes": { "AttributesList": [
                { "AttributeId": 5000000101, "AttributeName": "Randomised controlled trial", "AttributeType": "Selectable (show checkbox)", "Attributes": { "AttributesList": [] } },
                { "AttributeId": 5000000102, "AttributeName": "Qualitative study", "Attributes": { "AttributesList": [] } } ] } },
            { "SetName": "Intervention type", "SetId": 7002,
              "Attributes": { "AttributesList": [
                { "AttributeId": 5000000201, "AttributeName": "Social support", "AttributeType": "Not selectable (no checkbox)",
                  "Attributes": { "AttributesList": [ { "AttributeId": 5000000202, "AttributeName": "Peer-led groups" } ] } },
                { "AttributeId": 5000000203, "AttributeName": "Education", "Attributes": { "AttributesList": [] } },
                { "AttributeId": 5000000204, "AttributeName": "Doula support", "Attributes": { "AttributesList": [] } } ] } },
            { "SetName": "Outcomes", "SetId": 7003,
              "Attributes": { "AttributesList": [
                { "AttributeId": 5000000301, "AttributeName": "Mental health",
                  "Attributes": { "AttributesList": [
                    { "AttributeId": 5000000302, "AttributeName": "Improved" },
                    { "AttributeId": 5000000303, "AttributeName": "No difference" } ] } },
                { "AttributeId": 5000000304, "AttributeName": "Loneliness" } ] } },
            { "SetName": "Screening", "SetId": 7004,
              "Attributes": { "AttributesList": [ { "AttributeId": 5000000401, "AttributeName": "Include" } ] } },
            { "SetName": "Country", "SetId": 7005,
              "Attributes": { "AttributesList": [
                { "AttributeId": 5000000501, "AttributeName": "UK" },
                { "AttributeId": 5000000502, "AttributeName": "Canada" } ] } }
          ],
          "References": [
            { "ItemId": 9000000001, "Title": "Peer groups for new mothers", "ShortTitle": "Adams (2019)", "Authors": "Adams A; Brown B",
              "Year": "2019", "DateCreated": "03/02/2024", "DOI": "10.1000/a1",
              "Codes": [ { "AttributeId": 5000000101, "AdditionalText": "", "ArmId": 0 },
                         { "AttributeId": 5000000202, "AdditionalText": "" },
                         { "AttributeId": 5000000302, "AdditionalText": "EPDS",
                           "ItemAttributeFullTextDetails": [ { "ItemDocumentId": 1, "Text": "EPDS scores fell", "IsFromPDF": true } ] },
                         { "AttributeId": 5000000501 } ] },
            { "ItemId": 9000000002, "OldItemId": "S2", "Title": "Home visits and classes", "Authors": "Chen C", "Year": "2021",
              "Arms": [ { "ItemArmId": 11, "Title": "A: Antenatal classes" }, { "ItemArmId": 12, "Title": "B: Doula home visits" } ],
              "Codes": [ { "AttributeId": 5000000102 },
                         { "AttributeId": 5000000203, "ArmId": 11, "ArmTitle": "A: Antenatal classes" },
                         { "AttributeId": 5000000204, "ArmId": 12, "ArmTitle": "B: Doula home visits" },
                         { "AttributeId": 5000000301 },
                         { "AttributeId": 5000000303, "ArmId": 11 },
                         { "AttributeId": 5000000304, "ArmId": 12, "AdditionalText": "UCLA Loneliness Scale" },
                         { "AttributeId": 5000000502 } ],
              "Outcomes": [ { "OutcomeId": 1, "ItemAttributeIdOutcome": 5000000303, "ItemArmIdGrp1": 11, "Title": "EPDS",
                              "ESDesc": "SMD", "ES": -0.3, "CILower": -0.6, "CIUpper": 0.0 } ] },
            { "ItemId": 9000000003, "Title": "A trial", "Authors": "Diaz D", "Year": "2020",
              "Codes": [ { "AttributeId": 5000000101 }, { "AttributeId": 5000000401 }, { "AttributeId": 5000000501 }, { "AttributeId": 5000000502 } ] }
          ]
        }
        """;

    internal const string HandMadeMapping = "Code,Field,Term\nStudy design,Design,\nScreening,Ignore,\n";

    [Fact]
    public void Read_HandMadeExportWithNestedCodes_ImportsTheExpectedCounts()
    {
        var result = EppiReviewerJson.Parse(HandMade, "handmade.json", HandMadeMapping, "mapping.csv");

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var evidence = result.Evidence!;
        // 3 references; interventions: reference 1's own (no arms, an intervention code) and reference 2's two arms.
        Assert.Equal(["9000000001", "S2", "9000000003"], evidence.Studies.Select(s => s.Id));
        Assert.Equal(["I-9000000001", "A", "B"], evidence.Interventions.Select(i => i.Id));
        Assert.Equal("Adams (2019)", evidence.Intervention("I-9000000001").Name);
        // "Peer-led groups" is nested under Social support, so it is Social support; "Education" is a spelling of
        // Education/information; "Doula support" is the review's own type (a warning says so).
        Assert.Equal(["Social support"], evidence.Intervention("I-9000000001").Types.Select(t => t.Name));
        Assert.Equal(["Education/information"], evidence.Intervention("A").Types.Select(t => t.Name));
        Assert.Equal(["Doula support"], evidence.Intervention("B").Types.Select(t => t.Name));
        Assert.Equal([StudyDesign.Rct, StudyDesign.Qualitative, StudyDesign.Rct], evidence.Studies.Select(s => s.Design));
        Assert.Equal(["UK", "Canada"], evidence.Study("9000000003").Countries.ToArray());
        // Findings: reference 1's code (Mental health > Improved, measure in its text); reference 2's outcome (EPDS, with
        // its estimate), its Mental health code that no outcome covers (no direction: Not reported) and its Loneliness
        // code on arm B (Social connection, a related construct). Reference 3 has none: 4 in all.
        Assert.Equal(4, evidence.Findings.Length);
        var first = evidence.FindingsOf(evidence.Study("9000000001")).Single();
        Assert.Equal(("Mental health", Direction.Improved, "EPDS", (string?)null), (first.Domain.Name, first.Direction, first.Measure, first.InterventionId));
        var s2 = evidence.FindingsOf(evidence.Study("S2"));
        Assert.Equal(
            ["A Mental health No difference EPDS SMD -0.3 (-0.6 to 0)", "∅ Mental health Not reported ∅ ∅", "B Social connection Not reported UCLA Loneliness Scale ∅"],
            s2.Select(f => $"{f.InterventionId ?? "∅"} {f.Domain} {f.Direction.Label()} {f.Measure ?? "∅"} {f.Estimate?.ToString() ?? "∅"}"));
        Assert.Equal(2019, evidence.Study("9000000001").Citation.Year);
        Assert.Equal("10.1000/a1", evidence.Study("9000000001").Citation.Doi);
        Assert.Contains(result.Warnings, w => w.Kind == ProblemKind.UnknownVocabulary && w.Value == "Intervention type > Doula support");
        Assert.Contains(result.Warnings, w => w.Kind == ProblemKind.RelatedConstruct && w.Value == "Outcomes > Loneliness");
    }

    [Fact]
    public void Read_UnmappedCode_IsAnErrorNamingTheCodePathAndTheReference()
    {
        var result = EppiReviewerJson.Parse(HandMade, "handmade.json", "Code,Field,Term\nStudy design,Design,\n", "mapping.csv");

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("References", 3, "Codes", "Screening > Include"), (error.Sheet, error.Row, error.Column, error.Value));
        Assert.Contains("ItemId 9000000003", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ignore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoMappingFile_CodeSetsNamedOtherwiseAreErrorsForEveryReferenceCodedWithThem()
    {
        var result = EppiReviewerJson.Parse(HandMade, "handmade.json");

        // "Study design" is an alias of Design, so only the screening code is unmapped.
        Assert.Equal(["Screening > Include"], result.Errors.Select(e => e.Value));
    }

    [Fact]
    public void Read_UnknownDirectionBelowADomain_IsALocatedError()
    {
        string json = HandMade.Replace("\"AttributeName\": \"No difference\"", "\"AttributeName\": \"Somewhat\"", StringComparison.Ordinal);

        var result = EppiReviewerJson.Parse(json, "handmade.json", HandMadeMapping, "mapping.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal(("References", 2, "Outcomes > Mental health > Somewhat"), (error.Sheet, error.Row, error.Value));
        Assert.Contains("ItemId 9000000002", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidJson_IsAnErrorWithItsLine()
    {
        var result = EppiReviewerJson.Parse("{\n  \"CodeSets\": [],\n  \"References\": [ { \"ItemId\": 1, } oops ]\n}", "bad.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal((ProblemKind.UnreadableFile, 3), (error.Kind, error.Row));
        Assert.Contains("not valid JSON: line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAnExport_SaysWhatAnExportIs()
    {
        var result = EppiReviewerJson.Parse("[1, 2]", "array.json");

        Assert.Contains("'References' array", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadMappingFile_IsALocatedErrorOfTheMappingFile()
    {
        var result = EppiReviewerJson.Parse(HandMade, "handmade.json", "Code,Field,Term\nStudy design,Designs,\nScreening,Typology,\n", "mapping.csv");

        var error = result.Errors.First(e => e.File == "mapping.csv");
        Assert.Equal(("Mapping", 3, "Field", "Typology"), (error.Sheet, error.Row, error.Column, error.Value));
    }
}
