namespace Evidence.Analytics;

/// <summary>Builds evidence maps from an evidence base: <c>evidence.Map(Dimension.InterventionType, Dimension.OutcomeDomain)</c>.</summary>
public static class EvidenceMaps
{
    /// <summary>The default number of studies below which a cell is reported as thin: 3.</summary>
    public const int DefaultGapThreshold = 3;

    /// <summary>The default width of a year band: 5 years.</summary>
    public const int DefaultYearBandWidth = 5;

    /// <summary>Cross-tabulates two dimensions of an evidence base, counting distinct studies per cell.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="rows">The row dimension; by default intervention type.</param>
    /// <param name="columns">The column dimension; by default outcome domain.</param>
    /// <param name="filter">Which studies, interventions and findings to count; by default all.</param>
    /// <param name="gapThreshold">Cells with at least one but fewer than this many studies are reported as thin gaps.</param>
    /// <param name="yearBandWidth">The width of a <see cref="Dimension.YearBand"/> band, in years; bands start at multiples of it.</param>
    /// <param name="withinStudyThreshold">The share of a study's findings in a cell that must agree for its direction (see <see cref="WithinStudyDirection"/>).</param>
    /// <returns>The map, with totals and gaps.</returns>
    /// <remarks>The first map or share over an evidence base builds an integer index of it (about a second per million
    /// findings) that later calls reuse.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A threshold or the band width is out of range.</exception>
    public static EvidenceMap Map(this EvidenceBase evidence,
        Dimension rows = Dimension.InterventionType,
        Dimension columns = Dimension.OutcomeDomain,
        EvidenceFilter? filter = null,
        int gapThreshold = DefaultGapThreshold,
        int yearBandWidth = DefaultYearBandWidth,
        double withinStudyThreshold = WithinStudyDirection.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentOutOfRangeException.ThrowIfNegative(gapThreshold);
        ArgumentOutOfRangeException.ThrowIfLessThan(yearBandWidth, 1);
        WithinStudyDirection.CheckThreshold(withinStudyThreshold);
        filter ??= EvidenceFilter.All;
        var data = new MapBuilder(EvidenceIndex.For(evidence), rows, columns, filter, yearBandWidth, withinStudyThreshold).Build();
        return new EvidenceMap(rows, columns, filter, gapThreshold, withinStudyThreshold, data);
    }
}
