using System.Globalization;

namespace Evidence.Analytics;

/// <summary>What makes a cell of an evidence map a gap.</summary>
[Flags]
public enum GapKind
{
    /// <summary>Not a gap.</summary>
    None = 0,
    /// <summary>No study at all (an absolute gap, in 3ie's terms). Never combined with the other flags.</summary>
    Absolute = 1,
    /// <summary>Studies, but no randomised controlled trial.</summary>
    NoRct = 2,
    /// <summary>Studies, but fewer than the map's threshold.</summary>
    Thin = 4,
}

/// <summary>A cell of an evidence map that is a gap: empty, without an RCT, or with fewer studies than a threshold.</summary>
/// <remarks>Evidence and gap maps "show what evidence there is and not what evidence says" (Campbell): a gap is missing
/// evidence, not evidence of no effect. Immutable.</remarks>
public sealed partial class EvidenceGap
{
    internal EvidenceGap(EvidenceMapCell cell, GapKind kind)
    {
        Cell = cell;
        Kind = kind;
    }

    /// <summary>The cell.</summary>
    public EvidenceMapCell Cell { get; }

    /// <summary>The row label.</summary>
    public string Row => Cell.Row;

    /// <summary>The column label.</summary>
    public string Column => Cell.Column;

    /// <summary>The number of studies in the cell.</summary>
    public int Studies => Cell.Studies;

    /// <summary>Why the cell is a gap.</summary>
    public GapKind Kind { get; }

    /// <summary>"Service navigation × Quality of life: no studies" or "… : 2 studies, no RCT, fewer than 3".</summary>
    public override string ToString()
    {
        if (Kind.HasFlag(GapKind.Absolute)) return $"{Row} × {Column}: no studies";
        var reasons = new List<string>();
        if (Kind.HasFlag(GapKind.NoRct)) reasons.Add("no RCT");
        if (Kind.HasFlag(GapKind.Thin)) reasons.Add("thin");
        return string.Create(CultureInfo.InvariantCulture, $"{Row} × {Column}: {Studies} {(Studies == 1 ? "study" : "studies")}, {string.Join(", ", reasons)}");
    }
}
