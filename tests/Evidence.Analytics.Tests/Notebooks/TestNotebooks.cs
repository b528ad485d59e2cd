using Xunit;
using System.Text.Json.Nodes;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Notebooks;

/// <summary>Builds small notebooks in the format Polyglot Notebooks saves, for runner tests.</summary>
internal static class TestNotebooks
{
    public const string Reference = "#r \"nuget: Evidence.Analytics, 0.1.0\"\nusing Evidence.Analytics;";

    /// <summary>A notebook of C# code cells (ids c1, c2, …), each preceded by nothing.</summary>
    public static Notebook Code(params string[] cells) => Parse(cells.Select((source, i) => Cell("code", $"c{i + 1}", source)));

    public static JsonObject Cell(string type, string id, string source)
    {
        var cell = new JsonObject
        {
            ["cell_type"] = type,
            ["id"] = id,
            ["metadata"] = type == "code"
                ? new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } }
                : new JsonObject(),
            ["source"] = source,
        };
        if (type == "code")
        {
            cell["execution_count"] = null;
            cell["outputs"] = new JsonArray();
        }
        return cell;
    }

    public static Notebook Parse(IEnumerable<JsonObject> cells)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray([.. cells]),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return Notebook.Parse(root.ToJsonString());
    }

    public static async Task<NotebookRun> RunAsync(params string[] cells) => await new NotebookRunner().RunAsync(Code(cells));

    /// <summary>A small evidence base built in a cell: one RCT with a social-connection finding.</summary>
    public const string SmallEvidence = """
        var study = new Study("S01", new Citation("Dennis CL, Hodnett E", 2009, "Telephone peer support"), StudyDesign.Rct, interventionIds: ["I01"]);
        var intervention = new Intervention("I01", "Peer support", [InterventionType.SocialSupport], referralRoutes: [ReferralRoute.FormalReferral]);
        var evidence = new EvidenceBase([study], [intervention], [new Finding("S01", null, OutcomeDomain.SocialConnection, Direction.Improved)]);
        """;
}
