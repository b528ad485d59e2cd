using System.Collections.Immutable;

namespace Evidence.Analytics.Asreview;

/// <summary>What was read from an ASReview project: its records, its screening decisions in order, and every problem found.</summary>
/// <remarks>Nothing is dropped silently: a record or decision that cannot be read is an error in <see cref="Problems"/>.</remarks>
public sealed class ProjectImport
{
    internal ProjectImport(string file, string? name, ImmutableArray<Record> records, ImmutableArray<ProjectDecision> decisions, ImmutableArray<ImportProblem> problems)
    {
        File = file;
        Name = name;
        Records = records;
        Decisions = decisions;
        Problems = problems;
    }

    /// <summary>The project file read (its name).</summary>
    public string File { get; }

    /// <summary>The project's name as ASReview shows it, or null.</summary>
    public string? Name { get; }

    /// <summary>The records of the project's dataset, by record id; <see cref="Record.Included"/> is the dataset's own label
    /// (the one a simulation replays), not a reviewer's decision.</summary>
    public ImmutableArray<Record> Records { get; }

    /// <summary>The screening decisions in the order they were made, priors first.</summary>
    public ImmutableArray<ProjectDecision> Decisions { get; }

    /// <summary>The problems found.</summary>
    public ImmutableArray<ImportProblem> Problems { get; }

    /// <summary>Whether no problem is an error.</summary>
    public bool IsValid => !Problems.Any(p => p.IsError);
}

/// <summary>One decision of an ASReview project: a record shown to the reviewer and the label given, in screening order.</summary>
public sealed record ProjectDecision
{
    /// <summary>The 1-based position in screening order.</summary>
    public required int Position { get; init; }

    /// <summary>The record's id (<see cref="Record.Id"/>).</summary>
    public required string RecordId { get; init; }

    /// <summary>True relevant, false irrelevant, null shown but not yet labelled.</summary>
    public bool? Relevant { get; init; }

    /// <summary>Whether the record is prior knowledge, labelled before the model ranked anything.</summary>
    public bool IsPrior { get; init; }

    /// <summary>The model that proposed the record ("svm", "nb"), or null for a prior.</summary>
    public string? Classifier { get; init; }

    /// <summary>How the record was chosen ("max", "random"), or null.</summary>
    public string? Query { get; init; }

    /// <summary>When the label was given, or null.</summary>
    public DateTimeOffset? LabelledAt { get; init; }

    /// <summary>The reviewer's note, or null.</summary>
    public string? Note { get; init; }
}
