namespace Evidence.Analytics;

/// <summary>Landis &amp; Koch's (1977) verbal bands for a kappa statistic.</summary>
/// <remarks>Landis JR, Koch GG. <i>Biometrics</i> 1977;33:159–174: &lt; 0 poor, 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60
/// moderate, 0.61–0.80 substantial, 0.81–1 almost perfect. The bands are conventions, not tests.</remarks>
public enum AgreementBand
{
    /// <summary>κ below 0: less agreement than chance.</summary>
    Poor,
    /// <summary>κ from 0 to 0.20.</summary>
    Slight,
    /// <summary>κ above 0.20 to 0.40.</summary>
    Fair,
    /// <summary>κ above 0.40 to 0.60.</summary>
    Moderate,
    /// <summary>κ above 0.60 to 0.80.</summary>
    Substantial,
    /// <summary>κ above 0.80.</summary>
    AlmostPerfect,
}
