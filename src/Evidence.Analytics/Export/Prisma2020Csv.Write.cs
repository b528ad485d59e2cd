using System.Globalization;
using Evidence.Analytics.Import;

namespace Evidence.Analytics;

// The writer: a flow as the PRISMA2020 package's CSV template, every row of the template in its order.
public static partial class Prisma2020Csv
{
    /// <summary>Writes a flow as the PRISMA2020 package's CSV template: the template's 34 rows in its order, each count in
    /// <c>n</c> (NA when not reported), lists as "Label, n; Label, n".</summary>
    /// <param name="flow">The flow.</param>
    /// <param name="writer">The writer (lines end with "\n").</param>
    /// <remarks>Databases are <see cref="PrismaFlow.Identified"/> (a lone count labelled "Databases" is the total only),
    /// registers <see cref="PrismaFlow.Registers"/>; studies and reports included are written as new (less the previous
    /// version's) and as total. The package splits a list on ';' and ',', so a label's own commas and semicolons are
    /// written as the look-alike characters U+201A and U+037E.</remarks>
    public static void Write(PrismaFlow flow, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(writer);
        var other = flow.OtherMethods;
        int? OtherCount(string label) => other?.Identified.FirstOrDefault(c => c.Label == label)?.Count;
        string Plain(int? count) => count is { } n ? n.ToString(CultureInfo.InvariantCulture) : "NA";
        string List(IReadOnlyCollection<FlowCount> counts, string lone) =>
            counts.Count == 0 || counts.Count == 1 && counts.First().Label == lone
                ? "NA"
                : string.Join("; ", counts.Select(c => c.Label.Replace(",", "\u201A", StringComparison.Ordinal).Replace(";", "\u037E", StringComparison.Ordinal) + ", " + c.Count.ToString(CultureInfo.InvariantCulture)));
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["previous_studies"] = Plain(flow.PreviousStudies),
            ["previous_reports"] = Plain(flow.PreviousReports),
            ["database_results"] = Plain(flow.IdentifiedTotal),
            ["database_specific_results"] = List(flow.Identified, "Databases"),
            ["register_results"] = Plain(flow.RegistersTotal),
            ["register_specific_results"] = List(flow.Registers, "Registers"),
            ["website_results"] = Plain(OtherCount("Websites")),
            ["organisation_results"] = Plain(OtherCount("Organisations")),
            ["citations_results"] = Plain(OtherCount("Citation searching")),
            ["duplicates"] = Plain(flow.DuplicatesRemoved),
            ["excluded_automatic"] = Plain(flow.AutomationRemoved),
            ["excluded_other"] = Plain(flow.OtherRemoved),
            ["records_screened"] = Plain(flow.Screened),
            ["records_excluded"] = Plain(flow.ExcludedAtScreening),
            ["dbr_sought_reports"] = Plain(flow.Sought),
            ["dbr_notretrieved_reports"] = Plain(flow.NotRetrieved),
            ["other_sought_reports"] = Plain(other?.Sought),
            ["other_notretrieved_reports"] = Plain(other?.NotRetrieved),
            ["dbr_assessed"] = Plain(flow.Assessed),
            ["dbr_excluded"] = List(flow.ExclusionReasons, ""),
            ["other_assessed"] = Plain(other?.Assessed),
            ["other_excluded"] = List(other?.ExclusionReasons ?? [], ""),
            ["new_studies"] = Plain(flow.NewStudiesIncluded),
            ["new_reports"] = Plain(flow.NewReportsIncluded),
            ["total_studies"] = Plain(flow.StudiesIncluded),
            ["total_reports"] = Plain(flow.ReportsIncluded),
        };
        writer.Write(Prisma2020Template.Header + "\n");
        foreach (var (data, node, box, text) in Prisma2020Template.Rows)
        {
            string n = data is not null && values.TryGetValue(data, out string? value) ? value : "NA";
            string tooltip = string.IsNullOrEmpty(node) ? "NA" : text;
            writer.Write(string.Join(",", data ?? "NA", node ?? "NA", box, CsvField.Escape(text), CsvField.Escape(text), CsvField.Escape(tooltip), "NA", CsvField.Escape(n)) + "\n");
        }
    }

    /// <summary>A flow as the PRISMA2020 CSV template's text (see <see cref="Write"/>).</summary>
    public static string ToCsv(PrismaFlow flow)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(flow, writer);
        return writer.ToString();
    }
}
