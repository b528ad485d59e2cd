using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence validate FILE [--json]</c>: checks a workbook and lists every problem with its sheet, Excel row,
/// column and value. Exit code 0 when valid (warnings allowed), 1 when it has errors, 2 when it cannot be read.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = EvidenceInput.FileArgument();
        var json = new Option<bool>("--json") { Description = "Write the result as a JSON object (valid, counts and every problem)." };
        var command = new Command("validate", "Check an evidence workbook and list every problem with its sheet, row, column and value. Exit code 0 when it can be imported (warnings allowed), 1 when it has errors, 2 when it cannot be read.")
        {
            file,
            json,
        };
        command.SetAction(parseResult =>
        {
            bool asJson = parseResult.GetValue(json);
            var result = EvidenceInput.Read(parseResult, parseResult.GetValue(file)!, asJson);
            var output = parseResult.InvocationConfiguration.Output;
            if (asJson)
            {
                output.WriteLine(ToJson(result));
            }
            else if (result.IsValid)
            {
                foreach (var problem in result.Problems) output.WriteLine(problem);
                output.WriteLine($"{result.File} is valid. {EvidenceInput.Tally(result)}");
            }
            else
            {
                EvidenceInput.WriteProblems(output, result);
            }
            return EvidenceInput.ExitCode(result);
        });
        return command;
    }

    /// <summary>The JSON object: file, valid, counts, per-sheet counts and every problem in order.</summary>
    internal static string ToJson(ImportResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", result.File);
            writer.WriteBoolean("valid", result.IsValid);
            writer.WriteNumber("errors", result.Errors.Count());
            writer.WriteNumber("warnings", result.Warnings.Count());
            writer.WriteNumber("rowsRead", result.RowsRead);
            writer.WriteNumber("rowsImported", result.RowsImported);
            writer.WriteNumber("rowsReported", result.RowsReported);
            writer.WriteStartArray("sheets");
            foreach (var sheet in result.Sheets)
            {
                writer.WriteStartObject();
                writer.WriteString("sheet", sheet.Sheet);
                writer.WriteNumber("rowsRead", sheet.RowsRead);
                writer.WriteNumber("rowsImported", sheet.RowsImported);
                writer.WriteNumber("rowsReported", sheet.RowsReported);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            WriteProblems(writer, result.Problems);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The "problems" array: each problem's severity, kind, file, sheet, row, column, cell, value and message.</summary>
    internal static void WriteProblems(Utf8JsonWriter writer, IEnumerable<ImportProblem> problems)
    {
        writer.WriteStartArray("problems");
        foreach (var problem in problems)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", problem.IsError ? "error" : "warning");
            writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(problem.Kind.ToString()));
            writer.WriteString("file", problem.File);
            WriteOptional(writer, "sheet", problem.Sheet);
            if (problem.Row is { } row) writer.WriteNumber("row", row);
            else writer.WriteNull("row");
            WriteOptional(writer, "column", problem.Column);
            WriteOptional(writer, "cell", problem.Cell);
            WriteOptional(writer, "value", problem.Value);
            writer.WriteString("message", problem.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
