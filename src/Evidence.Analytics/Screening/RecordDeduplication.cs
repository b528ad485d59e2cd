using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Why records were found to be the same record.</summary>
public enum DuplicateReason
{
    /// <summary>The same DOI, once normalised (case, <c>https://doi.org/</c> and <c>doi:</c> prefixes).</summary>
    Doi,
    /// <summary>The same normalised title (case, accents, punctuation and spacing ignored) and the same year.</summary>
    TitleAndYear,
    /// <summary>Near-identical normalised title and abstract (at least the similarity asked for; both records have an abstract).</summary>
    TitleAndAbstract,
}

/// <summary>Records found to be one record: the first in input order is kept, the others are duplicates.</summary>
/// <param name="Kept">The record kept.</param>
/// <param name="Duplicates">The records removed as its duplicates, in input order.</param>
/// <param name="Reason">The first rule, in the order DOI, title and year, title and abstract, that joined the group.</param>
public sealed partial record DuplicateGroup(Record Kept, ImmutableArray<Record> Duplicates, DuplicateReason Reason);

/// <summary>The records left after removing duplicates, and the duplicate groups found.</summary>
/// <param name="Records">The records kept, in input order.</param>
/// <param name="Groups">The duplicate groups, in the input order of their kept record.</param>
public sealed partial record DeduplicatedRecords(ImmutableArray<Record> Records, ImmutableArray<DuplicateGroup> Groups)
{
    /// <summary>The records removed as duplicates: PRISMA's "duplicate records removed".</summary>
    public int DuplicatesRemoved => Groups.Sum(g => g.Duplicates.Length);

    /// <summary>The records removed for each reason.</summary>
    public int RemovedFor(DuplicateReason reason) => Groups.Where(g => g.Reason == reason).Sum(g => g.Duplicates.Length);
}

/// <summary>Finds duplicate records: by normalised DOI, then by normalised title and year, then by near-identical title
/// and abstract.</summary>
/// <remarks>Records with two different DOIs are never joined by their titles (an erratum and its article share a title).
/// A title needs at least one letter or digit, the title-and-year rule needs both years, and the title-and-abstract
/// rule needs both abstracts (so that records with only a generic title, such as "Editorial", are not joined by it). Near-identical text is
/// compared between neighbours when the records are sorted by their normalised title and abstract, forwards and
/// backwards (so a difference at one end does not hide a pair), with similarity 1 − edit distance ÷ the longer length.</remarks>
public static class RecordDeduplication
{
    /// <summary>Groups duplicates and keeps the first record of each group.</summary>
    /// <param name="records">The records, in the order that decides which is kept.</param>
    /// <param name="similarity">The least similarity of normalised title and abstract for near-identical records (default 0.98, as asreview-datatools).</param>
    public static DeduplicatedRecords Deduplicate(IEnumerable<Record> records, double similarity = 0.98)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (!(similarity > 0 && similarity <= 1)) throw new ArgumentOutOfRangeException(nameof(similarity), similarity, "The similarity must be in (0, 1].");
        var list = records.ToImmutableArray();
        int n = list.Length;
        var parent = Enumerable.Range(0, n).ToArray();
        var reason = new DuplicateReason?[n];
        string?[] doi = [.. list.Select(r => NormaliseDoi(r.Doi))];
        string?[] groupDoi = [.. doi]; // the DOI of the group a record roots, if any
        bool Conflict(int a, int b) => groupDoi[Root(a)] is { } x && groupDoi[Root(b)] is { } y && x != y;
        int Root(int i)
        {
            while (parent[i] != i) i = parent[i] = parent[parent[i]];
            return i;
        }
        void Join(int a, int b, DuplicateReason why)
        {
            int ra = Root(a), rb = Root(b);
            if (ra == rb) return;
            if (rb < ra) (ra, rb) = (rb, ra);
            parent[rb] = ra;
            groupDoi[ra] ??= groupDoi[rb];
            var joined = Min(reason[ra], Min(reason[rb], why));
            reason[ra] = joined;
        }
        static DuplicateReason Min(DuplicateReason? a, DuplicateReason b) => a is { } x && x < b ? x : b;

