using System.Globalization;

namespace Evidence.Analytics;

/// <summary>One study's vote: the single direction its findings combine to, and how many findings that took.</summary>
/// <param name="StudyId">The study.</param>
/// <param name="Direction">The combined direction (<see cref="WithinStudyDirection"/>).</param>
/// <param name="Findings">The number of findings combined.</param>
public readonly partial record struct StudyDirection(string StudyId, Direction Direction, int Findings)
{
    /// <summary>"S01: Improved (3 findings)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StudyId}: {Direction.Label()} ({Findings} {(Findings == 1 ? "finding" : "findings")})");
}
