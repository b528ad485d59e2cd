using System.Globalization;

namespace Evidence.Analytics;

// Meta-analysis results: the pooled estimate with its interval, heterogeneity and prediction interval on the scale
// readers use (exp for log ratios), each study's effect and weight; the tests and single coefficients as one line.

[TypeFormatterSource(typeof(DisplayFormatterSource<MetaAnalysis>))]
public sealed partial class MetaAnalysis : IHtmlDisplayable
{
    /// <summary>The meta-analysis as HTML: the pooled estimate with its confidence interval and test, τ², I², H², Q and the
    /// prediction interval (back-transformed for ratio measures, correlations and logit proportions), then each study's
    /// effect, interval and weight.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts). The study table is capped.</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    /// <summary>"Risk ratio 0.49 (95% CI 0.34 to 0.70)": the pooled estimate on the natural scale.</summary>
    internal string Headline() => string.Create(CultureInfo.InvariantCulture, 
        $"{Measure.Label()} {MetaDisplay.Natural(Measure, Estimate)} ({MetaDisplay.Level(Options.Level)} CI {MetaDisplay.Natural(Measure, Lower)} to {MetaDisplay.Natural(Measure, Upper)})");

    private DisplayDocument Document()
    {
        string model = Estimator == TauSquaredEstimator.EqualEffects ? "Equal-effects" : "Random-effects";
        var document = new DisplayDocument(string.Create(CultureInfo.InvariantCulture, $"{model} meta-analysis of {StudyCount} studies ({Measure.Label().ToLowerInvariant()}, {Estimator.Code()})"))
            .Lead(Headline() + ", " + MetaDisplay.Test(Statistic, DegreesOfFreedom, PValue) + ".");
        if (!Converged)
            document.Problem($"The {Options.Estimator.Code()} estimator did not converge; τ² is the {Estimator.Code()} estimate.");
        string level = MetaDisplay.Level(Options.Level);
        var pooled = new DisplayTable("Pooled estimate", "", "Value")
            .Add(Measure.Label(), MetaDisplay.Natural(Measure, Estimate) + string.Create(CultureInfo.InvariantCulture, $" ({level} CI {MetaDisplay.Natural(Measure, Lower)} to {MetaDisplay.Natural(Measure, Upper)})"));
        if (MetaDisplay.IsTransformed(Measure))
            pooled.Add(string.Create(CultureInfo.InvariantCulture, $"Analysis scale ({Measure.Code()})"), string.Create(CultureInfo.InvariantCulture, $"{Estimate:0.####}, SE {StandardError:0.####}"));
        pooled.Add("Test", MetaDisplay.Test(Statistic, DegreesOfFreedom, PValue));
        if (PredictionLower is { } low && PredictionUpper is { } high)
            pooled.Add(level + " prediction interval", MetaDisplay.Natural(Measure, low) + " to " + MetaDisplay.Natural(Measure, high));
        var h = Heterogeneity;
        var heterogeneity = new DisplayTable("Heterogeneity", "", "Value")
            .Add("τ²", string.Create(CultureInfo.InvariantCulture, $"{h.TauSquared:0.####}") + MetaDisplay.Interval(level, h.TauSquaredLower, h.TauSquaredUpper, "0.####", ""))
            .Add("I²", string.Create(CultureInfo.InvariantCulture, $"{h.ISquared:0.0}%") + MetaDisplay.Interval(level, h.ISquaredLower, h.ISquaredUpper, "0.0", "%"))
            .Add("H²", string.Create(CultureInfo.InvariantCulture, $"{h.HSquared:0.00}"))
            .Add("Q", string.Create(CultureInfo.InvariantCulture, $"Q({h.QDegreesOfFreedom}) = {h.Q:0.00}, ") + PValues.Statement(h.QPValue));
        document.Table(pooled).Table(heterogeneity).Table(MetaDisplay.StudyTable("Studies", Studies, Options.Level, Weights));
        return document.Note(string.Create(CultureInfo.InvariantCulture, $"{Estimator.Code()} estimate of τ², {(Options.Test == MetaAnalysisTest.Z ? "z test" : "Knapp–Hartung t test")}; yi and vi on the analysis scale, estimates and intervals on the {Measure.Label().ToLowerInvariant()} scale."));
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<MetaRegression>))]
public sealed partial class MetaRegression : IHtmlDisplayable
{
    /// <summary>The meta-regression as HTML: each coefficient with its test and confidence interval, the omnibus test of
    /// the moderators, R² and the residual heterogeneity.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        int moderators = Coefficients.Count - 1;
        var document = new DisplayDocument(string.Create(CultureInfo.InvariantCulture, $"Meta-regression of {StudyCount} studies on {moderators} moderator{(moderators == 1 ? "" : "s")} ({Estimator.Code()})"));
        var table = new DisplayTable("Coefficients (analysis scale)", "Coefficient", "#Estimate", "#SE", "#Statistic", "#P", "#CI");
        foreach (var c in Coefficients)
            table.Add(c.Name, string.Create(CultureInfo.InvariantCulture, $"{c.Estimate:0.####}"), string.Create(CultureInfo.InvariantCulture, $"{c.StandardError:0.####}"), string.Create(CultureInfo.InvariantCulture, $"{c.Statistic:0.00}"),
                PValues.Format(c.PValue), string.Create(CultureInfo.InvariantCulture, $"{c.Lower:0.####} to {c.Upper:0.####}"));
        document.Lead(string.Create(CultureInfo.InvariantCulture, $"Test of moderators: {ModeratorTest:0.00} on {ModeratorDegreesOfFreedom} df, ") + PValues.Statement(ModeratorPValue)
            + (RSquared is { } r ? string.Create(CultureInfo.InvariantCulture, $"; R² = {r:0.0}% of τ² accounted for.") : "."));
        return document.Table(table).Note("Residual heterogeneity: " + Heterogeneity + ".");
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<SubgroupAnalysis>))]
public sealed partial class SubgroupAnalysis : IHtmlDisplayable
{
    /// <summary>The subgroup analysis as HTML: each subgroup's pooled estimate, interval and heterogeneity, and the test for
    /// subgroup differences.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var first = Subgroups[0].Analysis;
        var table = new DisplayTable("", "Subgroup", "#Studies", "#" + first.Measure.Label(), "#" + MetaDisplay.Level(first.Options.Level) + " CI", "#τ²", "#I²");
        foreach (var s in Subgroups)
        {
            var a = s.Analysis;
            table.Add(s.Label, a.StudyCount, MetaDisplay.Natural(a.Measure, a.Estimate), MetaDisplay.Natural(a.Measure, a.Lower) + " to " + MetaDisplay.Natural(a.Measure, a.Upper),
                string.Create(CultureInfo.InvariantCulture, $"{a.Heterogeneity.TauSquared:0.####}"), string.Create(CultureInfo.InvariantCulture, $"{a.Heterogeneity.ISquared:0.0}%"));
        }
        return new DisplayDocument(string.Create(CultureInfo.InvariantCulture, $"Subgroup analysis: {Subgroups.Count} subgroups ({first.Estimator.Code()})"))
            .Lead(string.Create(CultureInfo.InvariantCulture, $"Test for subgroup differences: Q({BetweenDegreesOfFreedom}) = {BetweenQ:0.00}, ") + PValues.Statement(BetweenPValue) + ".")
            .Table(table);
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<TrimAndFill>))]
public sealed partial record TrimAndFill : IHtmlDisplayable
{
    /// <summary>Trim-and-fill as HTML: the studies estimated missing and on which side, the adjusted pooled estimate, and
    /// the imputed studies.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        string side = Side == FunnelSide.Left ? "left" : "right";
        var document = new DisplayDocument(string.Create(CultureInfo.InvariantCulture, $"Trim-and-fill: {MissingStudies} stud{(MissingStudies == 1 ? "y" : "ies")} estimated missing on the {side} side"))
            .Lead(MissingStudies == 0 ? "No study estimated missing; the pooled estimate is unchanged: " + Adjusted.Headline() + "."
                : string.Create(CultureInfo.InvariantCulture, $"Adjusted with {MissingStudies} imputed: ") + Adjusted.Headline() + string.Create(CultureInfo.InvariantCulture, $", k = {Adjusted.StudyCount}."));
        if (Filled.Count > 0)
            document.Table(MetaDisplay.StudyTable("Imputed studies", Filled, Adjusted.Options.Level, null));
        return document.Note("L0 estimator (Duval and Tweedie); imputed studies mirror the most extreme ones about the trimmed estimate.");
    }
}

