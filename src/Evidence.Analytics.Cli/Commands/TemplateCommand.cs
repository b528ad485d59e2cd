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
            HelpName = "file",
            Required = true,
        };
        var command = new Command("template", "Write a blank evidence workbook to fill in: the sheets and columns the import reads, drop-down lists, an input hint on every column and a README sheet explaining each one.")
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
