using System.Reflection;
using Evidence.Analytics.Notebooks;
using Evidence.Analytics.Tests.Realist;

namespace Evidence.Analytics.Tests.Display;

/// <summary>Every public type a notebook could show has HTML and plain-text formatters: without one the kernel shows
/// a tree of every property (about 40 KB for a realist theme matrix).</summary>
public sealed class DisplayCoverageTests
{
    /// <summary>Public types a notebook is not meant to show, each with the reason. A new public type must either get a
    /// formatter (Display/) or be listed here.</summary>
    private static readonly Dictionary<Type, string> NotShown = new()
    {
        [typeof(EvidenceFilter)] = "an argument (which studies to count), not a result",
        [typeof(PrismaOtherMethods)] = "part of a PrismaFlow, whose display shows its counts",
        [typeof(ChartOptions)] = "an argument of the chart methods",
        [typeof(GapMapOptions)] = "an argument of the gap-map chart",
        [typeof(ImportOptions)] = "an argument of EvidenceWorkbook.Read",
        [typeof(InteractiveEvidenceMapOptions)] = "an argument of the interactive map page",
        [typeof(ImportProgress)] = "passed to an import's progress callback",
        [typeof(WorkbookColumn)] = "the import format's description, shown by the template and the README",
        [typeof(WorkbookSheet)] = "the import format's description, shown by the template and the README",
        [typeof(ControlledVocabulary)] = "vocabulary metadata, shown by `evidence vocabulary`",
        [typeof(Vocabulary<>)] = "vocabulary metadata, shown by `evidence vocabulary`",
        [typeof(ReviewVocabularies)] = "vocabulary metadata, shown by `evidence vocabulary`",
        [typeof(AmbiguousSpelling)] = "vocabulary metadata, shown by `evidence vocabulary`",
        [typeof(ScreeningImport)] = "read by `evidence agreement`; a notebook shows its ScreeningAgreement",
        [typeof(ScreeningRecord)] = "one screener's decision on one record; a notebook shows the agreement",
        [typeof(MetaAnalysisOptions)] = "an argument of MetaAnalysis.Fit; the fitted model shows its estimator and test",
        [typeof(Moderator)] = "an argument of MetaRegression.Fit; the regression shows its coefficients",
        [typeof(RiskOfBiasDomain)] = "one domain of a tool; a notebook shows the tool, whose table lists its domains",
        [typeof(SimulationOptions)] = "an argument of ScreeningSimulation.Run; the simulation shows its parameters",
    };

