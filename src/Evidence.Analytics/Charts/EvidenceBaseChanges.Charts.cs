namespace Evidence.Analytics;

public sealed partial class EvidenceBaseChanges
{
    /// <summary>The new version's evidence gap map with the new evidence marked: each cell with studies new in it
    /// outlined and labelled "+n", each cell that lost studies labelled "−n".</summary>
    /// <param name="mapOptions">How bubbles are divided and sized.</param>
    /// <param name="options">Layout options.</param>
    public EvidenceGapMapChart GapMapChart(GapMapOptions? mapOptions = null, ChartOptions? options = null) =>
        new(CurrentMap, mapOptions, options, this);
}
