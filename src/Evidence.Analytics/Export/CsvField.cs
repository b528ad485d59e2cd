namespace Evidence.Analytics;

/// <summary>Text made safe for a CSV file that people will open in a spreadsheet: quoted where CSV needs it, and kept
/// from running as a formula (OWASP, "CSV Injection").</summary>
/// <remarks>A cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is taken by Excel,
/// LibreOffice and Google Sheets as a formula or command, so text from a review (an author, a title, a coded term) could
/// run when the file is opened. Such text is prefixed with an apostrophe, which the spreadsheet shows as plain text,
/// and then quoted. The apostrophe is visible to programs that read the CSV as data; that is the price OWASP accepts.</remarks>
public static class CsvField
{
    /// <summary>Whether text starts like a formula or command: with =, +, -, @, a tab or a carriage return.</summary>
    public static bool StartsLikeFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    /// <summary>The text as one CSV field: an apostrophe before formula-like text, and quotes (with inner quotes doubled)
    /// when the field holds a comma, a quote, a line break or that apostrophe.</summary>
    /// <param name="text">The cell's text; null is an empty field.</param>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        bool formula = StartsLikeFormula(text);
        if (formula) text = "'" + text;
        return formula || text.AsSpan().IndexOfAny(",\"\n\r") >= 0
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }
}
