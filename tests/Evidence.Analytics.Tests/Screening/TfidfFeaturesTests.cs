using System.Text.Json;

namespace Evidence.Analytics.Tests.Screening;

public sealed class TfidfFeaturesTests
{
    private static readonly string[] FourRecords = ["Apple banana", "apple, apple cherry", "banana cherry", "apple dates a"];

    /// <summary>Checks features fitted on <paramref name="copies"/> copies of <see cref="FourRecords"/> against the hand
    /// computation, on the given copies of record 2.</summary>
    private static void AssertFourRecordsByHand(TfidfFeatures features, int copies, params int[] secondRecords)
    {
        // Tokens of two or more word characters ("a" is dropped); unigrams and bigrams.
        Assert.Equal(["apple", "apple apple", "apple banana", "apple cherry", "apple dates", "banana", "banana cherry", "cherry", "dates"], features.Vocabulary);
        // idf = ln((1 + n) / (1 + df)) + 1: apple is in 3 of each 4 records, banana and cherry in 2, the rest in 1.
        double n = 4 * copies;
        double idf3 = Math.Log((1 + n) / (1 + 3 * copies)) + 1, idf2 = Math.Log((1 + n) / (1 + 2 * copies)) + 1, idf1 = Math.Log((1 + n) / (1 + copies)) + 1;
        Assert.Equal([idf3, idf1, idf1, idf1, idf1, idf2, idf1, idf2, idf1], features.Idf, (a, b) => Math.Abs(a - b) < 1e-15);
        // Record 2: apple twice (sublinear tf 1 + ln 2), cherry, "apple apple", "apple cherry" once; then unit length.
        double[] raw = [(1 + Math.Log(2)) * idf3, idf1, idf1, idf2];
        double norm = Math.Sqrt(raw.Sum(v => v * v));
        var m = features.Matrix;
        foreach (int record in secondRecords)
        {
            Assert.Equal([0, 1, 3, 7], m.Columns[m.RowStart[record]..m.RowStart[record + 1]]);
            Assert.Equal(raw.Select(v => v / norm), m.Values[m.RowStart[record]..m.RowStart[record + 1]], (a, b) => Math.Abs(a - b) < 1e-15);
        }
    }

    [Fact]
    public void Fit_FourRecords_MatchesTheHandComputation()
    {
        AssertFourRecordsByHand(TfidfFeatures.Fit(FourRecords, new TfidfOptions()), 1, 1);
    }

    [Fact]
    public void Fit_ManyRecords_CountedInBlocks_MatchesTheHandComputation()
    {
        // 1,024 records, counted in several blocks (one per 256 records) and merged.
        var features = TfidfFeatures.Fit([.. Enumerable.Repeat(FourRecords, 256).SelectMany(t => t)], new TfidfOptions());

        AssertFourRecordsByHand(features, 256, 1, 513, 1021);
    }

    [Fact]
    public void Fit_TermInMoreThanMaxDfOfRecords_IsDropped()
    {
        // "common" is in 2 of 2 records, more than 0.95 × 2 = 1.9; the bigrams with it are in one each.
        var features = TfidfFeatures.Fit(["common one", "common two"], new TfidfOptions());

        Assert.Equal(["common one", "common two", "one", "two"], features.Vocabulary);
    }

