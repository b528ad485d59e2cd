namespace Evidence.Analytics.Tests.Screening;

public sealed class RecordDeduplicationTests
{
    private static Record R(string id, string? title, int? year = null, string? doi = null, string? @abstract = null) =>
        new() { Id = id, Title = title, Year = year, Doi = doi, Abstract = @abstract };

    [Fact]
    public void Deduplicate_GroupsByDoiThenTitleAndYearThenTitleAndAbstract_WithTheReason()
    {
        const string Abstract = "Reminders in the electronic health record changed prescribing in twelve practices over one year.";
        Record[] records =
        [
            R("1", "Nudging doctors", 2019, "https://doi.org/10.1/ABC"),
            R("2", "A different title entirely", 2019, "doi:10.1/abc."),
            R("3", "Café study", 2020, "10.2/x"),
            R("4", "Cafe  study!", 2020),
            R("5", "Cafe study", 2020, "10.2/y"),         // same title and year, but a different DOI from the group of 3
            R("6", "Effects of reminders on prescribing", 2018, null, Abstract),
            R("7", "Effects of reminders on prescibing", 2019, null, Abstract), // one letter missing, other year
            R("8", "Nudging doctors", null),                // no year and no abstract: neither title rule joins it
        ];

        var result = RecordDeduplication.Deduplicate(records);

        Assert.Equal(["1", "3", "5", "6", "8"], result.Records.Select(r => r.Id));
        Assert.Equal([("1", "2", DuplicateReason.Doi), ("3", "4", DuplicateReason.TitleAndYear), ("6", "7", DuplicateReason.TitleAndAbstract)],
            result.Groups.Select(g => (g.Kept.Id, string.Join(",", g.Duplicates.Select(d => d.Id)), g.Reason)));
        Assert.Equal(3, result.DuplicatesRemoved);
        Assert.Equal(1, result.RemovedFor(DuplicateReason.TitleAndAbstract));
    }

    [DatasetFact("asreview-fixtures/duplicate_records.csv")]
    public void Deduplicate_AsreviewFixture_FindsTheTwoPairs()
    {
        var records = RecordFile.Read(SharedDatasets.Fixture("duplicate_records.csv")).GetRecordsOrThrow();

        var result = RecordDeduplication.Deduplicate(records);

        // By hand from the file: rows 2-3 are title "a" with abstract "lorem" (one without a DOI); rows 4-5 share DOI 10.3.
        Assert.Equal(14, records.Length);
        Assert.Equal([(2, 3, DuplicateReason.TitleAndAbstract), (4, 5, DuplicateReason.Doi)],
            result.Groups.Select(g => (g.Kept.Line, Assert.Single(g.Duplicates).Line, g.Reason)));
        Assert.Equal(12, result.Records.Length);
    }

    [Theory]
    [InlineData(" HTTPS://DX.DOI.ORG/10.1000/Xyz ", "10.1000/xyz")]
    [InlineData("doi: 10.1000/xyz", "10.1000/xyz")]
    [InlineData("10.1000/xyz.", "10.1000/xyz")]
    [InlineData("not a doi", null)]
    [InlineData("   ", null)]
    public void NormaliseDoi_StripsPrefixesAndCase(string doi, string? expected) =>
        Assert.Equal(expected, RecordDeduplication.NormaliseDoi(doi));

    [Theory]
    [InlineData("abcdefghij", "abcdefghij", 1.0, true)]
    [InlineData("abcdefghij", "abcdefghix", 0.9, true)]   // 1 edit in 10: similarity 0.9
    [InlineData("abcdefghij", "abcdefghxx", 0.9, false)]  // 2 edits: 0.8
    [InlineData("abcdefghij", "abcdefghi", 0.9, true)]    // a deletion
    public void Similar_IsOneMinusEditDistanceOverLength(string a, string b, double threshold, bool similar) =>
        Assert.Equal(similar, RecordDeduplication.Similar(a, b, threshold));
}
