namespace Evidence.Analytics;

/// <summary>A way of classifying evidence: a row or column of an <see cref="EvidenceMap"/>.</summary>
/// <remarks>
/// <para>Dimensions come from three levels of the evidence base, which decides what a map counts:</para>
/// <list type="bullet">
/// <item>Study level: <see cref="DesignGroup"/>, <see cref="Design"/>, <see cref="Country"/>, <see cref="PopulationTiming"/>,
/// <see cref="YearBand"/>. A study with several countries is in each country's row.</item>
/// <item>Intervention level: <see cref="InterventionType"/> (multi-label) and <see cref="TypologyLevel"/>. A study takes the
/// union over the interventions it evaluates; a finding that names no intervention applies to all of its study's interventions.</item>
/// <item>Finding level: <see cref="OutcomeDomain"/> and <see cref="Direction"/> (the finding's own direction, not the study's
/// combined one).</item>
/// </list>
/// </remarks>
public enum Dimension
{
    /// <summary>Intervention type (social support, education/information, …).</summary>
    InterventionType,
    /// <summary>Outcome domain (social connection, mental health, …).</summary>
    OutcomeDomain,
    /// <summary>Design group (RCT / qualitative / other).</summary>
    DesignGroup,
    /// <summary>Study design (RCT, cluster RCT, quasi-experimental, …).</summary>
    Design,
    /// <summary>Country where the study was conducted.</summary>
    Country,
    /// <summary>Kimberlee typology level of the intervention.</summary>
    TypologyLevel,
    /// <summary>When in the perinatal period the study's population is.</summary>
    PopulationTiming,
    /// <summary>Band of publication years (five years wide unless chosen otherwise).</summary>
    YearBand,
    /// <summary>Direction of effect of a finding.</summary>
    Direction,
}

/// <summary>Labels and spellings of <see cref="Dimension"/> values.</summary>
public static class Dimensions
{
    /// <summary>The accepted spellings of each dimension ("intervention", "outcome", "design group", "year").</summary>
    public static Vocabulary<Dimension> Vocabulary { get; } = new("map dimension",
    [
        (Dimension.InterventionType, "Intervention type", ["intervention", "interventions", "intervention types", "type"]),
        (Dimension.OutcomeDomain, "Outcome domain", ["outcome", "outcomes", "outcome domains", "domain"]),
        (Dimension.DesignGroup, "Design group", ["group", "design groups"]),
        (Dimension.Design, "Design", ["study design", "designs"]),
        (Dimension.Country, "Country", ["countries", "location"]),
        (Dimension.TypologyLevel, "Typology level", ["typology", "level", "kimberlee level"]),
        (Dimension.PopulationTiming, "Population timing", ["timing", "perinatal timing"]),
        (Dimension.YearBand, "Year band", ["year", "years", "publication year"]),
        (Dimension.Direction, "Direction", ["direction of effect", "effect direction"]),
    ]);

    /// <summary>The dimension's label as a table heading ("Intervention type").</summary>
    public static string Label(this Dimension dimension) => Vocabulary.Label(dimension);
}
