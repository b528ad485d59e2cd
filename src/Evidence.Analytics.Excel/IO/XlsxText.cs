using System.Globalization;
using System.Text;

namespace Evidence.Analytics.Excel.IO;

/// <summary>Text as SpreadsheetML stores it: characters XML cannot hold escaped as <c>_xHHHH_</c> (ECMA-376 Part 1,
/// 22.9.2.19 ST_Xstring), and the limits Excel enforces.</summary>
internal static class XlsxText
{
    /// <summary>The most characters Excel holds in one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>The most rows a worksheet holds.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>The text with characters XML cannot carry escaped, and literal <c>_xHHHH_</c> sequences protected so that
    /// a reader does not decode them.</summary>
    public static string Escape(string text)
    {
        int i = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '_' || NeedsEscape(c)) break;
        }
        if (i == text.Length) return text;

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '_' && IsEscapeSequenceAt(text, i))
                builder.Append("_x005F_");
            else if (NeedsEscape(c) && !IsValidSurrogatePair(text, i))
                builder.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            else if (char.IsHighSurrogate(c) && IsValidSurrogatePair(text, i))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < 0x20 ? c is not ('\t' or '\n' or '\r') : c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    private static bool IsValidSurrogatePair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    private static bool IsEscapeSequenceAt(string text, int i) =>
        i + 6 < text.Length && text[i + 1] == 'x' && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3])
        && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]) && text[i + 6] == '_';

    /// <summary>The column letters of a zero-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> letters = stackalloc char[MaxColumnLetters];
        return new string(letters[..WriteColumnName(index, letters)]);
    }

    /// <summary>The most letters a column name can have (any int index; Excel's last column, XFD, has 3).</summary>
    public const int MaxColumnLetters = 7;

    /// <summary>Writes a column's letters (<see cref="ColumnName"/>) into <paramref name="letters"/> and returns how many.</summary>
    public static int WriteColumnName(int index, Span<char> letters)
    {
        int count = 0;
        for (int n = index + 1; n > 0; n = (n - 1) / 26) count++;
        int written = count;
        for (int n = index + 1; n > 0; n = (n - 1) / 26) letters[--count] = (char)('A' + (n - 1) % 26);
        return written;
    }

    /// <summary>An A1 reference from zero-based column and one-based row ("B7").</summary>
    public static string Cell(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>An absolute range reference ("$A$2:$A$11").</summary>
    public static string AbsoluteRange(int firstColumn, int firstRow, int lastColumn, int lastRow) =>
        string.Create(CultureInfo.InvariantCulture, $"${ColumnName(firstColumn)}${firstRow}:${ColumnName(lastColumn)}${lastRow}");

    /// <summary>A sheet name quoted for a formula ('Evidence map'!).</summary>
    public static string SheetReference(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
}
