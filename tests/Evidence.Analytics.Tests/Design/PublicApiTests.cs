using System.Reflection;
using Evidence.Analytics.Excel;
using Evidence.Analytics.Notebooks;
using Evidence.Analytics.Tests.Charts;

namespace Evidence.Analytics.Tests.Design;

/// <summary>The public API of each package, approved as text (<c>Design/Approved/NAME.approved.txt</c>): a change to
/// what users call shows up in review as a diff of that file. To accept a deliberate change, look at the received file
/// and copy it over the approved one, or run the tests once with EVIDENCE_APPROVE=1.</summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages => ["Evidence.Analytics", "Evidence.Analytics.Excel", "Evidence.Analytics.Notebooks", "Evidence.Analytics.DataFrames", "Evidence.Analytics.Asreview", "Evidence.Analytics.ScreeningProjects"];

    private static Assembly Package(string name) => name switch
    {
        "Evidence.Analytics" => typeof(EvidenceBase).Assembly,
        "Evidence.Analytics.Excel" => typeof(SummaryWorkbook).Assembly,
        "Evidence.Analytics.Notebooks" => typeof(Notebook).Assembly,
        "Evidence.Analytics.DataFrames" => typeof(Evidence.Analytics.DataFrames.EvidenceFrames).Assembly,
        "Evidence.Analytics.Asreview" => typeof(Evidence.Analytics.Asreview.AsreviewProject).Assembly,
        "Evidence.Analytics.ScreeningProjects" => typeof(Evidence.Analytics.ScreeningProjects.ScreeningProject).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a package of this repository."),
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicApi_IsTheApprovedOne(string package) =>
        Approvals.Verify(Path.Combine("Design", "Approved"), package + ".approved.txt", PublicApi.Of(Package(package)));

    [Fact]
    public void PublicApi_Listing_WritesSignaturesAsCSharpDoes()
    {
        string api = PublicApi.Of(typeof(EvidenceBase).Assembly);
        string[] lines = api.Split('\n');
        // Written out by hand from the source.
        Assert.Contains("static class Evidence.Analytics.WithinStudyDirection", lines);
        Assert.Contains("    public const double DefaultThreshold = 0.7", lines);
        Assert.Contains("    public static Direction Combine(IEnumerable<Direction> directions, double threshold = 0.7)", lines);
        Assert.Contains("    public static RealistSynthesis Of(EvidenceBase evidence)", lines);
        Assert.Contains("enum Evidence.Analytics.Direction", lines);
        Assert.Contains("    NotReported = 4", lines);
        Assert.Contains("    public EvidenceMapCellStyle CellStyle { get; init; }", lines);
        // Internal types and members are not listed.
        Assert.DoesNotContain("InteractiveEvidenceMapData", api, StringComparison.Ordinal);
        Assert.DoesNotContain(" Resolve(", api, StringComparison.Ordinal); // WithinStudyDirection.Resolve is internal
        // Every member line belongs to the type above it, and the types are in ordinal order.
        var headers = lines.Where(l => l.Length > 0 && !l.StartsWith(' ')).Select(l => l.Split(' ').First(w => w.Contains('.', StringComparison.Ordinal))).ToArray();
        Assert.Equal(headers.Order(StringComparer.Ordinal), headers);
    }
}
