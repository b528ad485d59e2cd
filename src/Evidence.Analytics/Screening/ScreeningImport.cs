using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>The decisions read from a screening file, the problems found, and the two screeners' agreement when the file is sound.</summary>
/// <remarks>Nothing is dropped silently: every unreadable row, unknown decision, duplicate, third screener and record
/// screened by only one screener is an <see cref="ImportProblem"/>, and agreement is only computed when there are none.</remarks>
public sealed class ScreeningImport
{
    internal ScreeningImport(ImmutableArray<ScreeningRecord> decisions, ImmutableArray<ImportProblem> problems, ScreeningAgreement? agreement)
    {
        Decisions = decisions;
        Problems = problems;
        Agreement = agreement;
    }

    /// <summary>The decisions that could be read, in file order.</summary>
    public ImmutableArray<ScreeningRecord> Decisions { get; }

    /// <summary>The problems found, in file order.</summary>
    public ImmutableArray<ImportProblem> Problems { get; }

    /// <summary>Whether the file has no problems.</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary>The agreement between the two screeners, or null when the file has problems.</summary>
    public ScreeningAgreement? Agreement { get; }

    /// <summary>The agreement, or an exception listing every problem.</summary>
    /// <exception cref="FormatException">The file has problems.</exception>
    public ScreeningAgreement GetAgreementOrThrow() =>
        Agreement ?? throw new FormatException($"The screening file has {Problems.Length} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, Problems)}");
}
