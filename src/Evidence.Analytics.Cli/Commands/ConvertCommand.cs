using Evidence.Analytics.Excel;
using System.CommandLine;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence convert FILE -o OUT.xlsx</c>: imports anything the importer reads (a CSV folder, .xls, .xlsx)
/// and writes it as an evidence workbook in the import format.</summary>
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
        var command = new Command("convert", "Check an evidence workbook (.xlsx, .xls or a folder of CSV files) and write it as one .xlsx workbook in the import format, with the format's headers and spellings.")
        {
            file,
            output,
        };
        command.SetAction(parseResult =>
        {
            var evidence = EvidenceInput.Load(parseResult, parseResult.GetValue(file)!, quiet: false, out int exitCode);
            if (evidence is null) return exitCode;
            var target = parseResult.GetValue(output)!;
            try
            {
                EvidenceWorkbookWriter.Write(evidence, target.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"Cannot write {target.FullName}: {e.Message}");
                return EvidenceCli.UsageError;
            }
            parseResult.InvocationConfiguration.Output.WriteLine($"Wrote {evidence} to {target.FullName}.");
            return EvidenceCli.Success;
        });
        return command;
    }
}
