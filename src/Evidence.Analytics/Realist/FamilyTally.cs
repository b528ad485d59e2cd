using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The configurations of one family, with the distinct studies and programmes behind them.</summary>
/// <param name="Family">The family.</param>
/// <param name="Configurations">The number of configurations in the family.</param>
/// <param name="Studies">The distinct studies supporting at least one of them.</param>
/// <param name="Programmes">The distinct programmes those studies evaluate.</param>
public sealed partial record FamilyTally(ConfigurationFamily Family, int Configurations, int Studies, int Programmes)
{
    /// <summary>"Negative impact: 8 configurations from 11 studies of 9 programmes".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Family}: {ConfigurationSupport.Plural(Configurations, "configuration", "configurations")} from " +
            $"{ConfigurationSupport.Plural(Studies, "study", "studies")} of {ConfigurationSupport.Plural(Programmes, "programme", "programmes")}");
}
