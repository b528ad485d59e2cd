namespace Evidence.Analytics;

/// <summary>When in the perinatal period a study's population is, or an intervention is delivered.</summary>
public enum PopulationTiming
{
    /// <summary>During pregnancy.</summary>
    Antenatal,
    /// <summary>After birth (the scoping review's window is up to 12 months after birth).</summary>
    Postnatal,
    /// <summary>Both during pregnancy and after birth.</summary>
    AntenatalAndPostnatal,
}
