using System.Globalization;

namespace Evidence.Analytics;

/// <summary>Something wrong with a screening-decisions file, located to the cell.</summary>
/// <param name="File">The file name.</param>
/// <param name="Sheet">The worksheet, or null for a CSV file.</param>
/// <param name="Row">The 1-based row as a spreadsheet shows it (the header is row 1), or null for the whole file.</param>
/// <param name="Column">The column heading, or null.</param>
/// <param name="Value">The offending value as typed, or null.</param>
/// <param name="Message">What is wrong and what would be accepted.</param>
public sealed record ScreeningProblem(string File, string? Sheet, int? Row, string? Column, string? Value, string Message)
{
    /// <summary>"decisions.csv, row 7, column 'decision', value 'maybe': 'maybe' is not a known screening decision; …".</summary>
    public override string ToString()
    {
        var where = new List<string> { Sheet is null ? File : $"{File}, sheet '{Sheet}'" };
        if (Row is { } row) where.Add("row " + row.ToString(CultureInfo.InvariantCulture));
        if (Column is not null) where.Add($"column '{Column}'");
        if (Value is not null) where.Add($"value '{Value}'");
        return $"{string.Join(", ", where)}: {Message}";
    }
}
