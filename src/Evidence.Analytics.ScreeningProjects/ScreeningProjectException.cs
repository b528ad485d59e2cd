namespace Evidence.Analytics.ScreeningProjects;

/// <summary>Why a screening project refused a request.</summary>
public enum ProjectProblem
{
    /// <summary>The file is not a screening project, is damaged, or was written by a newer version.</summary>
    NotAProject,
    /// <summary>No record has that id.</summary>
    UnknownRecord,
    /// <summary>The screener's sequence number is not the next one: a replayed or out-of-order request.</summary>
    OutOfSequence,
    /// <summary>The screener has no decision left to undo.</summary>
    NothingToUndo,
    /// <summary>A name, note or reason is blank, too long or otherwise not acceptable.</summary>
    InvalidValue,
}

/// <summary>A screening project refused a request or could not be opened; <see cref="Exception.Message"/> says why in words
/// to show the user.</summary>
public sealed class ScreeningProjectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScreeningProjectException(ProjectProblem problem, string message) : base(message) => Problem = problem;

    /// <summary>Creates the exception with its cause.</summary>
    public ScreeningProjectException(ProjectProblem problem, string message, Exception inner) : base(message, inner) => Problem = problem;

    /// <summary>What kind of refusal it is.</summary>
    public ProjectProblem Problem { get; }
}
