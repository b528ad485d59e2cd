using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>The records read from a reference file (RIS, PubMed/MEDLINE, CSV/TSV, workbook) and every problem found.</summary>
/// <remarks>Nothing is dropped silently: a record that cannot be read is an error in <see cref="Problems"/>, and a line or
/// value that is not imported is at least a warning.</remarks>
public sealed partial class RecordImport
{
    internal RecordImport(string file, ImmutableArray<Record> records, ImmutableArray<ImportProblem> problems)
    {
        File = file;
        Records = records;
        Problems = problems;
    }

    /// <summary>The file read (its name).</summary>
    public string File { get; }

    /// <summary>The records read, in file order.</summary>
    public ImmutableArray<Record> Records { get; }

    /// <summary>The problems found, in file order.</summary>
    public ImmutableArray<ImportProblem> Problems { get; }

    /// <summary>Whether no problem is an error (warnings may remain).</summary>
    public bool IsValid => !Problems.Any(p => p.IsError);

    /// <summary>The records, or an exception listing every error.</summary>
    /// <exception cref="FormatException">The file has errors.</exception>
    public ImmutableArray<Record> GetRecordsOrThrow() => IsValid ? Records
        : throw new FormatException($"{File} has {Problems.Count(p => p.IsError)} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, Problems.Where(p => p.IsError))}");
}
