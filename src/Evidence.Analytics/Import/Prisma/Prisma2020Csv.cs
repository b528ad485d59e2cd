using System.Collections.Immutable;
using System.Globalization;
using Evidence.Analytics.Import;

namespace Evidence.Analytics;

/// <summary>The CSV template of the PRISMA2020 R package (Haddaway et al. 2022; <c>PRISMA_data()</c> reads it):
/// rows <c>data,node,box,description,boxtext,tooltips,url,n</c>, one per count of the PRISMA 2020 diagram, read into
/// a <see cref="PrismaFlow"/> and written from one.</summary>
/// <remarks>
/// <para>Reading: a row is found by its <c>data</c> key (rows with NA there are titles). A count may have thousands
/// separators; blank or NA is not reported. <c>database_specific_results</c>, <c>register_specific_results</c>,
/// <c>dbr_excluded</c> and <c>other_excluded</c> hold lists "Label, n; Label, n" (split on ';', then on the first
/// ','). The template's zeros stand for boxes a review does not draw, so previous studies, registers and the other
/// methods all zero are read as absent. Studies included are <c>total_studies</c> for an updated review and
/// <c>new_studies</c> otherwise; counts that disagree are warnings, keys the template lacks are warnings, and a count
/// that is not a number is an error naming the row.</para>
/// </remarks>
public static partial class Prisma2020Csv
{
    /// <summary>Reads a PRISMA2020 CSV file into a flow.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="problems">Every problem found, located by row and column; errors mean no flow is returned.</param>
    /// <returns>The flow, or null when the file has errors or cannot be read.</returns>
    public static PrismaFlow? Read(string path, out ImmutableArray<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = CsvWorkbookSource.DecodeText(File.ReadAllBytes(path), ImportOptions.Default, path, null, []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems = [new ImportProblem(ProblemKind.UnreadableFile, ProblemSeverity.Error, path, null, null, null, null, null, $"Cannot read '{path}': {e.Message}")];
            return null;
        }
        return Read(text, path, out problems);
    }

    /// <summary>Reads PRISMA2020 CSV text; <paramref name="file"/> names it in problems.</summary>
    internal static PrismaFlow? Read(string text, string file, out ImmutableArray<ImportProblem> problems)
    {
        var found = new List<ImportProblem>();
        var flow = Parse(text, file, found);
        problems = [.. found.OrderBy(p => p.IsError ? 0 : 1).ThenBy(p => p.Row ?? 0)];
        return found.Any(p => p.IsError) ? null : flow;
    }

    private const string Sheet = "PRISMA2020";

