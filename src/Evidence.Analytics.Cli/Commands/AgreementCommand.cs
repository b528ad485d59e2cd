using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence agreement FILE [--level 0.95] [--json]</c>: two screeners' agreement on include/exclude decisions.</summary>
internal static class AgreementCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "A .csv, .tsv or .xlsx file with one row per decision: record id, screener, decision (include/exclude).",
        };
        var level = new Option<double>("--level") { Description = "The confidence level for kappa's interval.", DefaultValueFactory = _ => 0.95 };
        var json = new Option<bool>("--json") { Description = "Write the statistics as JSON." };
        var command = new Command("agreement", "Screening agreement between two screeners: percent agreement, Cohen's kappa with SE and CI, PABAK, prevalence and bias indices.")
        {
            file, level, json,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            double confidence = parseResult.GetValue(level);
            if (!(confidence > 0 && confidence < 1))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--level must be between 0 and 1 (e.g. 0.95), not {confidence}."));
                return EvidenceCli.UsageError;
            }
            string path = parseResult.GetValue(file)!;
            ScreeningImport import;
            try
            {
                import = ScreeningFile.Read(path, confidence);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{path}: cannot be read: {e.Message}");
                return EvidenceCli.UsageError;
            }
            if (!import.IsValid)
            {
                foreach (var problem in import.Problems) error.WriteLine(problem);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{import.Problems.Length} problem(s) in {Path.GetFileName(path)}; agreement not computed."));
                // A file that could not be opened as CSV or a workbook at all is a usage error, like an unreadable evidence workbook.
                return import.Problems is [{ Row: null, Column: null, Message: var m }] && m.StartsWith("The file cannot be read", StringComparison.Ordinal)
                    ? EvidenceCli.UsageError
                    : EvidenceCli.InputProblems;
            }
            var agreement = import.Agreement!;
            output.WriteLine(parseResult.GetValue(json) ? ToJson(agreement) : agreement.ToString());
            return EvidenceCli.Success;
        });
        return command;
    }

    /// <summary>The statistics as indented camelCase JSON; kappa's statistics are null when kappa is undefined.</summary>
    internal static string ToJson(ScreeningAgreement agreement)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("firstScreener", agreement.FirstScreener);
            writer.WriteString("secondScreener", agreement.SecondScreener);
            writer.WriteNumber("records", agreement.Records);
            writer.WriteNumber("bothInclude", agreement.BothInclude);
            writer.WriteNumber("firstIncludesOnly", agreement.FirstIncludesOnly);
            writer.WriteNumber("secondIncludesOnly", agreement.SecondIncludesOnly);
            writer.WriteNumber("bothExclude", agreement.BothExclude);
            writer.WriteNumber("percentAgreement", agreement.PercentAgreement);
            writer.WriteNumber("expectedAgreement", agreement.ExpectedAgreement);
            ShareCommand.Nullable(writer, "kappa", agreement.Kappa);
            ShareCommand.Nullable(writer, "standardError", agreement.StandardError);
            ShareCommand.Nullable(writer, "lower", agreement.Lower);
            ShareCommand.Nullable(writer, "upper", agreement.Upper);
            writer.WriteNumber("level", agreement.Level);
            writer.WriteString("standardErrorMethod", "Fleiss-Cohen-Everitt");
            ShareCommand.Nullable(writer, "nullStandardError", agreement.NullStandardError);
            ShareCommand.Nullable(writer, "z", agreement.Z);
            ShareCommand.Nullable(writer, "p", agreement.PValue);
            writer.WriteNumber("pabak", agreement.Pabak);
            writer.WriteNumber("prevalenceIndex", agreement.PrevalenceIndex);
            writer.WriteNumber("biasIndex", agreement.BiasIndex);
            writer.WriteString("band", agreement.BandLabel);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
