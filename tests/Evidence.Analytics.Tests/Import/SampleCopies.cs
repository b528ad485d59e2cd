using Xunit;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Copies of the sample's CSV folder (data-samples/postpartum-social-prescribing) in a temporary folder, with one
/// file's lines edited, for tests that damage a real review's files.</summary>
internal static class SampleCopies
{
    /// <summary>A copy of the sample folder with <paramref name="edit"/> applied to the lines of <paramref name="file"/>
    /// (index 0 is line 1, the header); written back with "\n" line ends.</summary>
    public static string With(string file, Action<List<string>> edit)
    {
        string folder = Copy();
        string path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path).ToList();
        edit(lines);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return folder;
    }

    /// <summary>A copy of the sample folder with one file's text replaced.</summary>
    public static string WithText(string file, string text)
    {
        string folder = Copy();
        File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }

    /// <summary>A plain copy of the sample folder.</summary>
    public static string Copy()
    {
        string folder = Path.Combine(Path.GetTempPath(), "evidence-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (string path in Directory.GetFiles(SampleDataTests.SampleFolder, "*.csv"))
            File.Copy(path, Path.Combine(folder, Path.GetFileName(path)));
        return folder;
    }

    /// <summary>Replaces the text of one line (1-based), failing if the line does not hold <paramref name="old"/>.</summary>
    public static void Replace(List<string> lines, int line, string old, string replacement)
    {
        Assert.Contains(old, lines[line - 1], StringComparison.Ordinal);
        int at = lines[line - 1].IndexOf(old, StringComparison.Ordinal);
        lines[line - 1] = lines[line - 1][..at] + replacement + lines[line - 1][(at + old.Length)..];
    }

    /// <summary>The data rows a CSV file has, counted from its text as a person counts them: non-blank lines (a line of
    /// delimiters only is blank) after the header. Valid only for files without quoted line breaks.</summary>
    public static int DataLines(string path) =>
        File.ReadAllLines(path).Count(l => l.Trim().Trim(',', ';', '\t').Length > 0) - 1;
}
