using Evidence.Analytics.Tests.Import;
using Xunit;

namespace Evidence.Analytics.Tests.Maps;

/// <summary>The bundled sample's next version, as a living map's update would give it: a copy of its CSV folder
/// (data-samples/postpartum-social-prescribing) with 3 studies added, 1 removed and 2 recoded.</summary>
/// <remarks><list type="bullet">
/// <item>Added: S34, an RCT of I08 (social support; education/information; service navigation) on mental health and
/// quality of life, both improved; S35, a qualitative study of I16 (creative/recreational) on social connection,
/// improved; S36, a cohort study of I29 (creative/recreational; therapeutic support; service navigation) on
/// mother-infant bonding, improved.</item>
/// <item>Removed: S05, the RCT of I05 (social support; physical wellbeing) on mental health and physical health, both improved,
/// with its RoB 2 assessment.</item>
/// <item>Recoded: S12's social-connection finding (MSPSS) from no difference to improved; S27's risk of bias from some
/// concerns to low, and its parenting-confidence finding (Maternal Self-Efficacy Scale, no difference) recoded as a
/// quality-of-life finding (SF-12, no difference).</item>
/// </list></remarks>
internal static class UpdatedSample
{
    public const string S34 = "S34,\"Example34 A, Sample B\",2025,Illustrative study 34: Link worker support for new mothers (RCT),,RCT,UK,I08,Postnatal,12,280,Peer-reviewed,Low";
    public const string S35 = "S35,\"Example35 A, Sample B\",2025,Illustrative study 35: Mother and baby craft circle (Qualitative),,Qualitative,UK,I16,Postnatal,12,15,Peer-reviewed,";
    public const string S36 = "S36,\"Example36 A, Sample B\",2025,Illustrative study 36: Community music and support group (Cohort / pre-post),,Cohort / pre-post,Canada,I29,Postnatal,12,60,Programme report,High";

    /// <summary>A new copy of the updated sample's CSV folder.</summary>
    public static string Folder()
    {
        string folder = SampleCopies.Copy();
        Edit(folder, "studies.csv", lines =>
        {
            Remove(lines, "S05,");
            Replace(lines, "S27,", ",Peer-reviewed,Some concerns", ",Peer-reviewed,Low");
            lines.AddRange([S34, S35, S36]);
        });
        Edit(folder, "risk-of-bias.csv", lines => Remove(lines, "S05,"));
        Edit(folder, "findings.csv", lines =>
        {
            Remove(lines, "S05,");
            Replace(lines, "S12,,Social connection,", "MSPSS,No difference", "MSPSS,Improved");
            Replace(lines, "S27,,Parenting confidence,", "Parenting confidence,Maternal Self-Efficacy Scale,No difference", "Quality of life,SF-12,No difference");
            lines.AddRange(["S34,,Mental health,EPDS,Improved,,,,", "S34,,Quality of life,SF-12,Improved,,,,", "S35,,Social connection,Interviews,Improved,,,,",
                "S36,,Mother-infant bonding,PBQ,Improved,,,,"]);
        });
        return folder;
    }

    /// <summary>Edits a file of a copied folder line by line (blank lines dropped), writing it back with "\n" line ends.</summary>
    public static void Edit(string folder, string file, Action<List<string>> edit)
    {
        string path = Path.Combine(folder, file);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        edit(lines);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    /// <summary>Removes every line that starts with <paramref name="start"/>, failing if there is none.</summary>
    public static void Remove(List<string> lines, string start) =>
        Assert.True(lines.RemoveAll(l => l.StartsWith(start, StringComparison.Ordinal)) > 0, $"No line starts with '{start}'.");

    /// <summary>Replaces text in the one line that starts with <paramref name="start"/>, failing unless it holds <paramref name="old"/>.</summary>
    public static void Replace(List<string> lines, string start, string old, string replacement)
    {
        var found = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith(start, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"{found.Count} lines start with '{start}'.");
        SampleCopies.Replace(lines, found[0] + 1, old, replacement);
    }
}
