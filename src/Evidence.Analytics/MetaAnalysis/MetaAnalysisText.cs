using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Numbers of a meta-analysis in words, for charts, reports and the CLI.</summary>
internal static class MetaAnalysisText
{
    /// <summary>A value on the natural scale with two decimals (three for ratios below 0.1), with a true minus sign.</summary>
    public static string Natural(EffectMeasure measure, double value)
    {
        double natural = measure.ToNaturalScale(value);
        string format = measure.IsLogRatio() && natural < 0.1 ? "0.000" : "0.00";
        return natural.ToString(format, CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);
    }

    public static string HeterogeneityLine(MetaAnalysis m)
    {
        var h = m.Heterogeneity;
        return string.Create(CultureInfo.InvariantCulture,
            $"Heterogeneity: τ² = {h.TauSquared:0.###}, I² = {h.ISquared:0}%, Q({h.QDegreesOfFreedom}) = {h.Q:0.##}, {PValues.Statement(h.QPValue)}");
    }

    public static string TestLine(MetaAnalysis m) => string.Create(CultureInfo.InvariantCulture,
        $"test of the pooled effect: {(m.DegreesOfFreedom is { } df ? $"t({df})" : "z")} = {m.Statistic.ToString("0.##", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal)}, {PValues.Statement(m.PValue)}");
}
