namespace Evidence.Analytics.Excel.IO;

/// <summary>Estimates how many lines a wrapped cell takes, so that its row can be given the height it needs: neither
/// Excel nor LibreOffice fits the height of a row with an explicit height, a merged cell, or (LibreOffice, on most
/// rows) a row of a file it did not lay out itself, so wrapped text would otherwise overlap the next row or be cut.</summary>
/// <remarks>Widths are in Excel's column-width unit, the width of a digit of the workbook's font. Character widths
/// below are relative to a digit and hold for both Calibri and DejaVu Sans (LibreOffice's stand-in where Calibri and
/// Carlito are missing), which differ in size but hardly in proportion; they lean wide, so that a row is rather a
/// line too tall than a line too short.</remarks>
internal static class TextFit
{
    /// <summary>The height in points of one line of the workbook's 11-pt text, as Excel's default row.</summary>
    public const double LineHeight = 15;

    /// <summary>The width of a cell's padding, in digits.</summary>
    private const double Padding = 0.6;

    /// <summary>The lines a text takes in a cell of the given width, broken at spaces (and at line breaks), a word
    /// wider than the cell broken where it reaches the edge.</summary>
    public static int Lines(string text, double width, bool bold)
    {
        double capacity = Math.Max(1, width - Padding);
        double scale = bold ? 1.1 : 1.0;
        // Most cells fit on one line whatever their letters: skip the measuring.
        if (text.Length * 1.6 * scale <= capacity && !text.Contains('\n')) return 1;

        // Words are measured in one pass over the text, in place: data sheets measure a cell or more in every row.
        var ascii = AsciiWidths;
        int lines = 1;
        double line = 0, word = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : '\n';
            if (c != ' ' && c != '\n')
            {
                word += c < ascii.Length ? ascii[c] : Width(c);
                continue;
            }
            double w = word * scale;
            word = 0;
            double space = line > 0 ? 0.5 * scale : 0;
            if (line + space + w <= capacity)
            {
                line += space + w;
            }
            else
            {
                if (line > 0) lines++;
                // A word wider than the cell fills whole lines and leaves the rest on the next.
                while (w > capacity)
                {
                    lines++;
                    w -= capacity;
                }
                line = w;
            }
            if (c == '\n' && i < text.Length)
            {
                lines++;
                line = 0;
            }
        }
        return lines;
    }

    /// <summary>The widths of the ASCII characters, looked up rather than worked out: data sheets measure millions.</summary>
    private static readonly double[] AsciiWidths = [.. Enumerable.Range(0, 128).Select(c => Width((char)c))];

    private static double Width(char c) => c switch
    {
        ' ' or 'i' or 'l' or 'j' or 'I' or '!' or '|' or '\'' or '.' or ',' or ':' or ';' => 0.5,
        'f' or 't' or 'r' or '(' or ')' or '-' or '/' or '[' or ']' => 0.65,
        's' or 'c' or 'z' or 'J' => 0.85,
        'w' => 1.3,
        'm' or 'M' or 'W' or '%' or '@' or '—' => 1.55,
        >= 'A' and <= 'Z' => 1.1,
        _ => 0.98,
    };
}
