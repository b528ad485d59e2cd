namespace Evidence.Analytics.Tests.Charts;

/// <summary>Every chart of the sample, keyed by file name: the approval tests and the looking script iterate over it.</summary>
internal static class ChartGallery
{
    public static IReadOnlyList<(string Name, Chart Chart)> All()
    {
        var evidence = ChartSamples.ScopingReview();
        var realist = EvidenceWorkbook.Read(Realist.PerinatalPeerSupportSampleTests.SampleFolder).GetEvidenceOrThrow();
        return
        [
            ("intervention-types", evidence.InterventionTypeChart()),
            ("design-groups", evidence.DesignGroupChart()),
            ("designs-by-intervention-type", evidence.DesignsByInterventionTypeChart()),
            ("typology-levels", evidence.TypologyChart()),
            ("evidence-gap-map", evidence.GapMapChart()),
            ("evidence-gap-map-by-direction", evidence.Map().Chart(new GapMapOptions { Split = GapMapSplit.Direction })),
            ("shares-rct-improved", evidence.ShareChart()),
            ("shares-by-intervention-type", evidence.RankInterventionTypes(design: null).Chart()),
            ("effect-direction-plot", evidence.EffectDirectionPlot()),
            ("harvest-plot", evidence.HarvestPlot()),
            ("prisma-flow", evidence.FlowDiagram(PrismaVariant.PrismaScR)),
            ("prisma-flow-partial", new PrismaFlow(screened: 13851, studiesIncluded: 33).Diagram(PrismaVariant.PrismaScR)),
            ("configuration-matrix", realist.ConfigurationMatrix()),
            ("themes-by-family", realist.ThemeFamilyChart()),
            ("recall-curve", RecallChartTests.Sample().RecallChart()),
        ];
    }
}
