using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The counts of an updated review's PRISMA 2020 flow diagram: studies (and reports) included in the previous
/// version, new in this one, and in total.</summary>
/// <remarks>PRISMA 2020's diagram for updated reviews adds "studies included in previous version of review" to "new
/// studies included in review" to give the total; a study removed in the update (found ineligible, or merged as a
/// duplicate) is counted in <see cref="RemovedStudies"/>, so Previous + New − Removed = Total. Immutable.</remarks>
public sealed partial class PrismaUpdateCounts
{
    internal PrismaUpdateCounts(int previousStudies, int newStudies, int removedStudies, int totalStudies, int? previousReports, int? totalReports)
    {
        PreviousStudies = previousStudies;
        NewStudies = newStudies;
        RemovedStudies = removedStudies;
        TotalStudies = totalStudies;
        PreviousReports = previousReports;
        TotalReports = totalReports;
    }

    /// <summary>Studies included in the previous version of the review.</summary>
    public int PreviousStudies { get; }

    /// <summary>New studies included in this version (studies matched to none of the previous version's).</summary>
    public int NewStudies { get; }

    /// <summary>Studies of the previous version no longer included.</summary>
    public int RemovedStudies { get; }

    /// <summary>Total studies included in this version.</summary>
    public int TotalStudies { get; }

    /// <summary>Reports of the studies included in the previous version, when its Flow sheet gives them.</summary>
    public int? PreviousReports { get; }

    /// <summary>Reports of the studies included in this version, when its Flow sheet gives them.</summary>
    public int? TotalReports { get; }

    /// <summary>New reports: the total less the previous ones, when both are given and no study was removed (then no
    /// report was, and the difference is the new reports); otherwise null.</summary>
    public int? NewReports => PreviousReports is { } previous && TotalReports is { } total && RemovedStudies == 0 && total >= previous ? total - previous : null;

    /// <summary>"Studies: 33 previous + 3 new − 1 removed = 35 total; reports: 33 previous, 35 total".</summary>
    public override string ToString()
    {
        string studies = string.Create(CultureInfo.InvariantCulture, $"Studies: {PreviousStudies} previous + {NewStudies} new");
        if (RemovedStudies > 0) studies += string.Create(CultureInfo.InvariantCulture, $" − {RemovedStudies} removed");
        studies += string.Create(CultureInfo.InvariantCulture, $" = {TotalStudies} total");
        if (PreviousReports is null && TotalReports is null) return studies;
        return studies + "; reports: " + Count(PreviousReports) + " previous" + (NewReports is { } n ? string.Create(CultureInfo.InvariantCulture, $", {n} new") : "") + ", " + Count(TotalReports) + " total";
    }

    private static string Count(int? value) => value is { } n ? n.ToString(CultureInfo.InvariantCulture) : "not reported";
}
