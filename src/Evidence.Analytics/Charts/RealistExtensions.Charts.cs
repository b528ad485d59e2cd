namespace Evidence.Analytics;

// The realist charts, next to the charts they make; the analysis itself is in Realist/RealistExtensions.cs.
public static partial class RealistExtensions
{
    /// <summary>The configuration matrix of an evidence base: CMO configurations × supporting studies, grouped by family and programme.</summary>
    public static ConfigurationMatrix ConfigurationMatrix(this EvidenceBase evidence, ChartOptions? options = null) =>
        new(Analytics.RealistSynthesis.Of(evidence), options);

    /// <summary>The configuration matrix of an analysis: CMO configurations × supporting studies, grouped by family and programme.</summary>
    public static ConfigurationMatrix ConfigurationMatrix(this RealistSynthesis synthesis, ChartOptions? options = null) => new(synthesis, options);

    /// <summary>The theme chart of an evidence base: CMO configuration themes × configuration families, each mark sized by
    /// the distinct studies supporting the theme's configurations in the family (see <see cref="Analytics.ThemeFamilyChart"/>).</summary>
    public static ThemeFamilyChart ThemeFamilyChart(this EvidenceBase evidence, ChartOptions? options = null) =>
        new(Analytics.RealistSynthesis.Of(evidence), options);

    /// <summary>The theme chart of an analysis: its <see cref="Analytics.RealistSynthesis.Themes"/> as CMO configuration
    /// themes × configuration families, each mark sized by distinct supporting studies.</summary>
    public static ThemeFamilyChart ThemeFamilyChart(this RealistSynthesis synthesis, ChartOptions? options = null) => new(synthesis, options);
}
