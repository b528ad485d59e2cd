using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>One cell of an <see cref="EvidenceMap"/>: the distinct studies with evidence on a row–column pair.</summary>
/// <remarks>Immutable. <see cref="ByDesignGroup"/> and <see cref="ByDirection"/> each add up to <see cref="Studies"/>: each
/// study is counted once, under its design group and under the one direction its findings in the cell combine to
/// (<see cref="WithinStudyDirection"/>).</remarks>
public sealed partial class EvidenceMapCell
{
    internal EvidenceMapCell(string row, string column, int rowIndex, int columnIndex, ImmutableArray<string> studyIds,
        DesignGroupCounts byDesignGroup, DirectionCounts byDirection, int findings)
    {
        Row = row;
        Column = column;
        RowIndex = rowIndex;
        ColumnIndex = columnIndex;
        StudyIds = studyIds;
        ByDesignGroup = byDesignGroup;
        ByDirection = byDirection;
        Findings = findings;
    }

    /// <summary>The row label.</summary>
    public string Row { get; }

    /// <summary>The column label.</summary>
    public string Column { get; }

    /// <summary>The row's position in <see cref="EvidenceMap.RowLabels"/>.</summary>
    public int RowIndex { get; }

    /// <summary>The column's position in <see cref="EvidenceMap.ColumnLabels"/>.</summary>
    public int ColumnIndex { get; }

    /// <summary>The ids of the distinct studies in the cell, in evidence-base order.</summary>
    public ImmutableArray<string> StudyIds { get; }

    /// <summary>The number of distinct studies in the cell.</summary>
    public int Studies => StudyIds.Length;

    /// <summary>The studies by design group.</summary>
    public DesignGroupCounts ByDesignGroup { get; }

    /// <summary>The studies by the direction their findings in this cell combine to.</summary>
    /// <remarks>In a map whose dimensions are all study- or intervention-level, a study's direction combines all its
    /// (filtered) findings across outcomes, and a study with no findings counts as not reported.</remarks>
    public DirectionCounts ByDirection { get; }

    /// <summary>The number of distinct findings behind the cell.</summary>
    public int Findings { get; }

    /// <summary>Whether no study is in the cell (an absolute gap).</summary>
    public bool IsEmpty => StudyIds.IsEmpty;

    /// <summary>Whether at least one RCT is in the cell.</summary>
    public bool HasRct => ByDesignGroup.Rct > 0;

    /// <summary>"Social support × Mental health: 5 studies (RCT 2, qualitative 1, other 2), 9 findings".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Row} × {Column}: {Studies} {(Studies == 1 ? "study" : "studies")} ({ByDesignGroup}), {Findings} {(Findings == 1 ? "finding" : "findings")}");
}
