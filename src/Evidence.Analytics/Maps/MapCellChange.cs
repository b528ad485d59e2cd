using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>A cell of an evidence map whose studies changed between two versions of a review: how many studies it had
/// and has, which studies are new in it and which are no longer in it.</summary>
/// <remarks>Immutable. A study is new in a cell when it was added to the review or recoded into the cell (a new finding,
/// another intervention type); it left a cell when it was removed from the review or recoded out of it. A cell can change
/// without its count changing (one study in, one out).</remarks>
public sealed partial class MapCellChange
{
    internal MapCellChange(string row, string column, int previousStudies, int currentStudies, ImmutableArray<string> newStudyIds, ImmutableArray<string> leftStudyIds)
    {
        Row = row;
        Column = column;
        PreviousStudies = previousStudies;
        CurrentStudies = currentStudies;
        NewStudyIds = newStudyIds;
        LeftStudyIds = leftStudyIds;
    }

    /// <summary>The row label.</summary>
    public string Row { get; }

    /// <summary>The column label.</summary>
    public string Column { get; }

    /// <summary>The distinct studies in the cell in the previous version (0 when the cell was a gap or not in the map).</summary>
    public int PreviousStudies { get; }

    /// <summary>The distinct studies in the cell in the new version.</summary>
    public int CurrentStudies { get; }

    /// <summary>The change in the number of studies (new minus previous).</summary>
    public int Difference => CurrentStudies - PreviousStudies;

    /// <summary>The studies in the cell now that were not in it before, by their id in the new version, in its order.</summary>
    public ImmutableArray<string> NewStudyIds { get; }

    /// <summary>The studies in the cell before that are not in it now, by their id in the previous version, in its order.</summary>
    public ImmutableArray<string> LeftStudyIds { get; }

    /// <summary>Whether the cell was a gap (no studies) and now has evidence.</summary>
    public bool GapFilled => PreviousStudies == 0 && CurrentStudies > 0;

    /// <summary>Whether the cell had evidence and is now a gap.</summary>
    public bool GapOpened => PreviousStudies > 0 && CurrentStudies == 0;

    /// <summary>"Social support × Mental health: 12 → 13 studies (new: S34; left: none)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Row} × {Column}: {PreviousStudies} → {CurrentStudies} {(CurrentStudies == 1 ? "study" : "studies")} (new: {List(NewStudyIds)}; left: {List(LeftStudyIds)}){(GapFilled ? ", a gap filled" : GapOpened ? ", now a gap" : "")}");

    private static string List(ImmutableArray<string> ids) => ids.IsEmpty ? "none" : string.Join(", ", ids);
}
