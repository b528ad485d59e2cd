using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>A sparse matrix in compressed sparse row form: row r's entries are <c>Columns[RowStart[r]..RowStart[r+1]]</c>
/// (ascending) with <c>Values</c> alongside.</summary>
internal sealed class SparseRows
{
    public SparseRows(int[] rowStart, int[] columns, double[] values, int columnCount)
    {
        foreach (int column in columns)
        {
            if ((uint)column >= (uint)columnCount) throw new ArgumentOutOfRangeException(nameof(columns), column, $"A column is outside 0..{columnCount - 1}.");
        }
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        ColumnCount = columnCount;
    }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public double[] Values { get; }

    public int RowCount => RowStart.Length - 1;

    public int ColumnCount { get; }

    /// <summary>The dot product of a row with a dense vector.</summary>
    /// <remarks>The simulation's inner loop (with <see cref="AddTo"/>). Four partial sums (entries k, k+1, k+2, k+3)
    /// run side by side and are added as (s₀ + s₁) + (s₂ + s₃), so the additions do not wait on each other as one running
    /// sum's do; the order is fixed, so the result is the same on every machine (no vector width decides it). The columns were checked once, when the rows were made, so no entry is bounds-checked here.</remarks>
    public double Dot(int row, double[] weights)
    {
        if (weights.Length < ColumnCount) throw new ArgumentException("The vector is shorter than a row.", nameof(weights));
        int start = RowStart[row], length = RowStart[row + 1] - start;
        ref double value = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Values), start);
        ref int column = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Columns), start);
        ref double w = ref MemoryMarshal.GetArrayDataReference(weights);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 4 <= length; k += 4)
        {
            s0 += Unsafe.Add(ref value, k) * Unsafe.Add(ref w, Unsafe.Add(ref column, k));
            s1 += Unsafe.Add(ref value, k + 1) * Unsafe.Add(ref w, Unsafe.Add(ref column, k + 1));
            s2 += Unsafe.Add(ref value, k + 2) * Unsafe.Add(ref w, Unsafe.Add(ref column, k + 2));
            s3 += Unsafe.Add(ref value, k + 3) * Unsafe.Add(ref w, Unsafe.Add(ref column, k + 3));
        }
        for (; k < length; k++) s0 += Unsafe.Add(ref value, k) * Unsafe.Add(ref w, Unsafe.Add(ref column, k));
        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>Adds <paramref name="scale"/> times a row to a dense vector.</summary>
    public void AddTo(int row, double scale, double[] target)
    {
        if (target.Length < ColumnCount) throw new ArgumentException("The vector is shorter than a row.", nameof(target));
        int start = RowStart[row], length = RowStart[row + 1] - start;
        ref double value = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Values), start);
        ref int column = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Columns), start);
        ref double t = ref MemoryMarshal.GetArrayDataReference(target);
        for (int k = 0; k < length; k++) Unsafe.Add(ref t, Unsafe.Add(ref column, k)) += scale * Unsafe.Add(ref value, k);
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
    /// <remarks>ASCII characters (most of any abstract) are answered from their code: there \w is exactly [A-Za-z0-9_].</remarks>
    private static bool IsWord(string text, int index, out int width)
    {
        char c = text[index];
        if (char.IsAscii(c))
        {
            width = 1;
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }
        width = char.IsSurrogatePair(text, index) ? 2 : 1;
        var category = width == 2 ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text, index)) : CharUnicodeInfo.GetUnicodeCategory(text[index]);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>Fits the features on all the texts (labelled or not) and transforms them.</summary>
    /// <remarks>One pass counts terms: unigrams are looked up by their span of the lower-cased text (no string per
    /// occurrence), an n-gram by its (n−1)-gram's id and its last word's id, and a term's string is made once, when it
    /// is first seen. Each record's distinct terms and counts go to two growing arrays; a second pass drops the terms
    /// over max_df, numbers the rest by code-point order and writes the weighted, normalised rows.</remarks>
    public static TfidfFeatures Fit(IReadOnlyList<string> texts, TfidfOptions options)
    {
        var unigrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = unigrams.GetAlternateLookup<ReadOnlySpan<char>>();
        var grams = new Dictionary<long, int>(MixedKey.Instance);
        var terms = new List<string>();
        var documentCount = new List<int>();
        var lastDocument = new List<int>();
        var countInDocument = new List<int>();
        var entryTerms = new IntBlocks();
        var entryCounts = new IntBlocks();
        var rowStart = new int[texts.Count + 1];
        var stop = options.EnglishStopWords ? EnglishStopWords.Words.GetAlternateLookup<ReadOnlySpan<char>>() : default;
        var tokens = new List<int>();
        var previous = new List<int>();
        var documentTerms = new List<int>();

        int NewTerm(string term)
        {
            terms.Add(term);
            documentCount.Add(0);
            lastDocument.Add(-1);
            countInDocument.Add(0);
            return terms.Count - 1;
        }

        for (int d = 0; d < texts.Count; d++)
        {
            tokens.Clear();
            documentTerms.Clear();
            string lower = texts[d].ToLowerInvariant();
            int i = 0;
            while (i < lower.Length)
            {
                if (!IsWord(lower, i, out int width)) { i += width; continue; }
                int begin = i, count = 0;
                while (i < lower.Length && IsWord(lower, i, out width)) { i += width; count++; }
                if (count < 2) continue;
                var span = lower.AsSpan(begin, i - begin);
                if (options.EnglishStopWords && stop.Contains(span)) continue;
                if (!words.TryGetValue(span, out int id))
                {
                    id = NewTerm(span.ToString());
                    unigrams.Add(terms[id], id);
                }
                tokens.Add(id);
            }

            void Count(int term)
            {
                if (lastDocument[term] != d)
                {
                    lastDocument[term] = d;
                    countInDocument[term] = 1;
                    documentCount[term]++;
                    documentTerms.Add(term);
                }
                else countInDocument[term]++;
            }

            foreach (int token in tokens) Count(token);
            // n-grams from (n−1)-grams: previous[k] is the (n−1)-gram starting at token k.
            previous.Clear();
            previous.AddRange(tokens);
            for (int n = 2; n <= options.MaxNgram; n++)
            {
                for (int k = 0; k + n <= tokens.Count; k++)
                {
                    long key = ((long)previous[k] << 32) | (uint)tokens[k + n - 1];
                    if (!grams.TryGetValue(key, out int id))
                    {
                        id = NewTerm(terms[previous[k]] + " " + terms[tokens[k + n - 1]]);
                        grams.Add(key, id);
                    }
                    Count(id);
                    previous[k] = id;
                }
            }
            foreach (int term in documentTerms)
            {
                entryTerms.Add(term);
                entryCounts.Add(countInDocument[term]);
            }
            rowStart[d + 1] = entryTerms.Count;
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

        int entries = 0;
        for (int e = 0; e < entryTerms.Count; e++) if (column[entryTerms[e]] >= 0) entries++;
        var columns = new int[entries];
        var values = new double[entries];
        var start = new int[documents + 1];
        int at = 0;
        for (int r = 0; r < documents; r++)
        {
            int first = at;
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                int c = column[entryTerms[e]];
                if (c < 0) continue;
                int count = entryCounts[e];
                columns[at] = c;
                values[at++] = (options.SublinearTf ? 1.0 + Math.Log(count) : count) * idf[c];
            }
            Array.Sort(columns, values, first, at - first);
            double norm = 0;
            for (int k = first; k < at; k++) norm += values[k] * values[k];
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int k = first; k < at; k++) values[k] /= norm;
            start[r + 1] = at;
        }
        return new TfidfFeatures(new SparseRows(start, columns, values, kept.Length), [.. kept.Select(t => terms[t])], idf);
    }
}

/// <summary>A growing list of integers kept in blocks of 2²⁰, so that growing copies nothing (a list of tens of millions
/// of entries would copy them and hold twice their size at its last doubling).</summary>
internal sealed class IntBlocks
{
    private const int Shift = 20;
    private const int Mask = (1 << Shift) - 1;
    private readonly List<int[]> _blocks = [];

    public int Count { get; private set; }

    public int this[int index] => _blocks[index >> Shift][index & Mask];

    public void Add(int value)
    {
        if ((Count & Mask) == 0 && Count >> Shift == _blocks.Count) _blocks.Add(new int[1 << Shift]);
        _blocks[Count >> Shift][Count & Mask] = value;
        Count++;
    }
}

/// <summary>Hashes an n-gram's key (two small term ids in one long) by multiplying it by a large odd constant: the
/// default long hash XORs the halves, which puts the many pairs of small ids into few buckets.</summary>
internal sealed class MixedKey : IEqualityComparer<long>
{
    public static MixedKey Instance { get; } = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> 32);
}