[TypeFormatterSource(typeof(DisplayFormatterSource<EffectSize>))]
public readonly partial struct EffectSize;

[TypeFormatterSource(typeof(DisplayFormatterSource<Heterogeneity>))]
public sealed partial class Heterogeneity;

[TypeFormatterSource(typeof(DisplayFormatterSource<EggerTest>))]
public sealed partial record EggerTest
{
    /// <summary>"Egger's test: z = 2.45, P = 0.014; limit estimate −0.1734", in the invariant culture.</summary>
    public override string ToString() =>
        "Egger's test: " + MetaDisplay.Test(Statistic, DegreesOfFreedom, PValue) + string.Create(CultureInfo.InvariantCulture, $"; limit estimate {LimitEstimate:0.####}");
}

[TypeFormatterSource(typeof(DisplayFormatterSource<RankCorrelationTest>))]
public sealed partial record RankCorrelationTest
{
    /// <summary>"Rank correlation test: Kendall's τ = 0.154, P = 0.47", in the invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Rank correlation test: Kendall's τ = {KendallTau:0.###}, ") + PValues.Statement(PValue);
}

[TypeFormatterSource(typeof(DisplayFormatterSource<RegressionCoefficient>))]
public sealed partial record RegressionCoefficient
{
    /// <summary>"ablat: −0.0291 (SE 0.0057, CI −0.0403 to −0.0180), statistic −5.09, P &lt; 0.0001", in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Estimate:0.####} (SE {StandardError:0.####}, CI {Lower:0.####} to {Upper:0.####}), statistic {Statistic:0.00}, ") + PValues.Statement(PValue);
}