        void ByKey(Func<int, string?> key, DuplicateReason why, bool checkDoi)
        {
            var first = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                if (key(i) is not { } k) continue;
                if (!first.TryGetValue(k, out var seen)) first[k] = seen = [];
                int match = checkDoi ? seen.FindIndex(j => !Conflict(i, j)) : (seen.Count > 0 ? 0 : -1);
                if (match >= 0) Join(seen[match], i, why);
                seen.Add(i);
            }
        }

        ByKey(i => doi[i], DuplicateReason.Doi, checkDoi: false);
        string[] titles = [.. list.Select(r => NormaliseTitle(r.Title))];
        ByKey(i => titles[i].Length > 0 && list[i].Year is { } y ? titles[i] + "\u0001" + y.ToString(CultureInfo.InvariantCulture) : null, DuplicateReason.TitleAndYear, checkDoi: true);
        string[] texts = [.. list.Select(r => NormaliseTitle(r.Title) + " " + NormaliseTitle(r.Abstract))];
        bool HasText(int i) => NormaliseTitle(list[i].Abstract).Length > 0;
        ByKey(i => HasText(i) ? texts[i] : null, DuplicateReason.TitleAndAbstract, checkDoi: true);
        if (similarity < 1)
        {
            int[] candidates = [.. Enumerable.Range(0, n).Where(HasText)];
            string[] reversed = [.. texts.Select(t => new string([.. t.Reverse()]))];
            foreach (var order in new[] { texts, reversed })
            {
                int[] sorted = [.. candidates.OrderBy(i => order[i], StringComparer.Ordinal).ThenBy(i => i)];
                for (int s = 1; s < sorted.Length; s++)
                {
                    int a = sorted[s - 1], b = sorted[s];
                    if (Root(a) != Root(b) && !Conflict(a, b) && Similar(texts[a], texts[b], similarity)) Join(a, b, DuplicateReason.TitleAndAbstract);
                }
            }
        }

        var members = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            int root = Root(i);
            if (!members.TryGetValue(root, out var group)) members[root] = group = [];
            group.Add(i);
        }
        var groups = members.Where(m => m.Value.Count > 1)
            .Select(m => new DuplicateGroup(list[m.Value[0]], [.. m.Value.Skip(1).Select(i => list[i])], reason[m.Key]!.Value))
            .ToImmutableArray();
        return new DeduplicatedRecords([.. members.Keys.Select(k => list[k])], groups);
    }

    /// <summary>A DOI in lower case without its resolver or <c>doi:</c> prefix ("10.1000/xyz"), or null when the value is
    /// blank or does not start with "10.".</summary>
    public static string? NormaliseDoi(string? doi) => CitationKeys.Doi(doi);

    /// <summary>A title (or any text) for comparison: lower case, accents removed, every run of characters other than
    /// letters and digits a single space, trimmed.</summary>
    public static string NormaliseTitle(string? text) => CitationKeys.Title(text);

    /// <summary>Whether 1 − edit distance ÷ the longer length reaches the threshold (banded Levenshtein, stopping early).</summary>
    internal static bool Similar(string a, string b, double threshold)
    {
        int longer = Math.Max(a.Length, b.Length);
        if (longer == 0) return true;
        int band = (int)Math.Floor((1 - threshold) * longer + 1e-9);
        if (Math.Abs(a.Length - b.Length) > band) return false;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int low = Math.Max(1, i - band), high = Math.Min(b.Length, i + band);
            if (low > 1) current[low - 1] = int.MaxValue / 2;
            int best = int.MaxValue;
            for (int j = low; j <= high; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(previous[j - 1] + cost, Math.Min(previous[j] + 1, current[j - 1] + 1));
                current[j] = value;
                best = Math.Min(best, value);
            }
            if (high < b.Length) current[high + 1] = int.MaxValue / 2;
            if (best > band) return false;
            (previous, current) = (current, previous);
        }
        return previous[b.Length] <= band;
    }
}
