using System.Collections.Immutable;

namespace Evidence.Analytics.ScreeningProjects;

/// <summary>A screener's decision on a record in a screening project.</summary>
public enum ScreeningChoice
{
    /// <summary>The record goes forward to full text.</summary>
    Include,
    /// <summary>The record is excluded.</summary>
    Exclude,
    /// <summary>Undecided: to be discussed. Not counted as include or exclude in agreement or PRISMA counts.</summary>
    Maybe,
}

/// <summary>What a screening event records.</summary>
public enum ScreeningEventKind
{
    /// <summary>A screener's decision on a record.</summary>
    Decision,
    /// <summary>A screener withdrew their latest decision still standing (<see cref="ScreeningEvent.Undoes"/>).</summary>
    Undo,
    /// <summary>The decision agreed for a record the screeners decided differently (a conflict's resolution).</summary>
    Resolution,
}

/// <summary>One entry of a project's decision history, which is only ever appended to: an undo is a new event, never a
/// change to an old one.</summary>
/// <param name="Sequence">The event's place in the project's history (1, 2, …), across all screeners.</param>
/// <param name="Time">When it was recorded (UTC).</param>
/// <param name="Screener">Who recorded it.</param>
/// <param name="Kind">A decision, an undo or a resolution.</param>
/// <param name="RecordId">The record decided or resolved (for an undo, the record of the decision undone).</param>
/// <param name="Choice">The decision (null for an undo).</param>
/// <param name="Note">The screener's note, or null.</param>
/// <param name="ExclusionReason">Why the record was excluded, or null.</param>
/// <param name="ScreenerSequence">The event's place among the screener's decisions and undos (1, 2, …); null for a resolution.</param>
/// <param name="Undoes">For an undo, the <see cref="Sequence"/> of the decision it withdrew; otherwise null.</param>
public sealed record ScreeningEvent(long Sequence, DateTimeOffset Time, string Screener, ScreeningEventKind Kind, string RecordId,
    ScreeningChoice? Choice, string? Note, string? ExclusionReason, long? ScreenerSequence, long? Undoes);

/// <summary>A model trained on a screener's decisions, as it ran: the model's full parameters (presets drift between
/// versions), how many decisions it learnt from and how long it took.</summary>
/// <param name="Time">When the training finished (UTC).</param>
/// <param name="Screener">Whose decisions it learnt from.</param>
/// <param name="Model">The model's name ("elas_u4").</param>
/// <param name="Parameters">Every parameter, as <see cref="ScreeningModel.Parameters"/> names them.</param>
/// <param name="Labelled">The decisions it was trained on (include and exclude).</param>
/// <param name="Included">Of which includes.</param>
/// <param name="Milliseconds">Training and ranking time.</param>
public sealed record ModelRun(DateTimeOffset Time, string Screener, string Model, ImmutableSortedDictionary<string, string> Parameters,
    int Labelled, int Included, double Milliseconds);

/// <summary>A file the project's records were imported from: PRISMA's "records identified" for that source.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Database">The database most of its records name (RIS DB/DP, PubMed), or null.</param>
/// <param name="Records">Records read from it, before duplicates were removed.</param>
public sealed record RecordSource(string File, string? Database, int Records);
