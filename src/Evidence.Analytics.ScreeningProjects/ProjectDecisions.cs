using System.Collections.Immutable;

namespace Evidence.Analytics.ScreeningProjects;

/// <summary>A record two screeners decided differently, and its resolution if one has been recorded.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="First">The first screener's decision.</param>
/// <param name="Second">The second screener's decision.</param>
/// <param name="Resolution">The latest resolution event, or null while unresolved.</param>
public sealed record RecordConflict(string RecordId, ScreeningChoice First, ScreeningChoice Second, ScreeningEvent? Resolution);

/// <summary>A project's decisions as they stand at one moment, worked out from its history: each screener's latest
/// decision on each record, undone decisions withdrawn, and the resolutions of conflicts.</summary>
/// <remarks>An undo withdraws the screener's latest decision still standing; if the screener had decided the same record
/// before that, the earlier decision stands again. Immutable.</remarks>
public sealed class ProjectDecisions
{
    private readonly ScreeningProject _project;
    private readonly Dictionary<string, ImmutableArray<ScreeningEvent>> _standing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ScreeningEvent>> _byRecord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScreeningEvent> _resolutions = new(StringComparer.Ordinal);

    internal ProjectDecisions(ScreeningProject project, ImmutableArray<ScreeningEvent> history)
    {
        _project = project;
        History = history;
        Screeners = [.. history.Where(e => e.Kind != ScreeningEventKind.Resolution).Select(e => e.Screener).Distinct(StringComparer.Ordinal)];
        foreach (string screener in Screeners)
        {
            var standing = StandingOf(history.Where(e => e.Screener == screener));
            // The latest standing decision of each record, in the order those decisions were made.
            var latest = new Dictionary<string, ScreeningEvent>(StringComparer.Ordinal);
            foreach (var e in standing) latest[e.RecordId] = e;
            _byRecord[screener] = latest;
            _standing[screener] = [.. latest.Values.OrderBy(e => e.Sequence)];
        }
        foreach (var e in history.Where(e => e.Kind == ScreeningEventKind.Resolution)) _resolutions[e.RecordId] = e;
    }

    /// <summary>Every event, in order.</summary>
    public ImmutableArray<ScreeningEvent> History { get; }

    /// <summary>The screeners who have decided or undone something, in the order of their first event.</summary>
    public ImmutableArray<string> Screeners { get; }

    /// <summary>A screener's standing decisions: the latest on each record they decided, in the order made.</summary>
    public ImmutableArray<ScreeningEvent> Of(string screener) => _standing.TryGetValue(screener, out var events) ? events : [];

    /// <summary>A screener's standing decision on a record, or null.</summary>
    public ScreeningChoice? ChoiceOf(string screener, string recordId) =>
        _byRecord.TryGetValue(screener, out var map) && map.TryGetValue(recordId, out var e) ? e.Choice : null;

    /// <summary>The latest resolution of a record, or null.</summary>
    public ScreeningEvent? ResolutionOf(string recordId) => _resolutions.GetValueOrDefault(recordId);

    /// <summary>Records with at least one standing decision.</summary>
    public int Screened => _byRecord.Values.SelectMany(m => m.Keys).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The decision a record ends with: its resolution if any, otherwise the decision every screener who
    /// decided it agrees on (include or exclude); null while undecided, maybe, or in conflict.</summary>
    public ScreeningChoice? Final(string recordId)
    {
        if (_resolutions.TryGetValue(recordId, out var resolution)) return resolution.Choice;
        ScreeningChoice? agreed = null;
        foreach (var map in _byRecord.Values)
        {
            if (!map.TryGetValue(recordId, out var e)) continue;
            if (e.Choice == ScreeningChoice.Maybe || (agreed is { } a && a != e.Choice)) return null;
            agreed = e.Choice;
        }
        return agreed;
    }

    /// <summary>The records whose <see cref="Final"/> decision is include, in project order.</summary>
    public ImmutableArray<Record> Included => [.. _project.Records.Where(r => Final(r.Id) == ScreeningChoice.Include)];

    /// <summary>The records whose <see cref="Final"/> decision is exclude, in project order.</summary>
    public ImmutableArray<Record> Excluded => [.. _project.Records.Where(r => Final(r.Id) == ScreeningChoice.Exclude)];

    /// <summary>Records both screeners decided, with different decisions (maybe against anything else counts), in project order.</summary>
    public ImmutableArray<RecordConflict> Conflicts(string first, string second)
    {
        var a = _byRecord.GetValueOrDefault(first);
        var b = _byRecord.GetValueOrDefault(second);
        if (a is null || b is null) return [];
        return [.. _project.Records
            .Where(r => a.TryGetValue(r.Id, out var x) && b.TryGetValue(r.Id, out var y) && x.Choice != y.Choice)
            .Select(r => new RecordConflict(r.Id, a[r.Id].Choice!.Value, b[r.Id].Choice!.Value, _resolutions.GetValueOrDefault(r.Id)))];
    }

    /// <summary>The two screeners' agreement on the records both decided include or exclude (maybe left out), or null
    /// when there is no such record.</summary>
    public ScreeningAgreement? Agreement(string first, string second, double level = 0.95)
    {
        var a = _byRecord.GetValueOrDefault(first);
        var b = _byRecord.GetValueOrDefault(second);
        if (a is null || b is null) return null;
        int both = 0, firstOnly = 0, secondOnly = 0, neither = 0;
        foreach (var (id, x) in a)
        {
            if (!b.TryGetValue(id, out var y) || x.Choice == ScreeningChoice.Maybe || y.Choice == ScreeningChoice.Maybe) continue;
            bool i = x.Choice == ScreeningChoice.Include, j = y.Choice == ScreeningChoice.Include;
            if (i && j) both++;
            else if (i) firstOnly++;
            else if (j) secondOnly++;
            else neither++;
        }
        return both + firstOnly + secondOnly + neither == 0 ? null
            : ScreeningAgreement.FromCounts(both, firstOnly, secondOnly, neither, level, first, second);
    }

    /// <summary>One screener's decisions and undos reduced to the decisions still standing, in order.</summary>
    internal static List<ScreeningEvent> StandingOf(IEnumerable<ScreeningEvent> events)
    {
        var standing = new List<ScreeningEvent>();
        foreach (var e in events)
        {
            if (e.Kind == ScreeningEventKind.Decision) standing.Add(e);
            else if (e.Kind == ScreeningEventKind.Undo) standing.RemoveAll(d => d.Sequence == e.Undoes);
        }
        return standing;
    }
}
