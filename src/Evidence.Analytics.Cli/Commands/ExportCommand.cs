using System.CommandLine;
using System.Text;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence export FILE [--eppi-json OUT.json] [--prisma2020-csv OUT.csv] [--ris OUT.ris]</c>: writes a
/// review in the formats other tools read, several at once.</summary>
internal static class ExportCommand
{
    public static Command Create(TimeProvider? clock = null)
    {
        var file = EvidenceInput.FileArgument();
        var eppi = new Option<FileInfo>("--eppi-json")
        {
            Description = "Write the review as EPPI-Reviewer JSON (code sets and coded references), which EPPI-Reviewer imports and EPPI-Mapper draws maps from.",
        };
        var prisma = new Option<FileInfo>("--prisma2020-csv")
        {
            Description = "Write the Flow sheet as the PRISMA2020 R package's CSV template, one row per count, which its PRISMA_data() reads.",
        };
        var ris = new Option<FileInfo>("--ris")
        {
            Description = "Write the included studies as RIS records (ID, authors, year, title, DOI) for a reference manager.",
        };
        var command = new Command("export", "Write a review in the formats other tools read: EPPI-Reviewer JSON, the PRISMA2020 package's CSV template, RIS. Give one or more.")
        {
            file,
            eppi,
            prisma,
            ris,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(eppi) is null && result.GetResult(prisma) is null && result.GetResult(ris) is null)
                result.AddError("Give at least one of --eppi-json, --prisma2020-csv and --ris: the formats to write.");
        });
        command.SetAction(parseResult =>
        {
            var evidence = EvidenceInput.Load(parseResult, parseResult.GetValue(file)!, quiet: false, out int exitCode);
            if (evidence is null) return exitCode;
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var prismaTarget = parseResult.GetValue(prisma);
            if (prismaTarget is not null && evidence.Flow is null)
            {
                error.WriteLine($"{parseResult.GetValue(file)} has no Flow sheet (PRISMA counts), so there is no PRISMA2020 CSV to write; nothing was written.");
                return EvidenceCli.InputProblems;
            }
            var writes = new List<(FileInfo Target, string What, Action<Stream> Write)>();
            if (parseResult.GetValue(eppi) is { } eppiTarget)
            {
                var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
                writes.Add((eppiTarget, $"EPPI-Reviewer JSON of {evidence.Studies.Length} studies", stream => EppiReviewerJson.Write(evidence, stream, today)));
            }
            if (prismaTarget is not null)
                writes.Add((prismaTarget, "the PRISMA2020 CSV template", stream => WriteText(stream, Prisma2020Csv.ToCsv(evidence.Flow!))));
            if (parseResult.GetValue(ris) is { } risTarget)
                writes.Add((risTarget, $"RIS records of {evidence.Studies.Length} included studies", stream => WriteText(stream, StudiesRis.ToRis(evidence))));
            foreach (var (target, what, write) in writes)
            {
                try
                {
                    using var stream = File.Create(target.FullName);
                    write(stream);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"Cannot write {target.FullName}: {e.Message}");
                    return EvidenceCli.UsageError;
                }
                output.WriteLine($"Wrote {what} to {target.FullName}.");
            }
            return EvidenceCli.Success;
        });
        return command;
    }

    private static void WriteText(Stream stream, string text)
    {
        byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        stream.Write(bytes);
    }
}
