using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How a study of a review's previous version was found again in its new version.</summary>
public enum StudyMatchRule
{
    /// <summary>The same study id (ignoring case).</summary>
    Id,
    /// <summary>The same DOI, once normalised (case, <c>https://doi.org/</c> and <c>doi:</c> prefixes).</summary>
    Doi,
    /// <summary>The same normalised title (case, accents, punctuation and spacing ignored) and the same year, and no two
    /// different DOIs.</summary>
    TitleAndYear,
}

/// <summary>One field of a study coded differently in the two versions of a review: "Design: RCT → Quasi-experimental".</summary>
/// <param name="Field">The field, as the workbook names its column ("Design", "Risk of bias"), or "Intervention types"
/// (the types of the study's interventions), or "Findings: " and the outcome domain (the study's findings in it).</param>
/// <param name="Previous">The value in the previous version, or null when it was blank.</param>
/// <param name="Current">The value in the new version, or null when it is blank.</param>
public sealed partial record StudyFieldChange(string Field, string? Previous, string? Current)
{
    /// <summary>"Design: RCT → Quasi-experimental", with "(blank)" for a blank value.</summary>
    public override string ToString() => $"{Field}: {Previous ?? "(blank)"} → {Current ?? "(blank)"}";
}

/// <summary>A study found in both versions of a review: the two records, how they were matched and every field coded
/// differently.</summary>
/// <remarks>Immutable. The fields compared are the Studies sheet's columns, the intervention types its interventions
/// have, and its findings in each outcome domain (measure, direction and effect estimate), so a study whose
/// intervention was recoded on the Interventions sheet, or whose finding changed direction, is a changed study.</remarks>
public sealed partial class MatchedStudy
{
    internal MatchedStudy(Study previous, Study current, StudyMatchRule matchedBy, ImmutableArray<StudyFieldChange> changes)
    {
        Previous = previous;
        Current = current;
        MatchedBy = matchedBy;
        Changes = changes;
    }

    /// <summary>The study in the previous version.</summary>
    public Study Previous { get; }

    /// <summary>The study in the new version.</summary>
    public Study Current { get; }

    /// <summary>How the two were matched.</summary>
    public StudyMatchRule MatchedBy { get; }

    /// <summary>The fields coded differently, in the order of the Studies sheet's columns, then intervention types, then
    /// findings by outcome domain; empty when nothing changed.</summary>
    public ImmutableArray<StudyFieldChange> Changes { get; }

    /// <summary>Whether any field changed (the study was recoded).</summary>
    public bool IsChanged => !Changes.IsEmpty;

    /// <summary>"S12 (matched by id): Findings: Social connection: MSPSS: No difference → MSPSS: Improved".</summary>
    public override string ToString()
    {
        string id = string.Equals(Previous.Id, Current.Id, StringComparison.Ordinal) ? Current.Id : $"{Previous.Id} → {Current.Id}";
        string how = MatchedBy switch
        {
            StudyMatchRule.Doi => "DOI",
            StudyMatchRule.TitleAndYear => "title and year",
            _ => "id",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{id} (matched by {how}): {(Changes.IsEmpty ? "unchanged" : string.Join("; ", Changes))}");
    }
}
