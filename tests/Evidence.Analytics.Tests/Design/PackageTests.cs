using System.Xml.Linq;
using Evidence.Analytics.Tests.Charts;

namespace Evidence.Analytics.Tests.Design;

/// <summary>What each NuGet package carries besides its code: a README of its own, written for someone who installs the
/// package, not the repository's README (which begins "From a fresh clone…").</summary>
public sealed class PackageTests
{
    private static string Source => Path.Combine(Approvals.RepositoryRoot, "src");

    /// <summary>Every project under src/ that packs (IsPackable true), by its folder name.</summary>
    private static readonly string[] Packable =
        [.. Directory.GetFiles(Source, "*.csproj", SearchOption.AllDirectories)
            .Where(path => XDocument.Load(path).Descendants("IsPackable").Any(e => e.Value.Trim() == "true"))
            .Select(path => Path.GetFileName(Path.GetDirectoryName(path)!))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> PackableProjects { get; } = [.. Packable];

    [Fact]
    public void PackableProjects_AreTheSevenPackages() =>
        Assert.Equal(["Evidence.Analytics", "Evidence.Analytics.Asreview", "Evidence.Analytics.Cli", "Evidence.Analytics.DataFrames", "Evidence.Analytics.Excel", "Evidence.Analytics.Notebooks", "Evidence.Analytics.ScreeningProjects"], Packable);

    [Theory]
    [MemberData(nameof(PackableProjects))]
    public void PackageReadmeFile_IsTheProjectsOwnReadme_NotTheRepositorys(string project)
    {
        string folder = Path.Combine(Source, project);
        var csproj = XDocument.Load(Path.Combine(folder, project + ".csproj"));
        var props = XDocument.Load(Path.Combine(Source, "Directory.Build.props"));
        string? readmeName = Property(csproj, "PackageReadmeFile") ?? Property(props, "PackageReadmeFile");
        Assert.False(string.IsNullOrWhiteSpace(readmeName), $"{project} sets no PackageReadmeFile.");

        // The file packed at the package's root under that name: a None item with Pack="true" and PackagePath "/",
        // in the project or in src/Directory.Build.props (where relative paths are the project's, as MSBuild reads them).
        var packed = csproj.Descendants("None").Select(e => (Item: e, Folder: folder))
            .Concat(props.Descendants("None").Select(e => (Item: e, Folder: folder)))
            .Where(p => (string?)p.Item.Attribute("Pack") == "true" && (string?)p.Item.Attribute("PackagePath") == "/")
            .Select(p => Resolve((string?)p.Item.Attribute("Include") ?? (string?)p.Item.Attribute("Update") ?? "", p.Folder))
            .Where(path => Path.GetFileName(path) == readmeName)
            .ToList();
        string readme = Assert.Single(packed);

        Assert.True(File.Exists(readme), $"{project} packs {readme} as its README, but there is no such file.");
        Assert.NotEqual(Path.GetFullPath(Path.Combine(Approvals.RepositoryRoot, "README.md")), Path.GetFullPath(readme));
        string text = File.ReadAllText(readme);
        Assert.NotEqual(File.ReadAllText(Path.Combine(Approvals.RepositoryRoot, "README.md")), text);
        Assert.StartsWith("# ", text, StringComparison.Ordinal);
        // Written for a package user: it names the package, and does not assume a clone of the repository.
        Assert.Contains(PackageId(csproj, project), text, StringComparison.Ordinal);
        Assert.DoesNotContain("fresh clone", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("--project src/", text, StringComparison.Ordinal);
    }

    private static string? Property(XDocument project, string name) =>
        project.Descendants(name).Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0);

    private static string PackageId(XDocument csproj, string project) => Property(csproj, "PackageId") ?? project;

    private static string Resolve(string include, string projectFolder) =>
        Path.GetFullPath(include.Replace("$(MSBuildProjectDirectory)", projectFolder, StringComparison.Ordinal), projectFolder);
}