    private static PrismaFlow? Parse(string text, string file, List<ImportProblem> problems)
    {
        void Problem(ProblemKind kind, int? row, string? column, string? value, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
            problems.Add(new ImportProblem(kind, severity, file, Sheet, row, column, null, value, message));
        var rows = CsvRows.Read(text);
        var header = rows.Count == 0 ? [] : rows[0].Cells;
        int data = Array.FindIndex(header, h => h.Equals("data", StringComparison.OrdinalIgnoreCase));
        int n = Array.FindIndex(header, h => h.Equals("n", StringComparison.OrdinalIgnoreCase));
        if (data < 0 || n < 0)
        {
            Problem(ProblemKind.MissingColumn, 1, data < 0 ? "data" : "n", string.Join(",", header),
                $"The file is not a PRISMA2020 template: its header must have the columns {Prisma2020Template.Header}.");
            return null;
        }
        var keys = Prisma2020Template.Rows.Where(r => r.Data is not null).Select(r => r.Data!).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, (int? Count, int Row)>(StringComparer.Ordinal);
        var lists = new Dictionary<string, (List<FlowCount> Items, int Row)>(StringComparer.Ordinal);
        foreach (var (row, cells) in rows.Skip(1))
        {
            string key = data < cells.Length ? cells[data] : "";
            string value = n < cells.Length ? cells[n] : "";
            if (key.Length == 0 || key == "NA") continue;
            if (!keys.Contains(key))
            {
                Problem(ProblemKind.UnknownColumn, row, "data", key, $"'{key}' is not a row of the PRISMA2020 template; its count is not imported.", ProblemSeverity.Warning);
                continue;
            }
            if (counts.TryGetValue(key, out var first) || lists.TryGetValue(key, out var firstList))
            {
                Problem(ProblemKind.DuplicateId, row, "data", key, string.Create(CultureInfo.InvariantCulture, $"The row '{key}' is already given on row {(counts.TryGetValue(key, out first) ? first.Row : lists[key].Row)}; give each row once."));
                continue;
            }
            if (Prisma2020Template.ListKeys.Contains(key) && !IsCount(value))
            {
                var items = new List<FlowCount>();
                foreach (string part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    int comma = part.IndexOf(',', StringComparison.Ordinal);
                    string label = comma < 0 ? part : part[..comma].Trim();
                    int? count = comma < 0 ? null : Count(part[(comma + 1)..]);
                    if (label.Length == 0 || count is null)
                    {
                        Problem(ProblemKind.InvalidValue, row, "n", part,
                            $"In the row '{key}', '{part}' is not 'Label, count': a list separates its entries with ';' and each label from its count with ',' (\"Reason, 12; Reason, 3\").");
                        continue;
                    }
                    items.Add(new FlowCount(label, count.Value));
                }
                lists[key] = (items, row);
                continue;
            }
            int? number = null;
            if (!IsBlank(value) && (number = Count(value)) is null)
            {
                Problem(ProblemKind.NotANumber, row, "n", value, $"The count of '{key}' is '{value}', not a whole number ≥ 0.");
                continue;
            }
            counts[key] = (number, row);
        }
        if (problems.Any(p => p.IsError)) return null;

        int? Get(string key) => counts.TryGetValue(key, out var count) ? count.Count : null;
        int RowOf(string key) => counts.TryGetValue(key, out var count) ? count.Row : lists.TryGetValue(key, out var list) ? list.Row : 0;
        List<FlowCount>? List(string key) => lists.TryGetValue(key, out var list) ? list.Items : null;
        bool Given(int? count) => count is > 0;
        void Disagree(string key, string message) => Problem(ProblemKind.FlowInconsistency, RowOf(key), "n", Get(key)?.ToString(CultureInfo.InvariantCulture), message, ProblemSeverity.Warning);

        IEnumerable<FlowCount> Sources(string totalKey, string listKey, string label, bool zeroIsAbsent)
        {
            int? total = Get(totalKey);
            var list = List(listKey) ?? (Get(listKey) is { } plain ? [new FlowCount(label, plain)] : null);
            if (list is not null)
            {
                if (total is { } t && (t != 0 || !zeroIsAbsent) && list.Sum(c => c.Count) != t)
                    Disagree(totalKey, string.Create(CultureInfo.InvariantCulture, $"'{totalKey}' is {t:N0} but the counts of '{listKey}' add up to {list.Sum(c => c.Count):N0}; the list is used."));
                return list;
            }
            return total is { } only && (only != 0 || !zeroIsAbsent) ? [new FlowCount(label, only)] : [];
        }

        int? previousStudies = Get("previous_studies"), previousReports = Get("previous_reports");
        bool update = Given(previousStudies) || Given(previousReports);
        if (!update) previousStudies = previousReports = null;

        var otherIdentified = new List<FlowCount>();
        foreach (var (key, label) in new[] { ("website_results", "Websites"), ("organisation_results", "Organisations"), ("citations_results", "Citation searching") })
        {
            if (Get(key) is { } count) otherIdentified.Add(new FlowCount(label, count));
        }
        var otherExcluded = List("other_excluded") ?? (Get("other_excluded") is { } otherTotal ? [new FlowCount("Reason not given", otherTotal)] : []);
        int? otherSought = Get("other_sought_reports"), otherNotRetrieved = Get("other_notretrieved_reports"), otherAssessed = Get("other_assessed");
        bool other = otherIdentified.Any(c => c.Count > 0) || otherExcluded.Any(c => c.Count > 0) || Given(otherSought) || Given(otherNotRetrieved) || Given(otherAssessed);

        int? studies, reports;
        int? newStudies = Get("new_studies"), newReports = Get("new_reports"), totalStudies = Get("total_studies"), totalReports = Get("total_reports");
        if (update)
        {
            studies = totalStudies ?? previousStudies + newStudies;
            reports = totalReports ?? previousReports + newReports;
            if (totalStudies is { } ts && newStudies is { } ns && previousStudies is { } ps && ts != ps + ns)
                Disagree("total_studies", string.Create(CultureInfo.InvariantCulture, $"total_studies is {ts:N0} but previous_studies + new_studies is {ps + ns:N0}; total_studies is used."));
            if (totalReports is { } tr && newReports is { } nr && previousReports is { } pr && tr != pr + nr)
                Disagree("total_reports", string.Create(CultureInfo.InvariantCulture, $"total_reports is {tr:N0} but previous_reports + new_reports is {pr + nr:N0}; total_reports is used."));
        }
        else
        {
            studies = newStudies ?? totalStudies;
            reports = newReports ?? totalReports;
            if (newStudies is { } ns && totalStudies is { } ts && ts != 0 && ts != ns)
                Disagree("total_studies", string.Create(CultureInfo.InvariantCulture, $"total_studies is {ts:N0} but new_studies is {ns:N0} and no previous version is given; new_studies is used."));
        }
        foreach (string key in (string[])["total_studies_ma", "total_reports_ma"])
        {
            if (Get(key) is > 0)
                Problem(ProblemKind.SheetNotImported, RowOf(key), "n", Get(key)!.Value.ToString(CultureInfo.InvariantCulture),
                    $"'{key}' (the meta-analysis box) is not imported: the library's flow has no meta-analysis box.", ProblemSeverity.Warning);
        }

        var dbrExcluded = List("dbr_excluded") ?? (Get("dbr_excluded") is { } excludedTotal ? [new FlowCount("Reason not given", excludedTotal)] : []);
        return new PrismaFlow(
            Sources("database_results", "database_specific_results", "Databases", zeroIsAbsent: false),
            Get("duplicates"), Get("excluded_automatic"), Get("excluded_other"), Get("records_screened"), Get("records_excluded"),
            Get("dbr_sought_reports"), Get("dbr_notretrieved_reports"), Get("dbr_assessed"), dbrExcluded, studies, reports,
            previousStudies, previousReports,
            Sources("register_results", "register_specific_results", "Registers", zeroIsAbsent: true),
            other ? new PrismaOtherMethods(otherIdentified, otherSought, otherNotRetrieved, otherAssessed, otherExcluded) : null);
    }

    private static bool IsBlank(string value) => value.Length == 0 || value.Equals("NA", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a list row holds a plain count (digits, separators), as the package's parser decides.</summary>
    private static bool IsCount(string value) => IsBlank(value) || value.All(c => char.IsAsciiDigit(c) || c is ',' or ' ');

    /// <summary>A count with thousands separators and spaces allowed; null when it is not a whole number.</summary>
    private static int? Count(string text)
    {
        string digits = text.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
    }
}
