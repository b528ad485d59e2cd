namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<PrismaFlow>))]
public sealed partial class PrismaFlow : IHtmlDisplayable
{
    /// <summary>The flow as an HTML table of its stages and counts, with any inconsistency between them; the diagram
    /// itself is <c>evidence.FlowDiagram()</c>.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded text, no scripts).</remarks>
    public string ToHtml() => Document().ToHtml();

    string IHtmlDisplayable.ToPlainText() => Document().ToPlainText();

    private DisplayDocument Document()
    {
        var stages = new DisplayTable("Records at each stage", "Stage", "#Records");
        foreach (var (stage, count) in new (string, int?)[]
        {
            ("Identified", IdentifiedTotal), ("Duplicates removed", DuplicatesRemoved), ("Removed by automation tools", AutomationRemoved),
            ("Removed for other reasons", OtherRemoved), ("Screened", Screened), ("Excluded at screening", ExcludedAtScreening),
            ("Sought for retrieval", Sought), ("Not retrieved", NotRetrieved), ("Assessed for eligibility", Assessed),
            ("Excluded with reasons", ExcludedWithReasonsTotal), ("Studies included", StudiesIncluded), ("Reports included", ReportsIncluded),
        })
            stages.Add(stage, count is { } n ? n : "not reported");
        if (IsUpdate)
        {
            stages.Add("Studies in the previous version", PreviousStudies is { } studies ? studies : "not reported");
            stages.Add("Reports in the previous version", PreviousReports is { } reports ? reports : "not reported");
        }
        var document = new DisplayDocument("PRISMA flow").Table(stages);
        if (!Identified.IsEmpty)
            document.Table(Sources(Registers.IsEmpty ? "Records identified, by source" : "Records identified, by database", Identified));
        if (!Registers.IsEmpty)
            document.Table(Sources("Records identified, by register", Registers));
        if (!ExclusionReasons.IsEmpty)
            document.Table(Sources("Reports excluded, by reason", ExclusionReasons));
        if (OtherMethods is { } other)
        {
            var methods = new DisplayTable("Via other methods", "Stage", "#Records");
            foreach (var (stage, count) in new (string, int?)[]
            {
                ("Identified", other.IdentifiedTotal), ("Sought for retrieval", other.Sought), ("Not retrieved", other.NotRetrieved),
                ("Assessed for eligibility", other.Assessed), ("Excluded with reasons", other.ExcludedWithReasonsTotal),
            })
                methods.Add(stage, count is { } n ? n : "not reported");
            document.Table(methods);
            if (!other.Identified.IsEmpty) document.Table(Sources("Records identified via other methods, by method", other.Identified));
            if (!other.ExclusionReasons.IsEmpty) document.Table(Sources("Reports excluded via other methods, by reason", other.ExclusionReasons));
        }
        foreach (string inconsistency in Inconsistencies)
            document.Problem(inconsistency);
        return document;
    }

    private static DisplayTable Sources(string caption, IEnumerable<FlowCount> counts)
    {
        var table = new DisplayTable(caption, "", "#Records");
        foreach (var count in counts)
            table.Add(count.Label, count.Count);
        return table;
    }
}
