namespace Evidence.Analytics;

/// <summary>What a review is: its title and any notes a reader must see (for example that sample rows are illustrative).</summary>
/// <param name="Title">The review's title.</param>
/// <param name="Notes">Notes shown with every output, or null.</param>
public sealed partial record ReviewInfo(string Title, string? Notes = null)
{
    /// <summary>The review title used when a workbook names none.</summary>
    public static ReviewInfo Untitled { get; } = new("Untitled review");

    /// <summary>The title, and the notes on the lines below it.</summary>
    public override string ToString() => Notes is null ? Title : Title + "\n" + Notes;
}
