using Evidence.Analytics.Excel;
using System.CommandLine;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence convert FILE -o OUT.xlsx</c>: imports anything the importer reads (a CSV folder, .xls, .xlsx, an
/// EPPI-Reviewer JSON export) and writes it as an evidence workbook in the import format, optionally taking the
/// studies' citations from a RIS file and the flow from a PRISMA2020 CSV file.</summary>
/// <remarks>This is how the sample workbooks in data-samples/ are made from their reviewable CSV sources.</remarks>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var file = EvidenceInput.FileArgument();
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "The .xlsx workbook to write (replaced if it exists).",
            HelpName = "file",
            Required = true,
        };
        var mapping = new Option<FileInfo>("--mapping")
        {
            Description = "For an EPPI-Reviewer JSON file: a CSV file with the columns Code, Field and Term, mapping code sets and codes not named like the workbook's fields (Design, Intervention type, Outcome domain, …) to them, or to Ignore.",
        };
        var citations = new Option<FileInfo>("--citations")
        {
            Description = "A RIS file whose records replace the citation (Authors, Year, Title, DOI) of the study whose id is the record's ID tag.",
        };
        var flow = new Option<FileInfo>("--flow")
        {
            Description = "A PRISMA2020 CSV file (the R package's template, one row per count) to write as the Flow sheet, replacing any flow the input has.",
        };
        var command = new Command("convert", "Check an evidence workbook (.xlsx, .xls, a folder of CSV files, or an EPPI-Reviewer JSON export) and write it as one .xlsx workbook in the import format, with the format's headers and spellings.")
        {
            file,
            output,
            mapping,
            citations,
            flow,
        };
        command.SetAction(parseResult =>
        {
            var evidence = EvidenceInput.Load(parseResult, parseResult.GetValue(file)!, quiet: false, out int exitCode, eppiMapping: parseResult.GetValue(mapping)?.FullName);
            if (evidence is null) return exitCode;
            var error = parseResult.InvocationConfiguration.Error;
            if (parseResult.GetValue(citations) is { } ris)
            {
                var records = RecordFile.Read(ris.FullName);
                var problems = records.Problems.ToList();
                int matched = 0;
                var cited = records.IsValid ? RisCitations.Apply(evidence, records, problems, out matched) : evidence;
                foreach (var problem in problems) error.WriteLine(problem);
                if (problems.Any(p => p.IsError)) return EvidenceInput.IsRefused(problems) ? EvidenceCli.UsageError : EvidenceCli.InputProblems;
                error.WriteLine($"Citations of {matched} of {evidence.Studies.Length} studies taken from {ris.FullName}.");
                evidence = cited;
            }
            if (parseResult.GetValue(flow) is { } prisma)
            {
                var read = Prisma2020Csv.Read(prisma.FullName, out var problems);
                foreach (var problem in problems) error.WriteLine(problem);
                if (read is null) return EvidenceInput.IsRefused(problems) ? EvidenceCli.UsageError : EvidenceCli.InputProblems;
                evidence = new EvidenceBase(evidence.Studies, evidence.Interventions, evidence.Findings, read, evidence.Configurations, evidence.Review, evidence.Vocabularies);
            }
            var target = parseResult.GetValue(output)!;
            try
            {
                EvidenceWorkbookWriter.Write(evidence, target.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"Cannot write {target.FullName}: {e.Message}");
                return EvidenceCli.UsageError;
            }
            parseResult.InvocationConfiguration.Output.WriteLine($"Wrote {evidence} to {target.FullName}.");
            return EvidenceCli.Success;
        });
        return command;
    }
}
