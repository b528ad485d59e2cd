using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Reads PubMed's MEDLINE text format (<c>PMID- 123</c>, tags padded to four characters, continuation lines
/// indented by six spaces) into records (see <see cref="RecordFile"/> for the tags read).</summary>
internal static class MedlineRecordReader
{
    public static RecordImport Read(string text, string file, List<ImportProblem> problems)
    {
        var records = ImmutableArray.CreateBuilder<Record>();
        List<(string Tag, string Value, int Line)>? open = null;
        int lineNumber = 0, start = 0;
        foreach (var span in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            string line = span.TrimEnd().ToString();
            if (line.Length == 0) continue;
            if (line.StartsWith("      ", StringComparison.Ordinal) && open is { Count: > 0 })
            {
                var last = open[^1];
                open[^1] = (last.Tag, last.Value + " " + line.Trim(), last.Line);
                continue;
            }
            int dash = line.IndexOf("- ", StringComparison.Ordinal);
            if (dash is < 2 or > 5 || !line[..dash].TrimEnd().All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) || line[..dash].TrimEnd().Length < 2)
            {
                if (line.Length >= 5 && line[4] == '-' && line[..4].TrimEnd().Length >= 2 && line.Length == 5) continue; // an empty field
                problems.Add(new ImportProblem(ProblemKind.MalformedRecord, ProblemSeverity.Warning, file, null, lineNumber, null, null, RisRecordReader.Shorten(line),
                    string.Create(CultureInfo.InvariantCulture, $"Line {lineNumber} is neither a MEDLINE field ('TAG - value') nor the continuation of one; it is not imported.")));
                continue;
            }
            string tag = line[..dash].TrimEnd();
            string value = line[(dash + 2)..].Trim();
            if (tag == "PMID")
            {
                if (open is not null) records.Add(ToRecord(open, file, start));
                open = [];
                start = lineNumber;
            }
            else if (open is null)
            {
                problems.Add(new ImportProblem(ProblemKind.MalformedRecord, ProblemSeverity.Warning, file, null, lineNumber, tag, null, RisRecordReader.Shorten(line),
                    string.Create(CultureInfo.InvariantCulture, $"Line {lineNumber} comes before the first record (a record starts with 'PMID- '); it is not imported.")));
                continue;
            }
            open.Add((tag, value, lineNumber));
        }
        if (open is not null) records.Add(ToRecord(open, file, start));
        return new RecordImport(file, records.ToImmutable(), [.. problems]);
    }

    private static Record ToRecord(List<(string Tag, string Value, int Line)> fields, string file, int line)
    {
        string? First(string tag) => fields.FirstOrDefault(f => f.Tag == tag && f.Value.Length > 0).Value;
        ImmutableArray<string> All(string tag) => [.. fields.Where(f => f.Tag == tag && f.Value.Length > 0).Select(f => f.Value)];
        string pmid = First("PMID") ?? "";
        string? doi = fields.Where(f => f.Tag is "LID" or "AID" && f.Value.EndsWith("[doi]", StringComparison.Ordinal))
            .Select(f => f.Value[..^"[doi]".Length].Trim()).FirstOrDefault();
        return new Record
        {
            Id = pmid,
            Title = First("TI"),
            Abstract = First("AB"),
            Authors = All("AU").IsEmpty ? All("FAU") : All("AU"),
            Year = RecordFile.LeadingYear(First("DP")),
            Journal = First("JT") ?? First("TA"),
            Doi = doi,
            Keywords = [.. All("OT"), .. All("MH")],
            Url = pmid.Length > 0 ? "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/" : null,
            Database = "PubMed",
            File = file,
            Line = line,
        };
    }
}
