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
            Description = "The screening decisions: a .csv, .tsv, .xlsx or .xls file with one row per decision and the columns record id, screener and decision (include or exclude).",
        };
        var level = new Option<double>("--level") { Description = "The confidence level for kappa's interval.", DefaultValueFactory = _ => 0.95 };
        var json = new Option<bool>("--json") { Description = "Write the statistics as JSON." };
        var command = new Command("agreement", "Two screeners' agreement on include/exclude decisions: percent agreement, Cohen's kappa with its standard error and confidence interval, PABAK, and the prevalence and bias indices.")
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
            bool asJson = parseResult.GetValue(json);
            var import = ScreeningFile.Read(path, confidence);
            if (!import.IsValid)
            {
                foreach (var problem in import.Problems) error.WriteLine(problem);
                // A file that cannot be read at all is a usage error, like an unreadable evidence workbook: its one sentence says it all.
                bool refused = EvidenceInput.IsRefused(import.Problems);
                if (!refused)
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{import.Problems.Length} problem(s) in {Path.GetFileName(path)}; agreement not computed."));
                if (asJson) output.WriteLine(ProblemsJson(Path.GetFileName(path), import));
                return refused ? EvidenceCli.UsageError : EvidenceCli.InputProblems;
            }
            var agreement = import.Agreement!;
            output.WriteLine(asJson ? ToJson(agreement) : agreement.ToString());
            return EvidenceCli.Success;
        });
        return command;
    }

    /// <summary>A screening file's problems as JSON, in the shape of <c>evidence validate --json</c>: file, valid, errors, problems.</summary>
    internal static string ProblemsJson(string file, ScreeningImport import)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteBoolean("valid", import.IsValid);
            writer.WriteNumber("errors", import.Problems.Count(p => p.IsError));
            ValidateCommand.WriteProblems(writer, import.Problems);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The statistics as indented camelCase JSON; kappa's statistics are null when kappa is undefined.</summary>
    internal static string ToJson(ScreeningAgreement agreement) => CliJson.Object(writer => WriteMembers(writer, agreement));

    /// <summary>The statistics' members, written into an object already open (also <c>evidence screen status --json</c>'s agreement).</summary>
    internal static void WriteMembers(Utf8JsonWriter writer, ScreeningAgreement agreement)
    {
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
    }
}
