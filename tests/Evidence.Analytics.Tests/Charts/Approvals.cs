using System.Text;
using Xunit;

namespace Evidence.Analytics.Tests.Charts;

/// <summary>Approval (golden-file) checks: a chart's received SVG must equal <c>Approved/NAME.approved.svg</c> next to this
/// file; other text (the public API listing) has its own folder.</summary>
/// <remarks>On a difference the received file is written beside the approved one (<c>NAME.received.svg</c>) and the failure
/// names the first differing line. To accept a deliberate change, look at the received file (render it), then copy it over
/// the approved one, or run the tests once with EVIDENCE_APPROVE=1.</remarks>
internal static class Approvals
{
    public static void Verify(string name, string received) =>
        Verify(Path.Combine("Charts", "Approved"), name + ".approved.svg", received);

    /// <summary>Checks text against an approved file: <paramref name="folder"/> is relative to the test project, and the
    /// received file is written beside the approved one with ".approved." replaced by ".received.".</summary>
    public static void Verify(string folder, string approvedName, string received)
    {
        folder = Path.Combine(TestProjectFolder, folder);
        string approvedPath = Path.Combine(folder, approvedName);
        string receivedPath = Path.Combine(folder, approvedName.Replace(".approved.", ".received.", StringComparison.Ordinal));
        string name = approvedName[..approvedName.IndexOf(".approved.", StringComparison.Ordinal)];
        if (Environment.GetEnvironmentVariable("EVIDENCE_APPROVE") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, received, new UTF8Encoding(false));
        }
        string? approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(approved is null
            ? $"No approved file for '{name}'. Look at {receivedPath} and, if right, rename it to {Path.GetFileName(approvedPath)}."
            : $"'{name}' differs from its approved file {FirstDifference(approved, received)}.\nReceived: {receivedPath}\nApproved: {approvedPath}\nIf the change is intended, look at the received file and copy it over the approved one.");
    }

    /// <summary>The test project's folder in the source tree, found from the test assembly's folder upwards. Not from
    /// [CallerFilePath]: continuous-integration builds map source paths to /_/ for deterministic output.</summary>
    /// <summary>The repository's root folder (the one holding Evidence.Analytics.sln), found from the test assembly's folder upwards.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string TestProjectFolder { get; } = Path.Combine(RepositoryRoot, "tests", "Evidence.Analytics.Tests");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Evidence.Analytics.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"Cannot find Evidence.Analytics.sln above {AppContext.BaseDirectory}.");
    }

    private static string FirstDifference(string approved, string received)
    {
        string[] a = approved.Split('\n'), r = received.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end of file>", right = i < r.Length ? r[i] : "<end of file>";
            if (left != right) return $"at line {i + 1}:\n  approved: {left.Trim()}\n  received: {right.Trim()}";
        }
        return "(line endings only)";
    }
}
