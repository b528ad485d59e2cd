using Evidence.Analytics.Excel;
using System.CommandLine;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence template -o FILE</c>: writes the blank extraction workbook.</summary>
internal static class TemplateCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "The .xlsx file to write (replaced if it exists).",
            Required = true,
        };
        var command = new Command("template", "Write a blank extraction workbook in the import format: drop-down lists, input hints and a README explaining every column.")
        {
            output,
        };
        command.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(output)!;
            try
            {
                ExtractionTemplate.Write(file.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"Cannot write {file.FullName}: {e.Message}");
                return EvidenceCli.UsageError;
            }
            parseResult.InvocationConfiguration.Output.WriteLine($"Wrote the extraction template to {file.FullName}.");
            return EvidenceCli.Success;
        });
        return command;
    }
}