    [Fact]
    public void Fit_ATermMoreThan255TimesInARecord_KeepsItsCount()
    {
        // apple 300 times and banana once in record 1; each term is in one of the two records.
        var features = TfidfFeatures.Fit([string.Concat(Enumerable.Repeat("apple ", 300)) + "banana", "cherry"], new TfidfOptions(MaxNgram: 1));

        double idf = Math.Log(3.0 / 2) + 1;
        double[] raw = [(1 + Math.Log(300)) * idf, idf];
        double norm = Math.Sqrt(raw.Sum(v => v * v));
        Assert.Equal(["apple", "banana", "cherry"], features.Vocabulary);
        Assert.Equal(raw.Select(v => v / norm), features.Matrix.Values[..2], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Fit_Vocabulary_IsInCodePointOrderOfTheTermsText()
    {
        // A space sorts below every letter: "ab cd ab" comes after "ab cd" and before "abc".
        var features = TfidfFeatures.Fit(["ab abc", "ab cd", "abc ab", "ab cd ab"], new TfidfOptions(MaxNgram: 3, MaxDocumentFrequency: 1.0));

        string[] expected = ["ab", "ab abc", "ab cd", "ab cd ab", "abc", "abc ab", "cd", "cd ab"];
        Assert.Equal(expected, features.Vocabulary);
        Assert.Equal(expected.Order(StringComparer.Ordinal), features.Vocabulary);
    }

    [Fact]
    public void Fit_Records_ReadsTitleAndAbstractAsTheirJoinedText()
    {
        // "prescribing link" spans the title and the abstract, as in the joined text "Social prescribing Link workers".
        Record[] records =
        [
            new() { Id = "1", Title = "Social prescribing", Abstract = "Link workers" },
            new() { Id = "2", Title = "Link workers" },
            new() { Id = "3", Abstract = "Social prescribing" },
        ];

        var byRecord = TfidfFeatures.Fit(records, new TfidfOptions());
        var byText = TfidfFeatures.Fit([.. records.Select(r => r.Text)], new TfidfOptions());

        Assert.Contains("prescribing link", byRecord.Vocabulary);
        Assert.Equal(byText.Vocabulary, byRecord.Vocabulary);
        Assert.Equal(byText.Matrix.Columns, byRecord.Matrix.Columns);
        Assert.Equal(byText.Matrix.Values, byRecord.Matrix.Values);
    }

    [Fact]
    public void Tokens_FollowScikitLearnsPattern()
    {
        Assert.Equal(["über", "naïve", "x2", "covid_19", "10"], TfidfFeatures.Tokens("Über-naïve x2 (covid_19) a 10 é"));
    }

    [DatasetFact("Nagtegaal_2019.csv")]
    public void Fit_NagtegaalSlice_MatchesScikitLearn()
    {
        var reference = Reference.Load();
        var records = RecordFile.Read(SharedDatasets.PathOf("Nagtegaal_2019.csv"), labelColumn: "label_included").GetRecordsOrThrow();
        var slice = reference.GetProperty("tfidfSlice");

        var features = TfidfFeatures.Fit([.. records.Take(50).Select(r => r.Text)], new TfidfOptions());

        Assert.Equal(slice.GetProperty("vocabulary").GetInt32(), features.Vocabulary.Length);
        foreach (var term in slice.GetProperty("terms").EnumerateObject())
        {
            int column = Array.IndexOf(features.Vocabulary, term.Name);
            Assert.Equal(term.Value.GetProperty("column").GetInt32(), column);
            Assert.Equal(term.Value.GetProperty("idf").GetDouble(), features.Idf[column], 1e-12);
        }
        var m = features.Matrix;
        foreach (var row in slice.GetProperty("rows").EnumerateObject())
        {
            int r = int.Parse(row.Name, System.Globalization.CultureInfo.InvariantCulture);
            var expected = row.Value.EnumerateObject().ToDictionary(e => int.Parse(e.Name, System.Globalization.CultureInfo.InvariantCulture), e => e.Value.GetDouble());
            Assert.Equal(expected.Keys.Order(), m.Columns[m.RowStart[r]..m.RowStart[r + 1]]);
            for (int k = m.RowStart[r]; k < m.RowStart[r + 1]; k++) Assert.Equal(expected[m.Columns[k]], m.Values[k], 1e-12);
        }
    }
}

/// <summary>The reference values computed with scikit-learn by tools/screening-reference/reference_values.py.</summary>
internal static class Reference
{
    public static JsonElement Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Screening", "Reference", "sklearn-reference.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }
}