    /// <summary>Classes and structs whose instances a cell can end in: not static, not enums, interfaces, delegates,
    /// exceptions or attributes.</summary>
    private static IEnumerable<Type> ShowableTypes() =>
        typeof(EvidenceBase).Assembly.GetExportedTypes().Where(t =>
            !(t.IsAbstract && t.IsSealed) && !t.IsEnum && !t.IsInterface
            && !typeof(Delegate).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t) && !typeof(Attribute).IsAssignableFrom(t));

    [Fact]
    public void PublicTypesANotebookCouldShow_EachHasAFormatterOrIsListedWithAReason()
    {
        var withoutFormatter = ShowableTypes()
            .Where(t => !MimeFormatter.HasFormatterSource(t) && !NotShown.ContainsKey(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(withoutFormatter.Count == 0, "Without a formatter: " + string.Join(", ", withoutFormatter));
    }

    [Fact]
    public void NotShownList_NamesOnlyPublicTypesThatStillLackAFormatter()
    {
        var showable = ShowableTypes().ToHashSet();

        Assert.All(NotShown.Keys, t => Assert.True(showable.Contains(t) && !MimeFormatter.HasFormatterSource(t), t.Name));
    }

    [Fact]
    public void TypesShownAsText_HaveTheirOwnToString()
    {
        // A type shown through its text must say something: not the compiler's or object's default.
        var textOnly = ShowableTypes().Where(t => MimeFormatter.HasFormatterSource(t)
            && t.GetMethod("ToHtml", Type.EmptyTypes) is null && t.GetMethod("ToSvg", Type.EmptyTypes) is null);

        Assert.All(textOnly, t =>
        {
            var toString = t.GetMethod(nameof(ToString), Type.EmptyTypes)!;
            Assert.True(toString.DeclaringType != typeof(object) && toString.DeclaringType != typeof(ValueType)
                && toString.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null, t.Name);
        });
    }

    [Fact]
    public void Format_Study_IsItsCitationLineInHtmlAndText()
    {
        var study = new Study("S01", new Citation("Dennis CL, Hodnett E", 2009, "Telephone peer support"), StudyDesign.Rct);

        var formatted = MimeFormatter.Format(study).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(["text/html", "text/plain"], formatted.Keys);
        Assert.Equal(study.ToString(), formatted["text/plain"]);
        Assert.Contains(">S01", formatted["text/html"], StringComparison.Ordinal);
        Assert.StartsWith("<div class=\"ea-display\">", formatted["text/html"], StringComparison.Ordinal);
    }

    [Fact]
    public void Format_RealistConfiguration_ShowsItsDistinctStudiesAndProgrammes()
    {
        // NI2 cites S1, s6 and S6: two distinct studies (both qualitative), both of programme P1.
        var formatted = MimeFormatter.Format(HandMadeReview.Create().RealistSynthesis()["NI2"]).ToDictionary(p => p.Key, p => p.Value);

        Assert.Contains("NI2 (Negative impact): 2 studies (Qualitative 2) of 1 programme", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("<td>S1</td><td>Qualitative</td><td>P1 Mothers&#39; group</td>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("<td>S6</td>", formatted["text/html"], StringComparison.Ordinal);
        Assert.DoesNotContain("<td>s6</td>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("Distinct supporting studies", formatted["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public void Format_RealistThemes_IsATableOfConfigurationsPerFamily()
    {
        // "Meaningful relationships": PI1 and PI2 (positive impact), studies S2, S3, S6 and S7.
        // "Use of volunteers": TU1 (take-up) and NI1 (negative impact), studies S1, S2, S4 and S3.
        string html = MimeFormatter.Format(HandMadeReview.Create().RealistSynthesis().Themes).Single(p => p.Key == "text/html").Value;

        Assert.Contains("<td>Meaningful relationships</td><td class=\"ea-num\">0</td><td class=\"ea-num\">2</td><td class=\"ea-num\">0</td><td class=\"ea-num\">4</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Use of volunteers</td><td class=\"ea-num\">1</td><td class=\"ea-num\">0</td><td class=\"ea-num\">1</td><td class=\"ea-num\">4</td>", html, StringComparison.Ordinal);
        Assert.Contains("Configurations without a theme: NI2.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_RealistFeatures_IsTheFeatureTable()
    {
        // Programmes behind negative impact: P1 and P3, both group; P2, P4 and P6 are behind other families only (P6 group).
        var formatted = MimeFormatter.Format(HandMadeReview.Create().RealistSynthesis().Features).ToDictionary(p => p.Key, p => p.Value);

        Assert.Contains("<th>No negative impact</th>", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("2 of 2 (100%)", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("1 of 3 (33%)", formatted["text/html"], StringComparison.Ordinal);
        Assert.Contains("Programme features behind each family", formatted["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public void Format_PrismaFlow_TablesTheStagesAsTheReviewPublishedThem()
    {
        // The scoping review's abstract: 13,851 records screened, 33 studies included; automation removals not reported.
        var flow = EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx")).GetEvidenceOrThrow().Flow!;

        string html = MimeFormatter.Format(flow).Single(p => p.Key == "text/html").Value;

        Assert.Contains("<td>Screened</td><td class=\"ea-num\">13,851</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Studies included</td><td class=\"ea-num\">33</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Removed by automation tools</td><td class=\"ea-num\">not reported</td>", html, StringComparison.Ordinal);
    }
}
