using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence share FILE --outcome X [--design X] [--direction improved] [--method wilson] [--level 0.95] [--json]</c>:
/// vote counting by direction of effect with a confidence interval and the sign test.</summary>
internal static class ShareCommand
{
    public static Command Create()
    {
        var file = EvidenceInput.FileArgument();
        var outcome = new Option<string>("--outcome") { Description = "The outcome domain (" + string.Join(", ", OutcomeDomain.Seeded.Select(d => d.Name)) + ", or one the review's Vocabulary sheet adds); \"all\" pools every outcome.", Required = true };
        var direction = new Option<string>("--direction") { Description = "The direction counted: improved, no difference, worsened or mixed.", DefaultValueFactory = _ => "improved" };
        var method = new Option<string>("--method") { Description = "The confidence interval: wilson, clopper-pearson or agresti-coull.", DefaultValueFactory = _ => "wilson" };
        var level = new Option<double>("--level") { Description = "The confidence level.", DefaultValueFactory = _ => 0.95 };
        var threshold = new Option<double>("--within-study-threshold") { Description = "The share of a study's findings that must agree to give it that direction.", DefaultValueFactory = _ => WithinStudyDirection.DefaultThreshold };
        var rank = new Option<bool>("--rank") { Description = "Also rank every outcome domain by the share (lower confidence limit first)." };
        var qualitative = new Option<bool>("--include-qualitative") { Description = "Count qualitative studies in the share and sign test (by default they are reported beside it: vote counting is for quantitative effect estimates)." };
        var json = new Option<bool>("--json") { Description = "Write the share as JSON." };
        var filters = new EvidenceFilterOptions();
        var command = new Command("share", "Vote counting by direction of effect: of the quantitative studies that reported a direction on an outcome, how many improved, with a confidence interval and the sign test.")
        {
            file, outcome, direction, method, level, threshold, rank, qualitative, json,
        };
        filters.AddTo(command);
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            bool ok = VocabularyOptions.TryParse(error, "--direction", parseResult.GetValue(direction), Vocabularies.Direction, out var counted);
            ok &= VocabularyOptions.TryParse(error, "--method", parseResult.GetValue(method), IntervalMethods.Vocabulary, out var interval);
            if (counted == Direction.NotReported)
            {
                error.WriteLine("--direction: studies that do not report a direction are outside the denominator; choose improved, no difference, worsened or mixed.");
                ok = false;
            }
            double confidence = parseResult.GetValue(level), agreement = parseResult.GetValue(threshold);
            if (!(confidence > 0 && confidence < 1))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--level must be between 0 and 1 (e.g. 0.95), not {confidence}."));
                ok = false;
            }
            if (!(agreement > 0.5 && agreement <= 1))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--within-study-threshold must be above 0.5 and at most 1, not {agreement}."));
                ok = false;
            }
            ok &= filters.Check(parseResult);
            if (!ok) return EvidenceCli.UsageError;

            bool asJson = parseResult.GetValue(json);
            var evidence = EvidenceInput.Load(parseResult, parseResult.GetValue(file)!, asJson, out int exitCode);
            if (evidence is null) return exitCode;
            // Terms the review's Vocabulary sheet adds are understood, so these are read against the loaded evidence.
            string outcomeText = parseResult.GetValue(outcome)!;
            OutcomeDomain? domain = null;
            ok = outcomeText.Trim().Equals("all", StringComparison.OrdinalIgnoreCase)
                || VocabularyOptions.TryParse(error, "--outcome", outcomeText, evidence.Vocabularies.OutcomeDomains, out domain);
            var filter = filters.Parse(parseResult, evidence.Vocabularies);
            if (!ok || filter is null) return EvidenceCli.UsageError;
            bool withQualitative = parseResult.GetValue(qualitative);
            var share = evidence.Share(outcome: domain, direction: counted, method: interval, level: confidence, filter: filter, withinStudyThreshold: agreement,
                includeQualitative: withQualitative);
            var ranking = parseResult.GetValue(rank)
                ? evidence.RankOutcomes(direction: counted, method: interval, level: confidence, filter: filter, withinStudyThreshold: agreement,
                    includeQualitative: withQualitative)
                : null;
            var output = parseResult.InvocationConfiguration.Output;
            if (asJson) output.WriteLine(ToJson(share, ranking));
            else Write(CliConsole.For(output), share, ranking);
            return EvidenceCli.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, Share share, ConsistencyRanking? ranking)
    {
        var c = CultureInfo.InvariantCulture;
        console.Write(new Markup($"[bold]{Markup.Escape(share.Description)}[/]{Environment.NewLine}"));
        string studies = ShareWording.Studies(share, share.Denominator);
        string headline = share.Interval is { } p
            ? string.Create(c, $"{share.Direction.Label()} in {share.Numerator} of {share.Denominator} {studies} that reported a direction: {p.Estimate:0.0%} ({share.Level:0.##%} CI {p.Lower:0.0%} to {p.Upper:0.0%}, {share.Method.Label()})")
            : $"No {ShareWording.Studies(share, 1)} reported a direction on this outcome.";
        console.Write(new Text(headline + Environment.NewLine));
        string beside = ShareWording.QualitativeBeside(share.Qualitative);
        var measured = string.Create(c, $"{share.Measured} {ShareWording.MeasuredStudies(share, share.Measured)} measured the outcome")
            + (share.NotReported > 0 ? string.Create(c, $"; {share.NotReported} of them did not report a direction") : "")
            + (beside.Length > 0 ? "; beside the share, not counted in it: " + beside[5..] + " (--include-qualitative counts them)" : "") + ".";
        console.Write(new Text(measured + Environment.NewLine));
        bool qualitative = share.Qualitative.Total > 0;
        var table = new FittedTable().AddColumn("Direction").AddColumn(char.ToUpperInvariant(studies[0]) + studies[1..], rightAligned: true);
        if (qualitative) table.AddColumn("Qualitative (not counted)", rightAligned: true);
        foreach (var direction in Enum.GetValues<Direction>())
        {
            string label = direction == Direction.NotReported ? "Not reported (outside the denominator)" : direction.Label();
            if (qualitative) table.AddRow(label, share.Counts[direction].ToString(c), share.Qualitative[direction].ToString(c));
            else table.AddRow(label, share.Counts[direction].ToString(c));
        }
        console.Write(table);
        console.Write(new Text(string.Create(c,
            $"Sign test (improved {share.Improved} vs worsened {share.Worsened}, exact, two-sided): {PValues.Statement(share.SignTestP)}{Environment.NewLine}" +
            $"One vote per study: several findings in the outcome give one direction if at least {share.WithinStudyThreshold:0.##%} agree, otherwise mixed.{Environment.NewLine}" +
            $"Vote counting shows in how many studies an effect went one way, not how large it was.{Environment.NewLine}")));
        if (ranking is null) return;
        var ranked = new FittedTable { Title = "Outcome domains by share " + share.Direction.Label().ToLowerInvariant() }
            .AddColumn("#", rightAligned: true).AddColumn("Outcome domain").AddColumn(share.Direction.Label() + " / reported a direction", rightAligned: true)
            .AddColumn("Share", rightAligned: true).AddColumn("CI", rightAligned: true);
        foreach (var entry in ranking.Entries)
        {
            ranked.AddRow(entry.Rank.ToString(c), Markup.Escape(entry.Label), string.Create(c, $"{entry.Share.Numerator}/{entry.Share.Denominator}"),
                string.Create(c, $"{entry.Share.Proportion:0.0%}"), string.Create(c, $"{entry.Share.Lower:0.0%} to {entry.Share.Upper:0.0%}"));
        }
        console.Write(ranked);
    }

    /// <summary>The share as indented camelCase JSON; proportion and limits are null when no study reported a direction.</summary>
    internal static string ToJson(Share share, ConsistencyRanking? ranking = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            Write(writer, share);
            if (ranking is not null)
            {
                writer.WriteStartArray("ranking");
                foreach (var entry in ranking.Entries)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("rank", entry.Rank);
                    writer.WriteString("outcome", entry.Label);
                    Write(writer, entry.Share);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, Share share)
    {
        writer.WriteString("description", share.Description);
        writer.WriteString("direction", share.Direction.Label());
        writer.WriteNumber("numerator", share.Numerator);
        writer.WriteNumber("denominator", share.Denominator);
        writer.WriteString("denominatorName", ShareWording.Denominator(share));
        writer.WriteNumber("measured", share.Measured);
        writer.WriteBoolean("includesQualitative", share.IncludesQualitative);
        Nullable(writer, "proportion", share.Proportion);
        Nullable(writer, "lower", share.Lower);
        Nullable(writer, "upper", share.Upper);
        writer.WriteString("method", share.Method.Label());
        writer.WriteNumber("level", share.Level);
        MapCommand.Directions(writer, share.Counts);
        writer.WriteStartObject("qualitativeNotCounted");
        MapCommand.Directions(writer, share.Qualitative);
        writer.WriteEndObject();
        writer.WriteNumber("signTestP", share.SignTestP);
        writer.WriteNumber("withinStudyThreshold", share.WithinStudyThreshold);
    }

    /// <summary>Writes a number, or null when there is none.</summary>
    internal static void Nullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }
}
