namespace Evidence.Analytics.Tests.Screening;

/// <summary>The workplace's shared datasets at <c>../shared/datasets/</c> beside the repository (never copied into it).</summary>
internal static class SharedDatasets
{
    public static string Folder { get; } = FindFolder();

    /// <summary>The full path of a dataset file (it may be absent: see <see cref="DatasetFactAttribute"/>).</summary>
    public static string PathOf(string relative) => System.IO.Path.Combine(Folder, relative);

    public static string Fixture(string name) => PathOf(System.IO.Path.Combine("asreview-fixtures", name));

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Evidence.Analytics.sln")))
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "datasets"));
        }
        return System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "shared", "datasets"));
    }
}

/// <summary>A fact that needs a shared dataset file: skipped with a message naming the file when it is absent, except
/// under CI (<c>CI=true</c>), where the test runs and fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatasetFactAttribute : FactAttribute
{
    public DatasetFactAttribute(string relativePath)
    {
        RelativePath = relativePath;
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !File.Exists(SharedDatasets.PathOf(relativePath)))
            Skip = $"The shared dataset {SharedDatasets.PathOf(relativePath)} is absent (tests read ../shared/datasets/ beside the repository).";
    }

    public string RelativePath { get; }
}

/// <summary>A theory that needs the shared datasets folder, skipped as <see cref="DatasetFactAttribute"/> when absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatasetTheoryAttribute : TheoryAttribute
{
    public DatasetTheoryAttribute(string relativeFolder)
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !Directory.Exists(SharedDatasets.PathOf(relativeFolder)))
            Skip = $"The shared dataset folder {SharedDatasets.PathOf(relativeFolder)} is absent.";
    }
}
