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

    /// <summary>The matrix transposed: one row per column, listing the rows that have it (ascending) with their values.</summary>
    public SparseRows Transpose()
    {
        var start = new int[ColumnCount + 1];
        foreach (int column in Columns) start[column + 1]++;
        for (int c = 0; c < ColumnCount; c++) start[c + 1] += start[c];
        var next = start[..^1];
        var rows = new int[Columns.Length];
        var values = new double[Columns.Length];
        for (int r = 0; r < RowCount; r++)
        {
            for (int k = RowStart[r]; k < RowStart[r + 1]; k++)
            {
                int at = next[Columns[k]]++;
                rows[at] = r;
                values[at] = Values[k];
            }
        }
        return new SparseRows(start, rows, values, RowCount);
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
/// <remarks>
/// <para>Blocks of records are counted in parallel, each with its own term numbering; the blocks' terms are then merged
/// into one vocabulary in block order, sorted, and the rows written in parallel. Every row depends only on its record and
/// the sorted vocabulary, so the matrix is the same however the records are shared out.</para>
/// <para>A term is a word, or an n-gram kept as its (n−1)-gram and its last word: only words are strings while
/// counting, and an n-gram's text is made when <see cref="Vocabulary"/> is first read. The sort needs no n-gram text
/// either: a space sorts below every word character, so a term sorts right before the n-grams it starts ("ab" &lt; "ab cd"),
/// and they sort before any other term that sorts after it ("ab cd" &lt; "abc"); the n-grams that extend the same term sort
/// as their last words.</para>
/// <para>Within a record, a term's occurrences are counted in per-term arrays of its block (the record that last had
/// the term, and the count there): a block's terms are few enough for these to stay in cache, where counters over the
/// whole vocabulary of 100,000 records made each occurrence a cache miss.</para>
/// </remarks>
internal sealed class TfidfFeatures
{
    private readonly Lazy<string[]> _vocabulary;

    private TfidfFeatures(SparseRows matrix, Func<string[]> vocabulary, double[] idf)
    {
        Matrix = matrix;
        _vocabulary = new Lazy<string[]>(vocabulary);
        Idf = idf;
    }

    /// <summary>One row per record, one column per term.</summary>
    public SparseRows Matrix { get; }

    /// <summary>The terms, in column order (made on first use).</summary>
    public string[] Vocabulary => _vocabulary.Value;

    /// <summary>Each term's inverse document frequency.</summary>
    public double[] Idf { get; }

    /// <summary>The tokens of a text: runs of two or more word characters (letters, numbers, underscore), lower-cased.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; NextToken(text, ref i, out int start);) tokens.Add(text[start..i].ToLowerInvariant());
        return tokens;
    }

    /// <summary>Finds the next token at or after <paramref name="i"/>: its start, and <paramref name="i"/> moved to its end.</summary>
    /// <remarks>Tokens are found in the text as written and lower-cased one by one: lower-casing changes no character's
    /// length or whether it is a word character, so this gives the tokens of the lower-cased text without copying it.</remarks>
    private static bool NextToken(string text, ref int i, out int start)
    {
        while (i < text.Length)
        {
            if (!IsWord(text, i, out int width)) { i += width; continue; }
            int begin = i, count = 0;
            while (i < text.Length && IsWord(text, i, out width)) { i += width; count++; }
            if (count >= 2)
            {
                start = begin;
                return true;
            }
        }
        start = i;
        return false;
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
    public static TfidfFeatures Fit(IReadOnlyList<string> texts, TfidfOptions options) =>
        Fit(texts.Count, d => texts[d], _ => null, options);

    /// <summary>Fits the features on the records' <see cref="Record.Text"/> (title, a space, abstract), reading the
    /// title and the abstract in turn rather than joining them.</summary>
    public static TfidfFeatures Fit(IReadOnlyList<Record> records, TfidfOptions options) =>
        Fit(records.Count, d => records[d].Title, d => records[d].Abstract, options);

    private static TfidfFeatures Fit(int documents, Func<int, string?> first, Func<int, string?> second, TfidfOptions options)
    {
        int blockCount = Math.Clamp(documents / 256, 1, 4 * Environment.ProcessorCount);
        var blocks = new BlockCounts[blockCount];
        Parallel.For(0, blockCount, b =>
        {
            var block = new BlockCounts((int)((long)documents * b / blockCount), (int)((long)documents * (b + 1) / blockCount));
            block.Count(first, second, options);
            blocks[b] = block;
        });
        var vocabulary = new Terms();
        foreach (var block in blocks) block.Merge(vocabulary);

        double maxCount = options.MaxDocumentFrequency * documents;
        int[] kept = [.. vocabulary.SortedTerms().Where(t => vocabulary.DocumentCount[t] <= maxCount && vocabulary.DocumentCount[t] >= options.MinDocumentCount)];
        var column = new int[vocabulary.Count];
        Array.Fill(column, -1);
        for (int c = 0; c < kept.Length; c++) column[kept[c]] = c;
        double[] idf = [.. kept.Select(t => Math.Log((1.0 + documents) / (1.0 + vocabulary.DocumentCount[t])) + 1.0)];

        var start = new int[documents + 1];
        Parallel.For(0, blockCount, b => blocks[b].CountKept(column, start));
        for (int d = 0; d < documents; d++) start[d + 1] += start[d];
        var columns = new int[start[documents]];
        var values = new double[start[documents]];
        Parallel.For(0, blockCount, b => blocks[b].WriteRows(idf, options.SublinearTf, start, columns, values));
        return new TfidfFeatures(new SparseRows(start, columns, values, kept.Length), () => [.. kept.Select(vocabulary.Text)], idf);
    }

    /// <summary>The merged vocabulary: each term a word (with its text) or an n-gram (its (n−1)-gram and last word), with
    /// the number of records it is in.</summary>
    private sealed class Terms
    {
        private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordSpans;
        private readonly GramTable _grams = new();
        private readonly List<string?> _text = [];
        private readonly List<int> _prefix = [];
        private readonly List<int> _last = [];

        public Terms() => _wordSpans = _words.GetAlternateLookup<ReadOnlySpan<char>>();

        public List<int> DocumentCount { get; } = [];

        public int Count => _text.Count;

        /// <summary>The word's text, or null for an n-gram.</summary>
        public string? WordText(int term) => _text[term];

        public int Prefix(int term) => _prefix[term];

        public int Last(int term) => _last[term];

        public int Word(string word)
        {
            if (_words.TryGetValue(word, out int id)) return id;
            _words.Add(word, id = Add(word, -1, -1));
            return id;
        }

        public int Word(ReadOnlySpan<char> word)
        {
            if (_wordSpans.TryGetValue(word, out int id)) return id;
            string text = word.ToString();
            _words.Add(text, id = Add(text, -1, -1));
            return id;
        }

        public int Gram(int prefix, int last)
        {
            long key = ((long)prefix << 32) | (uint)last;
            int id = _grams.Find(key);
            if (id < 0) _grams.Add(key, id = Add(null, prefix, last));
            return id;
        }

        private int Add(string? text, int prefix, int last)
        {
            _text.Add(text);
            _prefix.Add(prefix);
            _last.Add(last);
            DocumentCount.Add(0);
            return _text.Count - 1;
        }

        public string Text(int term) => _text[term] ?? Text(_prefix[term]) + " " + _text[_last[term]];

        /// <summary>Every term, in code-point order of its text (see the class remarks): the words in order, each followed
        /// by the n-grams it starts, depth first, the n-grams extending one term in the order of their last words.</summary>
        public int[] SortedTerms()
        {
            int[] words = [.. Enumerable.Range(0, Count).Where(t => _text[t] is not null)];
            string[] keys = [.. words.Select(t => _text[t]!)];
            Array.Sort(keys, words, StringComparer.Ordinal);
            var rank = new int[Count];
            for (int r = 0; r < words.Length; r++) rank[words[r]] = r;
            int[] grams = [.. Enumerable.Range(0, Count).Where(t => _text[t] is null)];
            long[] byPrefix = [.. grams.Select(t => ((long)_prefix[t] << 32) | (uint)rank[_last[t]])];
            Array.Sort(byPrefix, grams);
            var firstChild = new int[Count];
            var children = new int[Count];
            for (int g = grams.Length - 1; g >= 0; g--)
            {
                firstChild[_prefix[grams[g]]] = g;
                children[_prefix[grams[g]]]++;
            }
            var order = new int[Count];
            int at = 0;
            void Visit(int term)
            {
                order[at++] = term;
                for (int g = firstChild[term], end = g + children[term]; g < end; g++) Visit(grams[g]);
            }
            foreach (int word in words) Visit(word);
            return order;
        }
    }

    /// <summary>The terms of one block of records, numbered in the block, and each record's terms with their counts.</summary>
    private sealed class BlockCounts(int first, int end)
    {
        private readonly Terms _terms = new();
        private readonly Blocks<int> _entryTerms = new();
        // A term's count in a record, one byte each (most are 1); 255 and more are kept aside by entry.
        private readonly Blocks<byte> _entryCounts = new();
        private readonly Dictionary<int, int> _largeCounts = [];
        private readonly int[] _rowLength = new int[end - first];
        private int[] _global = [];
        private int[] _column = [];

        public void Count(Func<int, string?> firstPart, Func<int, string?> secondPart, TfidfOptions options)
        {
            var stop = options.EnglishStopWords ? EnglishStopWords.Words.GetAlternateLookup<ReadOnlySpan<char>>() : default;
            var tokens = new List<int>();
            var previous = new List<int>();
            var distinct = new List<int>();
            int[] lastRecord = [], count = [];
            char[] lower = new char[64];

            void Tokenise(string? text)
            {
                if (text is null) return;
                for (int i = 0; NextToken(text, ref i, out int start);)
                {
                    if (lower.Length < i - start) lower = new char[Math.Max(i - start, 2 * lower.Length)];
                    var word = lower.AsSpan(0, text.AsSpan(start, i - start).ToLowerInvariant(lower));
                    if (options.EnglishStopWords && stop.Contains(word)) continue;
                    tokens.Add(_terms.Word(word));
                }
            }

            void Occurs(int term, int record)
            {
                if (term >= lastRecord.Length)
                {
                    int length = lastRecord.Length;
                    Array.Resize(ref lastRecord, Math.Max(2 * length, 1024));
                    Array.Resize(ref count, lastRecord.Length);
                    lastRecord.AsSpan(length).Fill(-1);
                }
                if (lastRecord[term] == record)
                {
                    count[term]++;
                    return;
                }
                lastRecord[term] = record;
                count[term] = 1;
                distinct.Add(term);
            }

            for (int d = first; d < end; d++)
            {
                tokens.Clear();
                distinct.Clear();
                Tokenise(firstPart(d));
                Tokenise(secondPart(d));
                foreach (int token in tokens) Occurs(token, d);
                // n-grams from (n−1)-grams: previous[k] is the (n−1)-gram starting at token k.
                previous.Clear();
                previous.AddRange(tokens);
                for (int n = 2; n <= options.MaxNgram; n++)
                {
                    for (int k = 0; k + n <= tokens.Count; k++)
                    {
                        previous[k] = _terms.Gram(previous[k], tokens[k + n - 1]);
                        Occurs(previous[k], d);
                    }
                }
                foreach (int term in distinct)
                {
                    _entryTerms.Add(term);
                    if (count[term] >= byte.MaxValue) _largeCounts.Add(_entryCounts.Count, count[term]);
                    _entryCounts.Add((byte)Math.Min(count[term], byte.MaxValue));
                    _terms.DocumentCount[term]++;
                }
                _rowLength[d - first] = distinct.Count;
            }
        }

        /// <summary>Numbers the block's terms in the merged vocabulary and adds their record counts.</summary>
        public void Merge(Terms vocabulary)
        {
            _global = new int[_terms.Count];
            for (int t = 0; t < _terms.Count; t++)
            {
                int id = _terms.WordText(t) is { } word ? vocabulary.Word(word) : vocabulary.Gram(_global[_terms.Prefix(t)], _global[_terms.Last(t)]);
                vocabulary.DocumentCount[id] += _terms.DocumentCount[t];
                _global[t] = id;
            }
        }

        /// <summary>Looks up the column of each of the block's terms (−1 for a term dropped), and sets start[d + 1] to the
        /// number of record d's terms that have one.</summary>
        public void CountKept(int[] column, int[] start)
        {
            _column = new int[_global.Length];
            for (int t = 0; t < _global.Length; t++) _column[t] = column[_global[t]];
            int e = 0;
            for (int d = first; d < end; d++)
            {
                int kept = 0;
                for (int k = 0; k < _rowLength[d - first]; k++, e++)
                {
                    if (_column[_entryTerms[e]] >= 0) kept++;
                }
                start[d + 1] = kept;
            }
        }

        /// <summary>Writes the block's rows: weights (1 + ln count, or the count) × idf, by column, scaled to unit length.</summary>
        /// <remarks>Each record's columns and counts are sorted as one long each (column, then count), which sorts
        /// faster than a pair of arrays.</remarks>
        public void WriteRows(double[] idf, bool sublinear, int[] start, int[] columns, double[] values)
        {
            var row = new List<long>();
            int e = 0;
            for (int d = first; d < end; d++)
            {
                row.Clear();
                for (int k = 0; k < _rowLength[d - first]; k++, e++)
                {
                    int c = _column[_entryTerms[e]];
                    if (c >= 0) row.Add(((long)c << 32) | (uint)(_entryCounts[e] < byte.MaxValue ? _entryCounts[e] : _largeCounts[e]));
                }
                var sorted = CollectionsMarshal.AsSpan(row);
                sorted.Sort();
                int at = start[d];
                double norm = 0;
                foreach (long entry in sorted)
                {
                    int c = (int)(entry >> 32), count = (int)entry;
                    double value = (sublinear ? 1.0 + Math.Log(count) : count) * idf[c];
                    columns[at] = c;
                    values[at++] = value;
                    norm += value * value;
                }
                norm = Math.Sqrt(norm);
                if (norm > 0) for (int k = start[d]; k < at; k++) values[k] /= norm;
            }
        }
    }
}

/// <summary>A growing list kept in blocks of 2²⁰ items, so that growing copies nothing (a list of tens of millions of
/// entries would copy them and hold twice their size at its last doubling).</summary>
internal sealed class Blocks<T> where T : struct
{
    private const int Shift = 20;
    private const int Mask = (1 << Shift) - 1;
    private readonly List<T[]> _blocks = [];

    public int Count { get; private set; }

    public T this[int index] => _blocks[index >> Shift][index & Mask];

    public void Add(T value)
    {
        if ((Count & Mask) == 0 && Count >> Shift == _blocks.Count) _blocks.Add(new T[1 << Shift]);
        _blocks[Count >> Shift][Count & Mask] = value;
        Count++;
    }
}

/// <summary>The n-grams met so far: each (n−1)-gram and last word, as one long, with the n-gram's term number. Open
/// addressing with the entries inline: a lookup reads one entry where a dictionary reads a bucket and then an entry, and
/// with hundreds of thousands of n-grams each read is a cache miss (the n-gram lookups were the largest share of the
/// time TF-IDF took on 100,000 records).</summary>
internal sealed class GramTable
{
    private struct Entry
    {
        public long Key;
        public int Term;
    }

    private Entry[] _entries = NewEntries(1 << 12);
    private int _count;

    /// <summary>The term number of the key, or −1.</summary>
    public int Find(long key)
    {
        int mask = _entries.Length - 1;
        for (int i = Slot(key, mask); ; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Key == key) return entry.Term;
            if (entry.Key < 0) return -1;
        }
    }

    /// <summary>Adds a key not in the table (keys are non-negative).</summary>
    public void Add(long key, int term)
    {
        if (2 * (_count + 1) > _entries.Length)
        {
            var old = _entries;
            _entries = NewEntries(2 * old.Length);
            foreach (var entry in old)
            {
                if (entry.Key >= 0) Insert(entry.Key, entry.Term);
            }
        }
        Insert(key, term);
        _count++;
    }

    private void Insert(long key, int term)
    {
        int mask = _entries.Length - 1, i = Slot(key, mask);
        while (_entries[i].Key >= 0) i = (i + 1) & mask;
        _entries[i] = new Entry { Key = key, Term = term };
    }

    /// <summary>Fibonacci hashing: the key times 2⁶⁴/φ, top bits (the halves of a key are small term numbers, which
    /// the low bits alone would crowd together).</summary>
    private static int Slot(long key, int mask) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> 32) & mask;

    private static Entry[] NewEntries(int length)
    {
        var entries = new Entry[length];
        Array.Fill(entries, new Entry { Key = -1 });
        return entries;
    }
}
