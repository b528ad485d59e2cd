using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How many studies of one design support something: "Qualitative 3".</summary>
/// <param name="Design">The study design.</param>
/// <param name="Studies">The number of distinct studies of that design.</param>
public readonly partial record struct DesignCount(StudyDesign Design, int Studies)
{
    /// <summary>"Qualitative 3".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Design.Label()} {Studies}");
}
