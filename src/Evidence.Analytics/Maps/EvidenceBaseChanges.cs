using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>What changed between two versions of a review (a living map's update): the studies added, removed and
/// recoded, the evidence map's cells whose studies changed, the shares whose estimate, interval or headline changed, and
/// the PRISMA "previous / new / total" counts.</summary>
/// <remarks>
/// <para>Studies are matched by id (ignoring case), then among those left by DOI (normalised: case, resolver and
/// <c>doi:</c> prefixes), then by normalised title and year, never joining two studies with different DOIs by their
/// titles; a study of either version is matched at most once, the first candidate in the workbook's order winning. A
/// study of the new version matched to none is added; one of the previous version matched to none is removed.</para>
/// <para>The map is intervention type × outcome domain unless other dimensions are given, as on the Summary sheet; its
/// cells are compared study by study (a matched study is the same study under either id). The shares are the Summary
/// sheet's: per outcome domain, the share of the quantitative studies (all studies when qualitative studies vote) and
/// of the RCTs that reported improvement, among those that reported a direction, with Wilson 95% intervals.</para>
/// <para>Every list is in a fixed order: the new version's workbook order (the previous version's for removed studies),
/// map cells row by row, shares by design then outcome domain. Immutable.</para>
/// </remarks>
public sealed partial class EvidenceBaseChanges
{
    private EvidenceBaseChanges(EvidenceBase previous, EvidenceBase current, bool includeQualitative, Dimension rows, Dimension columns)
    {
        Previous = previous;
        Current = current;
        IncludesQualitative = includeQualitative;
        var (matched, added, removed) = Match(previous, current);
        Matched = matched;
        Added = added;
        Removed = removed;
        Changed = [.. matched.Where(m => m.IsChanged)];
        PreviousMap = previous.Map(rows, columns);
        CurrentMap = current.Map(rows, columns);
        Cells = CompareCells(PreviousMap, CurrentMap, matched);
        Shares = CompareShares(previous, current, includeQualitative);
        Counts = new PrismaUpdateCounts(previous.Studies.Length, added.Length, removed.Length, current.Studies.Length,
            previous.Flow?.ReportsIncluded, current.Flow?.ReportsIncluded);
    }

    /// <summary>Compares two versions of a review.</summary>
    /// <param name="previous">The previous version.</param>
    /// <param name="current">The new version.</param>
    /// <param name="includeQualitative">Whether qualitative studies vote in the all-designs shares (as <c>report
    /// --include-qualitative</c>); by default they are reported beside them.</param>
    /// <param name="rows">The map's row dimension; by default intervention type.</param>
    /// <param name="columns">The map's column dimension; by default outcome domain.</param>
    public static EvidenceBaseChanges Between(EvidenceBase previous, EvidenceBase current, bool includeQualitative = false,
        Dimension rows = Dimension.InterventionType, Dimension columns = Dimension.OutcomeDomain)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        return new EvidenceBaseChanges(previous, current, includeQualitative, rows, columns);
    }

    /// <summary>The previous version.</summary>
    public EvidenceBase Previous { get; }

    /// <summary>The new version.</summary>
    public EvidenceBase Current { get; }

    /// <summary>Whether qualitative studies vote in the all-designs shares compared.</summary>
    public bool IncludesQualitative { get; }

    /// <summary>Every study found in both versions, changed or not, in the new version's order.</summary>
    public ImmutableArray<MatchedStudy> Matched { get; }

    /// <summary>The studies of the new version matched to none of the previous one's, in its order.</summary>
    public ImmutableArray<Study> Added { get; }

    /// <summary>The studies of the previous version matched to none of the new one's, in its order.</summary>
    public ImmutableArray<Study> Removed { get; }

    /// <summary>The matched studies with a field coded differently (recoded), in the new version's order.</summary>
    public ImmutableArray<MatchedStudy> Changed { get; }

    /// <summary>The previous version's evidence map.</summary>
    public EvidenceMap PreviousMap { get; }

    /// <summary>The new version's evidence map.</summary>
    public EvidenceMap CurrentMap { get; }

    /// <summary>The map cells whose studies changed, row by row (the new map's rows and columns, then any only the previous
    /// map has).</summary>
    public ImmutableArray<MapCellChange> Cells { get; }

    /// <summary>The shares whose estimate, interval or headline changed: the quantitative (or all-designs) shares by outcome
    /// domain, then the RCT shares.</summary>
    public ImmutableArray<ShareChange> Shares { get; }

    /// <summary>PRISMA 2020's previous / new / total counts of included studies (and reports).</summary>
    public PrismaUpdateCounts Counts { get; }

    /// <summary>Whether anything differs: a study added, removed or recoded (a study found again under another id is not
    /// a change by itself).</summary>
    public bool HasChanges => !Added.IsEmpty || !Removed.IsEmpty || !Changed.IsEmpty;

    /// <summary>The changes in a few lines: the counts, then each added, removed and recoded study, cell and share.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Changes from {Previous.Review.Title} to {Current.Review.Title}: {Counts}.");
        text.AppendLine().Append(c, $"{Added.Length} added: {Ids(Added)}");
        text.AppendLine().Append(c, $"{Removed.Length} removed: {Ids(Removed)}");
        text.AppendLine().Append(c, $"{Changed.Length} recoded:");
        foreach (var study in Changed) text.AppendLine().Append("  ").Append(study);
        text.AppendLine().Append(c, $"{Cells.Length} map cells changed:");
        foreach (var cell in Cells) text.AppendLine().Append("  ").Append(cell);
        text.AppendLine().Append(c, $"{Shares.Length} shares changed:");
        foreach (var share in Shares) text.AppendLine().Append("  ").Append(share);
        return text.ToString();
    }

    private static string Ids(ImmutableArray<Study> studies) => studies.IsEmpty ? "none" : string.Join(", ", studies.Select(s => s.Id));

    private static (ImmutableArray<MatchedStudy> Matched, ImmutableArray<Study> Added, ImmutableArray<Study> Removed) Match(EvidenceBase previous, EvidenceBase current)
    {
        var pairs = new Study?[current.Studies.Length];
        var rules = new StudyMatchRule[current.Studies.Length];
        var taken = new HashSet<Study>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < current.Studies.Length; i++)
        {
            if (previous.TryGetStudy(current.Studies[i].Id, out var same))
            {
                pairs[i] = same;
                taken.Add(same);
            }
        }
        // Then by DOI, then by title and year, among the studies left on both sides, first come first served.
        void MatchBy(StudyMatchRule rule, Func<Study, string?> key)
        {
            var waiting = new Dictionary<string, List<Study>>(StringComparer.Ordinal);
            foreach (var study in previous.Studies)
            {
                if (taken.Contains(study) || key(study) is not { } k) continue;
                if (!waiting.TryGetValue(k, out var list)) waiting[k] = list = [];
                list.Add(study);
            }
            for (int i = 0; i < current.Studies.Length; i++)
            {
                var study = current.Studies[i];
                if (pairs[i] is not null || key(study) is not { } k || !waiting.TryGetValue(k, out var candidates)) continue;
                string? doi = CitationKeys.Doi(study.Citation.Doi);
                int found = candidates.FindIndex(p => doi is null || CitationKeys.Doi(p.Citation.Doi) is not { } other || other == doi);
                if (found < 0) continue;
                pairs[i] = candidates[found];
                rules[i] = rule;
                taken.Add(candidates[found]);
                candidates.RemoveAt(found);
            }
        }
        MatchBy(StudyMatchRule.Doi, s => CitationKeys.Doi(s.Citation.Doi));
        MatchBy(StudyMatchRule.TitleAndYear, s => CitationKeys.Title(s.Citation.Title) is { Length: > 0 } title
            ? title + "\u0001" + s.Citation.Year.ToString(CultureInfo.InvariantCulture) : null);

        var matched = ImmutableArray.CreateBuilder<MatchedStudy>();
        var added = ImmutableArray.CreateBuilder<Study>();
        for (int i = 0; i < current.Studies.Length; i++)
        {
            if (pairs[i] is { } before) matched.Add(new MatchedStudy(before, current.Studies[i], rules[i], StudyFields.Compare(previous, before, current, current.Studies[i])));
            else added.Add(current.Studies[i]);
        }
        return (matched.ToImmutable(), added.ToImmutable(), [.. previous.Studies.Where(s => !taken.Contains(s))]);
    }

    private static ImmutableArray<MapCellChange> CompareCells(EvidenceMap previous, EvidenceMap current, ImmutableArray<MatchedStudy> matched)
    {
        // One identity per study: its id in the new version when matched, else its own id (a removed study's id cannot be
        // a new study's, or the two would have been matched by id).
        var identity = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in matched) identity[pair.Previous.Id] = pair.Current.Id;
        string Identity(string previousId) => identity.TryGetValue(previousId, out var id) ? id : previousId;

        var rows = current.RowLabels.Concat(previous.RowLabels).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var columns = current.ColumnLabels.Concat(previous.ColumnLabels).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var changes = ImmutableArray.CreateBuilder<MapCellChange>();
        foreach (string row in rows)
        {
            foreach (string column in columns)
            {
                var before = Cell(previous, row, column);
                var after = Cell(current, row, column);
                var beforeIds = new HashSet<string>(before.Select(Identity), StringComparer.OrdinalIgnoreCase);
                var afterIds = new HashSet<string>(after, StringComparer.OrdinalIgnoreCase);
                ImmutableArray<string> entered = [.. after.Where(id => !beforeIds.Contains(id))];
                ImmutableArray<string> left = [.. before.Where(id => !afterIds.Contains(Identity(id)))];
                if (entered.IsEmpty && left.IsEmpty) continue;
                changes.Add(new MapCellChange(row, column, before.Length, after.Length, entered, left));
            }
        }
        return changes.ToImmutable();
    }

    private static ImmutableArray<string> Cell(EvidenceMap map, string row, string column)
    {
        int r = IndexOf(map.RowLabels, row), c = IndexOf(map.ColumnLabels, column);
        return r < 0 || c < 0 ? [] : map[r, c].StudyIds;
    }

    private static int IndexOf(ImmutableArray<string> labels, string label)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    private static ImmutableArray<ShareChange> CompareShares(EvidenceBase previous, EvidenceBase current, bool includeQualitative)
    {
        var domains = current.Findings.Select(f => f.Domain).Concat(previous.Findings.Select(f => f.Domain)).Distinct().Order().ToList();
        var changes = ImmutableArray.CreateBuilder<ShareChange>();
        foreach (DesignGroup? design in new DesignGroup?[] { null, DesignGroup.Rct })
        {
            bool qualitative = design is null && includeQualitative;
            foreach (var domain in domains)
            {
                var before = previous.Share(design, domain, includeQualitative: qualitative);
                var after = current.Share(design, domain, includeQualitative: qualitative);
                var change = new ShareChange(domain, design, before, after, Headline(before, domain), Headline(after, domain));
                if (change.EstimateChanged || change.IntervalChanged || change.HeadlineChanged) changes.Add(change);
            }
        }
        return changes.ToImmutable();
    }

    /// <summary>The Summary sheet's headline of a share, or null when no study reported a direction (the sheet has none then).</summary>
    private static string? Headline(Share share, OutcomeDomain domain) =>
        share.Denominator == 0 ? null : ShareWording.Headline(share, ShareWording.InSentence(domain.Name));
}
