namespace Evidence.Analytics;

/// <summary>A screener's decision on a record at title-and-abstract (or full-text) screening.</summary>
public enum ScreeningDecision
{
    /// <summary>The record goes forward (include, or "maybe" resolved as include).</summary>
    Include,
    /// <summary>The record is excluded.</summary>
    Exclude,
}

/// <summary>Labels and spellings of <see cref="ScreeningDecision"/> values.</summary>
public static class ScreeningDecisions
{
    /// <summary>The accepted spellings: "include", "included", "yes", "y", "1", "relevant"; "exclude", "excluded", "no", "n", "0", "irrelevant".</summary>
    /// <remarks>"Maybe" or "unsure" are deliberately not accepted: agreement statistics need a decision, so resolve them first.</remarks>
    public static Vocabulary<ScreeningDecision> Vocabulary { get; } = new("screening decision",
    [
        (ScreeningDecision.Include, "Include", ["included", "incl", "inc", "yes", "y", "1", "true", "relevant", "in", "accept", "accepted", "i"]),
        (ScreeningDecision.Exclude, "Exclude", ["excluded", "excl", "exc", "no", "n", "0", "false", "irrelevant", "out", "reject", "rejected", "e", "x"]),
    ]);

    /// <summary>The decision's label ("Include", "Exclude").</summary>
    public static string Label(this ScreeningDecision decision) => Vocabulary.Label(decision);
}
