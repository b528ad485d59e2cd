using Microsoft.Data.Analysis;

namespace Evidence.Analytics.DataFrames;

/// <summary>An evidence base and its analyses as <see cref="DataFrame"/>s with typed columns, to filter, group and join
/// in a notebook.</summary>
/// <remarks>
/// <para>Columns hold the labels the library shows ("RCT", "Social connection", "Improved"); several values in one
/// cell (a study's countries) are joined with "; ", and the links between records are frames of their own
/// (<see cref="StudyInterventionsFrame"/>), so joins never split strings. Missing values are nulls.</para>
/// <para>Counting distinct studies is the library's rule: a study with three findings in one outcome counts once in
/// the evidence map. A frame of findings has one row per finding; count distinct study ids to get the map's numbers.</para>
/// </remarks>
public static class EvidenceFrames
{
    /// <summary>One row per study: Study, Year, Design, DesignGroup, Countries, Timing, Interventions.</summary>
    public static DataFrame StudiesFrame(this EvidenceBase evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var studies = evidence.Studies;
        return new DataFrame(
            Text("Study", studies.Select(s => s.Id)),
            Numbers("Year", studies.Select(s => (int?)s.Citation.Year)),
            Text("Design", studies.Select(s => s.Design.Label())),
            Text("DesignGroup", studies.Select(s => s.DesignGroup.Label())),
            Text("Countries", studies.Select(s => string.Join("; ", s.Countries))),
            Text("Timing", studies.Select(s => s.Timing?.Label())),
            Text("Interventions", studies.Select(s => string.Join("; ", s.InterventionIds))));
    }

    /// <summary>One row per intervention: Intervention, Name, Types, LinkWorker, TypologyLevel.</summary>
    public static DataFrame InterventionsFrame(this EvidenceBase evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var interventions = evidence.Interventions;
        return new DataFrame(
            Text("Intervention", interventions.Select(i => i.Id)),
            Text("Name", interventions.Select(i => i.Name)),
            Text("Types", interventions.Select(i => string.Join("; ", i.Types.Select(t => t.Name)))),
            new BooleanDataFrameColumn("LinkWorker", interventions.Select(i => i.HasLinkWorker)),
            Text("TypologyLevel", interventions.Select(i => i.Typology.Level.Label())));
    }

    /// <summary>One row per study and intervention it evaluates (Study, Intervention, InterventionType): the link to
    /// join studies or findings with intervention types, one row per type.</summary>
    public static DataFrame StudyInterventionsFrame(this EvidenceBase evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var byId = evidence.Interventions.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        var links = (from s in evidence.Studies
                     from id in s.InterventionIds
                     // A link to an intervention with no coded type (or none on the Interventions sheet) keeps a row, with no type.
                     from type in byId.TryGetValue(id, out var i) && !i.Types.IsEmpty ? i.Types.Select(t => (string?)t.Name) : [null]
                     select (Study: s.Id, Intervention: id, Type: type)).ToList();
        return new DataFrame(
            Text("Study", links.Select(l => l.Study)),
            Text("Intervention", links.Select(l => l.Intervention)),
            Text("InterventionType", links.Select(l => l.Type)));
    }

    /// <summary>One row per finding: Study, Intervention, Outcome, Direction, Measure.</summary>
    public static DataFrame FindingsFrame(this EvidenceBase evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var findings = evidence.Findings;
        return new DataFrame(
            Text("Study", findings.Select(f => f.StudyId)),
            Text("Intervention", findings.Select(f => f.InterventionId)),
            Text("Outcome", findings.Select(f => f.Domain.Name)),
            Text("Direction", findings.Select(f => f.Direction.Label())),
            Text("Measure", findings.Select(f => f.Measure)));
    }

    /// <summary>One row per cell of an evidence map: Row, Column, Studies (distinct), RCTs, Findings.</summary>
    public static DataFrame ToDataFrame(this EvidenceMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var cells = map.Cells;
        return new DataFrame(
            Text(map.Rows.ToString(), cells.Select(c => c.Row)),
            Text(map.Columns.ToString(), cells.Select(c => c.Column)),
            Numbers("Studies", cells.Select(c => (int?)c.Studies)),
            Numbers("RCTs", cells.Select(c => (int?)c.ByDesignGroup.Rct)),
            Numbers("Findings", cells.Select(c => (int?)c.Findings)));
    }

    /// <summary>One row per study counted in a share: Study, Direction (the study's vote), Findings.</summary>
    public static DataFrame ToDataFrame(this Share share)
    {
        ArgumentNullException.ThrowIfNull(share);
        var studies = share.Studies;
        return new DataFrame(
            Text("Study", studies.Select(s => s.StudyId)),
            Text("Direction", studies.Select(s => s.Direction.Label())),
            Numbers("Findings", studies.Select(s => (int?)s.Findings)));
    }

    /// <summary>One row per CMO configuration: Configuration, Family, Themes, Studies (distinct), Programmes (distinct).</summary>
    public static DataFrame ConfigurationsFrame(this RealistSynthesis realist)
    {
        ArgumentNullException.ThrowIfNull(realist);
        var configurations = realist.Configurations;
        return new DataFrame(
            Text("Configuration", configurations.Select(c => c.Configuration.Id)),
            Text("Family", configurations.Select(c => c.Configuration.Family.Name)),
            Text("Themes", configurations.Select(c => string.Join("; ", c.Configuration.Themes))),
            Numbers("Studies", configurations.Select(c => (int?)c.StudyCount)),
            Numbers("Programmes", configurations.Select(c => (int?)c.ProgrammeCount)));
    }

    private static StringDataFrameColumn Text(string name, IEnumerable<string?> values) => new(name, values);

    private static Int32DataFrameColumn Numbers(string name, IEnumerable<int?> values) => new(name, values);
}
