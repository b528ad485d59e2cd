using System.Text;
using System.Text.RegularExpressions;

namespace Evidence.Analytics.Tests.Screening;

public sealed partial class RecordFileTests
{
    private static RecordImport ReadText(string text, string fileName) =>
        RecordFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName);

    /// <summary>A stream that cannot seek or tell its length, as a network stream.</summary>
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }

    [Fact]
    public void Read_Csv_FromAFileAndFromAStreamWithoutALength_GivesTheSameRecords()
    {
        byte[] csv = Encoding.UTF8.GetBytes("title,abstract,included\nSocial prescribing,Link workers,1\nLoneliness,\"A, quoted\",0\n");
        string path = Path.Combine(Path.GetTempPath(), $"records-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, csv);
        try
        {
            var fromFile = RecordFile.Read(path).GetRecordsOrThrow();
            var fromStream = RecordFile.Read(new OneWayStream(csv), "records.csv").GetRecordsOrThrow();

            Assert.Equal(["Social prescribing Link workers", "Loneliness A, quoted"], fromFile.Select(r => r.Text));
            Assert.Equal(fromFile.Select(r => (r.Text, r.Included, r.Line)), fromStream.Select(r => (r.Text, r.Included, r.Line)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_CsvLargerThanTheLimit_IsRefusedWhetherTheStreamKnowsItsLengthOrNot()
    {
        // 42 bytes (5 + 1 + 33 + 1 + 2) against a limit of 41.
        byte[] csv = Encoding.ASCII.GetBytes("title\nSocial prescribing for loneliness\n12");
        var options = new ImportOptions { MaxUncompressedBytes = 41 };

        var known = Assert.Single(RecordFile.Read(new MemoryStream(csv), "records.csv", options).Problems);
        var unknown = Assert.Single(RecordFile.Read(new OneWayStream(csv), "records.csv", options).Problems);

        Assert.Equal((ProblemKind.TooLarge, "records.csv"), (known.Kind, known.File));
        Assert.Equal((ProblemKind.TooLarge, "records.csv"), (unknown.Kind, unknown.File));
        Assert.Contains("larger than 41 bytes", known.Message, StringComparison.Ordinal);
        Assert.Equal(2, RecordFile.Read(new OneWayStream(csv), "records.csv", new ImportOptions { MaxUncompressedBytes = 42 }).GetRecordsOrThrow().Length);
    }

    public static TheoryData<string> RisFixtures() =>
    [
        "_baseline.ris", "baseline_empty_values.ris", "baseline_reference_types.ris", "baseline_tag-notes.ris",
        "baseline_tag-notes_labels.ris", "baseline_tag-notes_zotero.ris", "baseline_tag_and_field_definitions.ris",
        "baseline_tag_and_field_definitions_lists.ris", "baseline_zotero.ris", "embase.ris", "faulty_year.ris",
        "ovid_psycinfo.ris", "ovid_zotero.ris", "proquest.ris", "pubmed_zotero.ris", "scopus.ris", "pubmed_endnote.txt",
        "ris_issue_1099.txt", "ris_issue_992.txt", "web_of_science.txt",
    ];

    [GeneratedRegex(@"^\uFEFF?TY  -", RegexOptions.Multiline)]
    private static partial Regex RecordStart();

    [DatasetTheory("asreview-fixtures")]
    [MemberData(nameof(RisFixtures))]
    public void Read_RisFixture_ImportsOneRecordPerTyLineWithoutErrors(string name)
    {
        string path = SharedDatasets.Fixture(name);
        // Counted independently of the reader: the lines that open a record.
        int expected = RecordStart().Count(File.ReadAllText(path));

        var import = RecordFile.Read(path);

        Assert.True(import.IsValid, string.Join("\n", import.Problems));
        Assert.Equal(expected, import.Records.Length);
        Assert.All(import.Records, r => Assert.Equal(name, r.File));
    }

    [DatasetTheory("asreview-fixtures")]
    [InlineData("_baseline.ris", 100)]
    [InlineData("embase.ris", 6)]
    [InlineData("pubmed_zotero.ris", 6)]
    [InlineData("pubmed_endnote.txt", 6)]
    [InlineData("scopus.ris", 6)]
    [InlineData("ovid_zotero.ris", 6)]
    [InlineData("proquest.ris", 6)]
    [InlineData("web_of_science.txt", 10)]
    [InlineData("embase.csv", 6)]
    [InlineData("embase_newpage.csv", 6)]
    [InlineData("generic.csv", 2)]
    [InlineData("generic_semicolon.csv", 2)]
    [InlineData("generic_tab.csv", 2)]
    [InlineData("generic_tab.tab", 2)]
    [InlineData("generic_tab.tsv", 2)]
    [InlineData("generic_labels.csv", 6)]
    public void Read_Fixture_HasAsreviewsRecordCount(string name, int records)
    {
        var import = RecordFile.Read(SharedDatasets.Fixture(name));

        Assert.True(import.IsValid, string.Join("\n", import.Problems));
        Assert.Equal(records, import.Records.Length);
        Assert.All(import.Records, r => Assert.False(r.Title is null && r.Abstract is null));
    }

    [DatasetFact("asreview-fixtures/web_of_science.txt")]
    public void Read_WebOfScience_ReadsTheFirstRecordsFields()
    {
        var record = RecordFile.Read(SharedDatasets.Fixture("web_of_science.txt")).Records[0];

        Assert.Equal("Holding Yourself Captive: Perceptions of Custody During Interviews and Interrogations", record.Title);
        Assert.Equal(["Alceste, F", "Luke, TJ", "Kassin, SM"], record.Authors.ToArray());
        Assert.Equal("JOURNAL OF APPLIED RESEARCH IN MEMORY AND COGNITION", record.Journal);
        Assert.Equal(2018, record.Year);
        Assert.Equal("10.1016/j.jarmac.2018.03.001", record.Doi);
        Assert.Equal(["Police custody", "Interview", "Interrogation", "Perception of freedom"], record.Keywords.Take(4));
        Assert.StartsWith("Police custody activates important legal safeguards.", record.Abstract, StringComparison.Ordinal);
        Assert.Equal(1, record.Line);
    }

    [DatasetFact("asreview-fixtures/scopus.ris")]
    public void Read_Scopus_ReadsDatabaseAndKeywords()
    {
        var record = RecordFile.Read(SharedDatasets.Fixture("scopus.ris")).Records[0];

        Assert.Equal("Scopus", record.Database);
        Assert.Equal("Psychoneuroendocrinology", record.Journal);
        Assert.Equal(2020, record.Year);
        Assert.Equal("10.1016/j.psyneuen.2019.104501", record.Doi);
        Assert.Equal(["Labanski, A.", "Langhorst, J.", "Engler, H.", "Elsenbruch, S."], record.Authors.ToArray());
        Assert.Equal(9, record.Keywords.Length);
    }

    [DatasetFact("asreview-fixtures/ris_issue_992.txt")]
    public void Read_KeywordContinuationLines_AreKeywordsOfTheirOwn()
    {
        var record = RecordFile.Read(SharedDatasets.Fixture("ris_issue_992.txt")).Records[0];

        Assert.Equal(["Health Facility Administration", "Joint Commission", "Standards", "Medication Errors"], record.Keywords.Take(4));
    }

    [DatasetFact("asreview-fixtures/baseline_tag-notes_labels.ris")]
    public void Read_AsreviewLabelsInNotes_AreTheLabels()
    {
        var records = RecordFile.Read(SharedDatasets.Fixture("baseline_tag-notes_labels.ris")).Records;

        // ASReview's own expectations (tests/test_readers.py): relevant, irrelevant, not seen, repeating; the last has no notes.
        bool?[] expected = [true, false, null, null, .. Enumerable.Range(0, 9).SelectMany(_ => new bool?[] { true, false, null }), null];
        Assert.Equal(expected, records.Select(r => r.Included));
    }

    [DatasetFact("asreview-fixtures/baseline_tag_and_field_definitions.ris")]
    public void Read_LinesAfterTheRecordsEnd_AreWarningsNamingTheLine()
    {
        var import = RecordFile.Read(SharedDatasets.Fixture("baseline_tag_and_field_definitions.ris"));

        // "ER  - End of Reference" ends the record; the "UK" line and the last "ER" line are outside any record.
        Assert.Equal("Title", Assert.Single(import.Records).Title);
        Assert.True(import.IsValid);
        Assert.Equal([(ProblemKind.NotANumber, ProblemSeverity.Warning, "Publication Year"), (ProblemKind.MalformedRecord, ProblemSeverity.Warning, "UK  - Unknown Tag"), (ProblemKind.MalformedRecord, ProblemSeverity.Warning, "ER  -")],
            import.Problems.Select(p => (p.Kind, p.Severity, p.Value)));
    }

    [DatasetFact("asreview-fixtures/faulty_year.ris")]
    public void Read_FaultyYear_IsAWarningAndNoYear()
    {
        var import = RecordFile.Read(SharedDatasets.Fixture("faulty_year.ris"));

        var problem = Assert.Single(import.Problems);
        Assert.Equal((ProblemKind.NotANumber, ProblemSeverity.Warning, 3, "PY", "10 15"), (problem.Kind, problem.Severity, problem.Row, problem.Column, problem.Value));
        Assert.Null(Assert.Single(import.Records).Year);
    }

    [Fact]
    public void Read_RisRecordWithoutEr_IsAnErrorNamingTheRecordAndLine()
    {
        var import = ReadText("TY  - JOUR\nTI  - First\nER  - \n\nTY  - JOUR\nTI  - Second\nAB  - Text\nTY  - JOUR\nTI  - Third\nER  -\n", "refs.ris");

        Assert.False(import.IsValid);
        var problem = Assert.Single(import.Problems);
        Assert.Equal((ProblemKind.MalformedRecord, ProblemSeverity.Error, "refs.ris", 5, "ER"), (problem.Kind, problem.Severity, problem.File, problem.Row, problem.Column));
        Assert.Contains("Record 2 (line 5, 'Second') has no 'ER  -' line before the next record starts on line 8", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["First", "Third"], import.Records.Select(r => r.Title));
        Assert.Equal(["1", "3"], import.Records.Select(r => r.Id));
    }

    [Fact]
    public void Read_RisFileEndingInsideARecord_IsAnError()
    {
        var import = ReadText("TY  - JOUR\nTI  - Only\n", "refs.ris");

        var problem = Assert.Single(import.Problems);
        Assert.Contains("before the end of the file", problem.Message, StringComparison.Ordinal);
        Assert.Empty(import.Records);
    }

    [Fact]
    public void Read_Medline_ReadsPubmedFields()
    {
        const string text = """
            PMID- 31234567
            OWN - NLM
            DP  - 2019 Jun 12
            TI  - Nudging clinicians towards evidence: a trial of
                  reminders.
            LID - 10.1000/XYZ.1 [doi]
            AB  - Background text.
            FAU - Smith, Jane
            AU  - Smith J
            AU  - Jones K
            OT  - nudge
            MH  - Humans
            JT  - Journal of Trials
            TA  - J Trials

            PMID- 31234568
            TI  - Second record.
            DP  - 2020

            """;
        var import = ReadText(text, "pubmed.txt");

        Assert.True(import.IsValid, string.Join("\n", import.Problems));
        Assert.Equal(2, import.Records.Length);
        var first = import.Records[0];
        Assert.Equal(("31234567", "Nudging clinicians towards evidence: a trial of reminders.", 2019, "10.1000/XYZ.1", "Journal of Trials", "PubMed"),
            (first.Id, first.Title, first.Year, first.Doi, first.Journal, first.Database));
        Assert.Equal(["Smith J", "Jones K"], first.Authors.ToArray());
        Assert.Equal(["nudge", "Humans"], first.Keywords.ToArray());
        Assert.Equal(16, import.Records[1].Line);
    }

    [Fact]
    public void Read_CsvWithoutTitleColumn_IsALocatedError()
    {
        var import = ReadText("abstract,label_included\nSome text,1\n", "records.csv");

        var problem = Assert.Single(import.Problems);
        Assert.Equal((ProblemKind.MissingColumn, 1, "title"), (problem.Kind, problem.Row, problem.Column));
        Assert.Contains("'abstract', 'label_included'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LabelMaybe_IsALocatedError()
    {
        var import = ReadText("title,abstract,included\nA,x,1\nB,y,maybe\nC,z,\n", "records.csv");

        var problem = Assert.Single(import.Problems);
        Assert.Equal((ProblemKind.UnknownVocabulary, "records.csv", 3, "included", "C3", "maybe"),
            (problem.Kind, problem.File, problem.Row, problem.Column, problem.Cell, problem.Value));
        Assert.Equal([true, null], import.Records.Select(r => r.Included));
    }

    [Fact]
    public void Read_LabelColumns_FollowAsreviewsPriority()
    {
        // label_included comes after included in ASReview's list, so included is the label.
        var import = ReadText("Title,label_included,Included,Authors,Year,DOI\nA,0,1,Smith; Jones,2019.0,10.1/a\n", "records.csv");

        var record = Assert.Single(import.Records);
        Assert.True(record.Included);
        Assert.Equal(["Smith", "Jones"], record.Authors.ToArray());
        Assert.Equal((2019, "10.1/a", 2), (record.Year, record.Doi, record.Line));
    }

    [DatasetFact("asreview-fixtures/generic_partial_labels.csv")]
    public void Read_PartialLabels_LeavesBlankLabelsUnlabelled()
    {
        var records = RecordFile.Read(SharedDatasets.Fixture("generic_partial_labels.csv")).Records;

        Assert.Equal([true, false, null, null, true, false], records.Select(r => r.Included));
    }

    [DatasetFact("asreview-fixtures/generic_bad_record_id.csv")]
    public void Read_RepeatedRecordId_IsADuplicateIdError()
    {
        var import = RecordFile.Read(SharedDatasets.Fixture("generic_bad_record_id.csv"));

        var problem = Assert.Single(import.Problems);
        Assert.Equal((ProblemKind.DuplicateId, "0"), (problem.Kind, problem.Value));
    }

    [DatasetFact("asreview-fixtures/record_id.csv")]
    public void Read_RecordIdColumn_GivesTheIds()
    {
        var records = RecordFile.Read(SharedDatasets.Fixture("record_id.csv")).Records;

        Assert.Equal(["12", "11", "10"], records.Take(3).Select(r => r.Id));
        Assert.Equal([true, false, null], records.Take(3).Select(r => r.Included));
    }

    [Fact]
    public void Read_MissingFile_IsUnreadable()
    {
        var import = RecordFile.Read(Path.Combine(Path.GetTempPath(), "no-such-records.ris"));

        Assert.Equal(ProblemKind.UnreadableFile, Assert.Single(import.Problems).Kind);
    }
}