[TypeFormatterSource(typeof(DisplayFormatterSource<StudyInfluence>))]
public sealed partial record StudyInfluence
{
    /// <summary>"Weight 7.8%, hat 0.078, Cook's distance 0.0123; without it: REML: …", in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Weight {Weight:0.0}%, hat {Hat:0.###}, Cook's distance {CooksDistance:0.####}; without it: {LeaveOneOut}");
}

[TypeFormatterSource(typeof(DisplayFormatterSource<Subgroup>))]
public sealed partial record Subgroup
{
    /// <summary>"Label: REML: −0.7145 (95% CI …), k = 6; τ² = …", in the invariant culture.</summary>
    public override string ToString() => Label + ": " + Analysis;
}

/// <summary>Number formats shared by the meta-analysis displays.</summary>
internal static class MetaDisplay
{
    /// <summary>"95%".</summary>
    public static string Level(double level) => string.Create(CultureInfo.InvariantCulture, $"{level * 100:0.##}%");

    /// <summary>Whether the natural scale differs from the analysis scale (log ratios, Fisher's z, logit proportions).</summary>
    public static bool IsTransformed(EffectMeasure measure) => measure.IsLogRatio() || measure is EffectMeasure.FisherZ or EffectMeasure.LogitProportion;

    /// <summary>An estimate on the natural scale: three decimals for differences of risks and proportions, two otherwise.</summary>
    public static string Natural(EffectMeasure measure, double estimate) =>
        measure.ToNaturalScale(estimate).ToString(measure is EffectMeasure.RiskDifference or EffectMeasure.Proportion or EffectMeasure.LogitProportion ? "0.000" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>"z = −3.97, P &lt; 0.0001" or "t(12) = −3.67, P = 0.0032".</summary>
    public static string Test(double statistic, int? degreesOfFreedom, double p) =>
        (degreesOfFreedom is { } df ? string.Create(CultureInfo.InvariantCulture, $"t({df}) = {statistic:0.00}") : string.Create(CultureInfo.InvariantCulture, $"z = {statistic:0.00}")) + ", " + PValues.Statement(p);

    /// <summary>" (95% CI 0.1197 to 1.1115)", or empty when there is no interval.</summary>
    public static string Interval(string level, double? lower, double? upper, string format, string unit) =>
        lower is { } l && upper is { } u
            ? " (" + level + " CI " + l.ToString(format, CultureInfo.InvariantCulture) + unit + " to " + u.ToString(format, CultureInfo.InvariantCulture) + unit + ")"
            : "";

    /// <summary>Studies numbered from 1: yi and vi, then the estimate and its Wald interval on the natural scale, and the weight.</summary>
    public static DisplayTable StudyTable(string caption, IReadOnlyList<EffectSize> studies, double level, IReadOnlyList<double>? weights)
    {
        var measure = studies[0].Measure;
        string[] columns = ["#Study", "#yi", "#vi", "#" + measure.Label(), "#" + Level(level) + " CI", .. weights is null ? Array.Empty<string>() : ["#Weight"]];
        var table = new DisplayTable(caption, columns);
        for (int i = 0; i < studies.Count; i++)
        {
            var s = studies[i];
            var (low, high) = s.ConfidenceInterval(level);
            object?[] cells = [i + 1, string.Create(CultureInfo.InvariantCulture, $"{s.Estimate:0.####}"), string.Create(CultureInfo.InvariantCulture, $"{s.Variance:0.####}"), Natural(measure, s.Estimate), Natural(measure, low) + " to " + Natural(measure, high)];
            table.Add(weights is null ? cells : [.. cells, string.Create(CultureInfo.InvariantCulture, $"{weights[i]:0.0}%")]);
        }
        return table;
    }
}
