using System.Text.Json;

namespace Evidence.Analytics.Tests.Screening;

public sealed class TfidfFeaturesTests
{
    [Fact]
    public void Fit_FourRecords_MatchesTheHandComputation()
    {
        // Tokens of two or more word characters ("a" is dropped); unigrams and bigrams; n = 4.
        var features = TfidfFeatures.Fit(["Apple banana", "apple, apple cherry", "banana cherry", "apple dates a"], new TfidfOptions());

        Assert.Equal(["apple", "apple apple", "apple banana", "apple cherry", "apple dates", "banana", "banana cherry", "cherry", "dates"], features.Vocabulary);
        // idf = ln((1 + n) / (1 + df)) + 1: apple is in 3 records, banana and cherry in 2, the rest in 1.
        double idf3 = Math.Log(5.0 / 4) + 1, idf2 = Math.Log(5.0 / 3) + 1, idf1 = Math.Log(5.0 / 2) + 1;
        Assert.Equal([idf3, idf1, idf1, idf1, idf1, idf2, idf1, idf2, idf1], features.Idf, (a, b) => Math.Abs(a - b) < 1e-15);
        // Record 2: apple twice (sublinear tf 1 + ln 2), cherry, "apple apple", "apple cherry" once; then unit length.
        double[] raw = [(1 + Math.Log(2)) * idf3, idf1, idf1, idf2];
        double norm = Math.Sqrt(raw.Sum(v => v * v));
        var m = features.Matrix;
        Assert.Equal([0, 1, 3, 7], m.Columns[m.RowStart[1]..m.RowStart[2]]);
        Assert.Equal(raw.Select(v => v / norm), m.Values[m.RowStart[1]..m.RowStart[2]], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Fit_TermInMoreThanMaxDfOfRecords_IsDropped()
    {
        // "common" is in 2 of 2 records, more than 0.95 × 2 = 1.9; the bigrams with it are in one each.
        var features = TfidfFeatures.Fit(["common one", "common two"], new TfidfOptions());

        Assert.Equal(["common one", "common two", "one", "two"], features.Vocabulary);
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
