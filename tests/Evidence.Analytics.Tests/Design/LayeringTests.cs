namespace Evidence.Analytics.Tests.Design;

/// <summary>The core library's folders form layers and every dependency points down them: a file may use what is
/// declared in its own folder or in a lower layer, never in a higher one nor in another folder of its own layer. Public
/// types all live in one namespace, so the folders' dependencies are found from the source with Roslyn
/// (<see cref="FolderLayering"/>), not from namespaces.</summary>
public sealed class LayeringTests
{
    /// <summary>The core's layers, lowest first: a folder may use its own files and those of lower layers.</summary>
    /// <remarks><list type="bullet">
    /// <item><b>Vocabulary</b>: the coded values (enums such as <see cref="Direction"/>, extensible terms such as
    /// <see cref="OutcomeDomain"/>) and the spellings each accepts.</item>
    /// <item><b>Model</b>: the review's entities built from them: study, intervention (with its typology), finding, CMO
    /// configuration, PRISMA flow, evidence base.</item>
    /// <item><b>Import</b>: evidence workbooks (xlsx, xls, CSV) read into the model, with every problem found.</item>
    /// <item><b>Analysis</b>: what every analysis runs on: the filter, the dimensions evidence is classified by, and the
    /// evidence base flattened into an index.</item>
    /// <item><b>Statistics</b>: vote counting by direction of effect, proportions and their intervals, sign tests, shares, rankings.</item>
    /// <item><b>Maps</b>, <b>Realist</b>, <b>Screening</b>, <b>MetaAnalysis</b>: evidence gap maps, realist synthesis,
    /// screening agreement, meta-analysis of effect sizes; independent of each other.</item>
    /// <item><b>Charts</b> (SVG), <b>Export</b> (CSV), <b>Html</b> (the interactive map page): output of the analyses.</item>
    /// <item><b>Display</b>: notebook display of everything above, charts included (each type's <c>X.Display.cs</c>).</item>
    /// </list></remarks>
    private static readonly string[][] Layers =
    [
        ["Vocabulary"],
        ["Model"],
        ["Import"],
        ["Analysis"],
        ["Statistics"],
        ["Maps", "Realist", "Screening", "MetaAnalysis"],
        ["Charts", "Export", "Html"],
        ["Display"],
    ];

    [Fact]
    public void CoreFolders_ReachOnlyDownTheLayers()
    {
        var layering = new FolderLayering(Layers);
        var violations = layering.Check(FolderLayering.LibrarySources(RepositoryRoot()));

        Assert.True(violations.Count == 0, FolderLayering.Describe(violations));
    }

    [Fact]
    public void Check_NamesEachReferenceThatReachesUpOrSideways()
    {
        // A miniature library: one file per folder, each reference kind used once from Model (the lowest layer).
        var sources = new Dictionary<string, string>
        {
            ["Model/Study.cs"] = """
                namespace Lib;
                [Marker]
                public sealed class Study : Base
                {
                    private readonly Cell first =
                        new();
                    public string Title => Map.Name;
                    public int Count(Cell cell) => cell.Size + this.Twice();
                    public object Next() { var next = first.Next; return next; }
                }
                """,
            ["Maps/Map.cs"] = """
                namespace Lib;
                public static class Map { public const string Name = "map"; }
                public sealed class Cell { public int Size => 1; public Cell Next => this; }
                """,
            ["Charts/Base.cs"] = """
                namespace Lib;
                public abstract class Base { }
                public sealed class MarkerAttribute : System.Attribute { }
                public static class Extensions { public static int Twice(this Study study) => 2; }
                """,
            ["Realist/Other.cs"] = """
                namespace Lib;
                public static class Other { public static string Name => Map.Name + new Study().Title; }
                """,
        };
        var layering = new FolderLayering([["Model"], ["Maps", "Realist"], ["Charts"]]);

        var violations = layering.Check(sources);

        // Worked out by hand from the sources above.
        Assert.Equal(
            [
                "Model/Study.cs:2 reaches up to Charts/Base.cs (MarkerAttribute)",
                "Model/Study.cs:3 reaches up to Charts/Base.cs (Base)",
                "Model/Study.cs:5 reaches up to Maps/Map.cs (Cell)",
                "Model/Study.cs:6 reaches up to Maps/Map.cs (Cell)",
                "Model/Study.cs:7 reaches up to Maps/Map.cs (Map)",
                "Model/Study.cs:7 reaches up to Maps/Map.cs (Map.Name)",
                "Model/Study.cs:8 reaches up to Charts/Base.cs (Extensions.Twice)",
                "Model/Study.cs:8 reaches up to Maps/Map.cs (Cell)",
                "Model/Study.cs:8 reaches up to Maps/Map.cs (Cell.Size)",
                "Model/Study.cs:9 reaches up to Maps/Map.cs (Cell.Next)",
                "Realist/Other.cs:2 reaches across to Maps/Map.cs (Map)",
                "Realist/Other.cs:2 reaches across to Maps/Map.cs (Map.Name)",
            ],
            violations.Select(v => v.ToString()));
        Assert.Contains("Model → Charts, Maps", FolderLayering.Describe(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesAFolderMissingFromTheTable()
    {
        var layering = new FolderLayering([["Model"]]);

        var error = Assert.Throws<InvalidOperationException>(() => layering.Check(new Dictionary<string, string> { ["Model/A.cs"] = "class A { }", ["Extra/B.cs"] = "class B { }" }));

        Assert.StartsWith("No layer is given for the folder(s) Extra:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesATableFolderWithoutFiles()
    {
        var layering = new FolderLayering([["Model"], ["Gone"]]);

        var error = Assert.Throws<InvalidOperationException>(() => layering.Check(new Dictionary<string, string> { ["Model/A.cs"] = "class A { }" }));

        Assert.StartsWith("The layer table lists Gone,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesANameThatBindsToNothing()
    {
        var layering = new FolderLayering([["Model"], ["Maps"]]);

        // Size might be Maps' Size, out of Model's reach; missing is declared nowhere, so it cannot be (and is not checked).
        var error = Assert.Throws<InvalidOperationException>(() => layering.Check(new Dictionary<string, string>
        {
            ["Model/A.cs"] = "class A\n{\n    int Twice => missing.Size * 2;\n}",
            ["Maps/B.cs"] = "class B\n{\n    int Size => 1;\n}",
        }));

        Assert.EndsWith("\nModel/A.cs:3 (Size)", error.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Evidence.Analytics.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"Cannot find Evidence.Analytics.sln above {AppContext.BaseDirectory}.");
    }
}
