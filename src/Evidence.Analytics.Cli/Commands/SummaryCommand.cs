using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence summary FILE [--json]</c>: what the evidence base holds, by design group, design, country,
/// intervention type, typology level, outcome domain and direction of effect.</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var file = EvidenceInput.FileArgument();
        var json = new Option<bool>("--json") { Description = "Write the counts as a JSON object instead of tables." };
        var command = new Command("summary", "Count what an evidence workbook holds: studies by design, country, intervention type and outcome domain, interventions by typology level, and findings by direction of effect.")
        {
            file,
            json,
        };
        command.SetAction(parseResult =>
        {
            bool asJson = parseResult.GetValue(json);
            var evidence = EvidenceInput.Load(parseResult, parseResult.GetValue(file)!, asJson, out int exitCode, json: asJson);
            if (evidence is null) return exitCode;
            var summary = EvidenceCounts.Of(evidence);
            var output = parseResult.InvocationConfiguration.Output;
            if (asJson) output.WriteLine(summary.ToJson());
            else WriteTables(CliConsole.For(output), evidence, summary);
            return EvidenceCli.Success;
        });
        return command;
    }

    private static void WriteTables(IAnsiConsole console, EvidenceBase evidence, EvidenceCounts summary)
    {
        console.Write(new Markup($"[bold]{Markup.Escape(evidence.Review.Title)}[/]"));
        console.WriteLine();
        string screened = evidence.Flow?.Screened is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " records screened, " : "";
        console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
            $"{screened}{summary.Studies:N0} studies, {summary.Interventions:N0} interventions, {summary.Findings:N0} findings")));
        console.WriteLine();
        if (evidence.Review.Notes is { } notes) console.Write(new Paragraph(notes + Environment.NewLine, new Style(decoration: Decoration.Italic)));
        foreach (var (title, unit, counts) in summary.Tables)
        {
            if (counts.Count == 0) continue;
            var table = new FittedTable().AddColumn(title).AddColumn(unit, rightAligned: true);
            foreach (var (label, count) in counts) table.AddRow(Markup.Escape(label), count.ToString("N0", CultureInfo.InvariantCulture));
            console.Write(table);
        }
        console.Write(new Text("Studies are counted once per row they belong to (a study with several intervention types or countries appears in each), so rows need not add up to the total."));
        console.WriteLine();
    }
}

/// <summary>The counts behind <c>evidence summary</c>, in display order.</summary>
internal sealed class EvidenceCounts
{
    private EvidenceCounts(EvidenceBase evidence)
    {
        var studies = evidence.Studies;
        Studies = studies.Length;
        Interventions = evidence.Interventions.Length;
        Findings = evidence.Findings.Length;
        DesignGroups = Enum.GetValues<DesignGroup>().Select(g => (g.Label(), studies.Count(s => s.DesignGroup == g))).ToList();
        Designs = studies.GroupBy(s => s.Design).OrderBy(g => g.Key.Group()).ThenBy(g => g.Key).Select(g => (g.Key.Label(), g.Count())).ToList();
        Countries = studies.SelectMany(s => s.Countries).GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.First(), g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Item1, StringComparer.Ordinal).ToList();
        var typesByStudy = studies.Select(evidence.InterventionTypesOf).ToList();
        InterventionTypes = InterventionType.Seeded.Concat(evidence.Interventions.SelectMany(i => i.Types)).Distinct().Order()
            .Select(t => (t.Name, typesByStudy.Count(types => types.Contains(t)))).ToList();
        TypologyLevels = evidence.SummariseTypology().Levels.Select(l => (l.Level.Label(), l.Interventions)).ToList();
        OutcomeDomains = OutcomeDomain.Seeded.Concat(evidence.Findings.Select(f => f.Domain)).Distinct().Order()
            .Select(d => (d.Name, evidence.Findings.Where(f => f.Domain == d).Select(f => f.StudyId).Distinct(StringComparer.OrdinalIgnoreCase).Count())).ToList();
        Directions = Enum.GetValues<Direction>().Select(d => (d.Label(), evidence.Findings.Count(f => f.Direction == d))).ToList();
        CmoConfigurations = evidence.Configurations.IsEmpty ? [] : evidence.RealistSynthesis().FamilyTallies.Select(t => (t.Family.Name, t.Configurations)).ToList();
    }

    public static EvidenceCounts Of(EvidenceBase evidence) => new(evidence);

    public int Studies { get; }
    public int Interventions { get; }
    public int Findings { get; }

    /// <summary>Studies per design group (all three).</summary>
    public IReadOnlyList<(string Label, int Count)> DesignGroups { get; }

    /// <summary>Studies per design present, grouped by design group.</summary>
    public IReadOnlyList<(string Label, int Count)> Designs { get; }

    /// <summary>Studies per country, most first.</summary>
    public IReadOnlyList<(string Label, int Count)> Countries { get; }

    /// <summary>Studies per intervention type, each type counted once per study.</summary>
    public IReadOnlyList<(string Label, int Count)> InterventionTypes { get; }

    /// <summary>Interventions per typology level.</summary>
    public IReadOnlyList<(string Label, int Count)> TypologyLevels { get; }

    /// <summary>Studies with at least one finding per outcome domain.</summary>
    public IReadOnlyList<(string Label, int Count)> OutcomeDomains { get; }

    /// <summary>Findings per direction of effect.</summary>
    public IReadOnlyList<(string Label, int Count)> Directions { get; }

    /// <summary>Realist CMO configurations per family (the seeded three, then declared ones), or none when the review has none.</summary>
    public IReadOnlyList<(string Label, int Count)> CmoConfigurations { get; }

    public IEnumerable<(string Title, string Unit, IReadOnlyList<(string Label, int Count)> Counts)> Tables =>
    [
        ("Design group", "Studies", DesignGroups),
        ("Design", "Studies", Designs),
        ("Country", "Studies", Countries),
        ("Intervention type", "Studies", InterventionTypes),
        ("Typology level", "Interventions", TypologyLevels),
        ("Outcome domain", "Studies", OutcomeDomains),
        ("Direction of effect", "Findings", Directions),
        ("CMO configuration family", "Configurations", CmoConfigurations),
    ];

    /// <summary>The JSON object: studies, interventions and findings as numbers, then each table as label → count in display order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("studies", Studies);
            writer.WriteNumber("interventions", Interventions);
            writer.WriteStartObject("cmoConfigurations");
            foreach (var (family, count) in CmoConfigurations) writer.WriteNumber(family, count);
            writer.WriteEndObject();
            writer.WriteNumber("findings", Findings);
            foreach (var (name, counts) in new[]
            {
                ("designGroups", DesignGroups), ("designs", Designs), ("countries", Countries), ("interventionTypes", InterventionTypes),
                ("typologyLevels", TypologyLevels), ("outcomeDomains", OutcomeDomains), ("directions", Directions),
            })
            {
                writer.WriteStartObject(name);
                foreach (var (label, count) in counts) writer.WriteNumber(label, count);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
