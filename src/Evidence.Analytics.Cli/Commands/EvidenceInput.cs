using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Evidence.Analytics.Cli;

/// <summary>Shared input handling for every command that reads an evidence workbook: the FILE argument, the import
/// (with a progress display for large files on a terminal), the problem listing and the exit codes.</summary>
/// <remarks>Use <see cref="Load"/> in a command's action: it returns the evidence base, or null with the exit code to
/// return (1 when the workbook has problems, 2 when it cannot be read), having already listed every problem.</remarks>
internal static class EvidenceInput
{
    private const long ProgressThresholdBytes = 2 * 1024 * 1024;

    /// <summary>The FILE argument: a workbook, a CSV folder or one CSV file of such a folder.</summary>
    public static Argument<string> FileArgument() => new("file")
    {
        Description = "The evidence workbook to read: an .xlsx or .xls file, a folder of CSV files (studies.csv, interventions.csv, findings.csv, …), one CSV file of such a folder, or an EPPI-Reviewer JSON export (.json).",
    };

    /// <summary>Imports a workbook, listing problems on the error writer; returns the evidence base or null.</summary>
    /// <param name="parseResult">The parsed command line (for its writers).</param>
    /// <param name="path">The FILE argument.</param>
    /// <param name="quiet">True in machine-readable modes (--json): no progress display, warnings not printed.</param>
    /// <param name="exitCode">When null is returned, the exit code to return.</param>
    /// <param name="json">True for --json: when the workbook has errors or cannot be read, the output also gets
    /// <c>evidence validate --json</c>'s object, so a program reading the output always gets JSON.</param>
    /// <param name="eppiMapping">For an EPPI-Reviewer JSON file, the mapping file of its codes, or null.</param>
    public static EvidenceBase? Load(ParseResult parseResult, string path, bool quiet, out int exitCode, bool json = false, string? eppiMapping = null) =>
        LoadValid(parseResult, path, quiet, out exitCode, json, eppiMapping)?.Evidence;

    /// <summary>As <see cref="Load"/>, but returns the whole import result (with its row counts) when it is valid.</summary>
    public static ImportResult? LoadValid(ParseResult parseResult, string path, bool quiet, out int exitCode, bool json = false, string? eppiMapping = null)
    {
        var result = Read(parseResult, path, quiet, eppiMapping);
        var error = parseResult.InvocationConfiguration.Error;
        exitCode = ExitCode(result);
        if (result.IsValid)
        {
            if (!quiet)
            {
                foreach (var warning in result.Warnings) error.WriteLine(warning);
            }
            return result;
        }
        WriteProblems(error, result);
        if (json) parseResult.InvocationConfiguration.Output.WriteLine(ValidateCommand.ToJson(result));
        return null;
    }

    /// <summary>Every problem, one a line, then the tally; a file that cannot be read at all gets its one sentence only
    /// (a tally of "0 of 0 rows imported" would say nothing more).</summary>
    public static void WriteProblems(TextWriter writer, ImportResult result)
    {
        foreach (var problem in result.Problems) writer.WriteLine(problem);
        if (!IsRefused(result.Errors)) writer.WriteLine(Tally(result));
    }

    /// <summary>Whether problems include a file that cannot be read at all (missing, damaged, not a workbook, refused as too large).</summary>
    public static bool IsRefused(IEnumerable<ImportProblem> problems) =>
        problems.Any(p => p.IsError && p.Kind is ProblemKind.UnreadableFile or ProblemKind.TooLarge);

    /// <summary>Imports a workbook, with a progress display when the output is an interactive terminal and the file is large.</summary>
    /// <remarks>An EPPI-Reviewer JSON export (a .json file) is read as the review it codes.</remarks>
    public static ImportResult Read(ParseResult parseResult, string path, bool quiet, string? eppiMapping = null)
    {
        if (string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
            return EppiReviewerJson.Read(path, eppiMapping);
        bool shown = CliProgress.IsShown(parseResult, quiet) && SizeOf(path) > ProgressThresholdBytes;
        if (!shown) return EvidenceWorkbook.Read(path);
        return CliProgress.Run(shown, $"Reading {path}", step =>
            EvidenceWorkbook.Read(path, new ImportOptions { Progress = new StepProgress(step) }));
    }

    /// <summary>0 when valid; 2 when the file cannot be read at all (missing, damaged, refused as too large); 1 otherwise.</summary>
    public static int ExitCode(ImportResult result) =>
        result.IsValid ? EvidenceCli.Success
        : IsRefused(result.Errors) ? EvidenceCli.UsageError
        : EvidenceCli.InputProblems;

    /// <summary>"0 errors and 1 warning in sample.xlsx; 120 of 120 rows imported." With errors nothing is imported, so the
    /// rows are those without an error of their own: "3 errors and 1 warning in sample.xlsx, so nothing is imported;
    /// 117 of 120 rows have no error of their own."</summary>
    public static string Tally(ImportResult result)
    {
        int errors = result.Errors.Count(), warnings = result.Warnings.Count();
        string problems = string.Create(CultureInfo.InvariantCulture,
            $"{errors:N0} error{(errors == 1 ? "" : "s")} and {warnings:N0} warning{(warnings == 1 ? "" : "s")} in {result.File}");
        return errors == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{problems}; {result.RowsImported:N0} of {result.RowsRead:N0} rows imported.")
            : string.Create(CultureInfo.InvariantCulture,
                $"{problems}, so nothing is imported; {result.RowsImported:N0} of {result.RowsRead:N0} rows have no error of their own.");
    }

    private static long SizeOf(string path)
    {
        try
        {
            if (File.Exists(path)) return new FileInfo(path).Length;
            if (Directory.Exists(path)) return new DirectoryInfo(path).EnumerateFiles("*.csv").Sum(f => f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return 0;
    }

    private sealed class StepProgress(Action<string> step) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            step(string.Create(CultureInfo.InvariantCulture, $"Reading {value.Sheet}: {value.RowsRead:N0} rows"));
    }
}
