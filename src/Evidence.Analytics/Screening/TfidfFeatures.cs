using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>A sparse matrix in compressed sparse row form: row r's entries are <c>Columns[RowStart[r]..RowStart[r+1]]</c>
/// (ascending) with <c>Values</c> alongside.</summary>
internal sealed class SparseRows(int[] rowStart, int[] columns, double[] values, int columnCount)
{
    public int[] RowStart { get; } = rowStart;

    public int[] Columns { get; } = columns;

    public double[] Values { get; } = values;

    public int RowCount => RowStart.Length - 1;

    public int ColumnCount { get; } = columnCount;

    /// <summary>The dot product of a row with a dense vector.</summary>
    public double Dot(int row, double[] weights)
    {
        double sum = 0;
        for (int k = RowStart[row]; k < RowStart[row + 1]; k++) sum += Values[k] * weights[Columns[k]];
        return sum;
    }

    /// <summary>Adds <paramref name="scale"/> times a row to a dense vector.</summary>
    public void AddTo(int row, double scale, double[] target)
    {
        for (int k = RowStart[row]; k < RowStart[row + 1]; k++) target[Columns[k]] += scale * Values[k];
    }
}

/// <summary>The options of TF-IDF features, as scikit-learn's <c>TfidfVectorizer</c> names them.</summary>
/// <param name="MaxNgram">The longest word n-gram (2: unigrams and bigrams).</param>
/// <param name="SublinearTf">Term frequency as 1 + ln(count) rather than the count.</param>
/// <param name="MaxDocumentFrequency">Terms in more than this proportion of records are dropped.</param>
/// <param name="MinDocumentCount">Terms in fewer records than this are dropped.</param>
/// <param name="EnglishStopWords">Whether English stop words are dropped before n-grams are formed.</param>
internal sealed record TfidfOptions(int MaxNgram = 2, bool SublinearTf = true, double MaxDocumentFrequency = 0.95, int MinDocumentCount = 1, bool EnglishStopWords = false);

/// <summary>TF-IDF features of records' titles and abstracts, as ASReview's default feature extractor computes them with
/// scikit-learn: lower case, tokens of two or more word characters (<c>(?u)\b\w\w+\b</c>), word n-grams, optional
/// sublinear tf, smoothed idf ln((1 + n) / (1 + df)) + 1, terms in more than max_df of the records dropped, rows scaled
/// to unit length (L2). The vocabulary is sorted by code point, as scikit-learn sorts it.</summary>
internal sealed class TfidfFeatures
{
    private TfidfFeatures(SparseRows matrix, string[] vocabulary, double[] idf)
    {
        Matrix = matrix;
        Vocabulary = vocabulary;
        Idf = idf;
    }

    /// <summary>One row per record, one column per term.</summary>
    public SparseRows Matrix { get; }

    /// <summary>The terms, in column order.</summary>
    public string[] Vocabulary { get; }

    /// <summary>Each term's inverse document frequency.</summary>
    public double[] Idf { get; }

    /// <summary>The tokens of a text: runs of two or more word characters (letters, numbers, underscore), lower-cased.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        string lower = text.ToLowerInvariant();
        int i = 0;
        while (i < lower.Length)
        {
            if (!IsWord(lower, i, out int width)) { i += width; continue; }
            int start = i, count = 0;
            while (i < lower.Length && IsWord(lower, i, out width)) { i += width; count++; }
            if (count >= 2) tokens.Add(lower[start..i]);
        }
        return tokens;
    }

    /// <summary>Python's <c>\w</c>: a letter, a number (any Unicode number category) or the underscore.</summary>
    private static bool IsWord(string text, int index, out int width)
    {
        width = char.IsSurrogatePair(text, index) ? 2 : 1;
        if (text[index] == '_') return true;
        var category = width == 2 ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text, index)) : CharUnicodeInfo.GetUnicodeCategory(text[index]);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>Fits the features on all the texts (labelled or not) and transforms them.</summary>
    public static TfidfFeatures Fit(IReadOnlyList<string> texts, TfidfOptions options)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var documentCount = new List<int>();
        var rows = new List<(int Term, int Count)[]>(texts.Count);
        var counts = new Dictionary<int, int>();
        var gram = new StringBuilder();
        var stop = options.EnglishStopWords ? EnglishStopWords.Words : null;
        foreach (string text in texts)
        {
            counts.Clear();
            var tokens = Tokens(text);
            if (stop is not null) tokens.RemoveAll(stop.Contains);
            for (int n = 1; n <= options.MaxNgram; n++)
            {
                for (int start = 0; start + n <= tokens.Count; start++)
                {
                    string term;
                    if (n == 1) term = tokens[start];
                    else
                    {
                        gram.Clear().Append(tokens[start]);
                        for (int k = 1; k < n; k++) gram.Append(' ').Append(tokens[start + k]);
                        term = gram.ToString();
                    }
                    if (!ids.TryGetValue(term, out int id))
                    {
                        ids[term] = id = terms.Count;
                        terms.Add(term);
                        documentCount.Add(0);
                    }
                    counts[id] = counts.TryGetValue(id, out int c) ? c + 1 : 1;
                }
            }
            foreach (int id in counts.Keys) documentCount[id]++;
            rows.Add([.. counts.Select(kv => (kv.Key, kv.Value))]);
        }

        int documents = texts.Count;
        double maxCount = options.MaxDocumentFrequency * documents;
        int[] kept = [.. Enumerable.Range(0, terms.Count)
            .Where(t => documentCount[t] <= maxCount && documentCount[t] >= options.MinDocumentCount)
            .OrderBy(t => terms[t], StringComparer.Ordinal)];
        var column = new int[terms.Count];
        Array.Fill(column, -1);
        for (int c = 0; c < kept.Length; c++) column[kept[c]] = c;
        double[] idf = [.. kept.Select(t => Math.Log((1.0 + documents) / (1.0 + documentCount[t])) + 1.0)];

        var rowStart = new int[documents + 1];
        var columns = new List<int>();
        var values = new List<double>();
        var entries = new List<(int Column, double Value)>();
        for (int r = 0; r < documents; r++)
        {
            entries.Clear();
            foreach (var (term, count) in rows[r])
            {
                int c = column[term];
                if (c < 0) continue;
                double tf = options.SublinearTf ? 1.0 + Math.Log(count) : count;
                entries.Add((c, tf * idf[c]));
            }
            entries.Sort((a, b) => a.Column.CompareTo(b.Column));
            double norm = 0;
            foreach (var (_, value) in entries) norm += value * value;
            norm = Math.Sqrt(norm);
            foreach (var (c, value) in entries)
            {
                columns.Add(c);
                values.Add(norm > 0 ? value / norm : value);
            }
            rowStart[r + 1] = columns.Count;
        }
        return new TfidfFeatures(new SparseRows(rowStart, [.. columns], [.. values], kept.Length), [.. kept.Select(t => terms[t])], idf);
    }
}
