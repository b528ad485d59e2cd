namespace Evidence.Analytics;

/// <summary>Measures and wraps text for chart layout from a fixed table of character widths, so layout never depends
/// on the fonts of the machine that writes the chart.</summary>
/// <remarks>The widths are Helvetica's (Adobe core-font AFM files, in thousandths of an em); Arial and Liberation Sans
/// share them, so the font stack <see cref="FontFamily"/> renders at the measured widths. Characters outside the table
/// (symbols, non-Latin scripts) are measured wide, so layout errs towards more room rather than overlap.</remarks>
internal static class TextMetrics
{
    /// <summary>The font stack every chart uses.</summary>
    public const string FontFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif";

    /// <summary>Line height as a multiple of the font size.</summary>
    public const double LineHeight = 1.25;

    // Helvetica widths for U+0020..U+007E (regular and bold), from the Adobe core-font AFM metrics.
    private static readonly short[] Regular =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p-z { | } ~
    ];

    private static readonly short[] Bold =
    [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ];

    /// <summary>The advance width of one character, in em (thousandths divided by 1000).</summary>
    public static double CharWidth(char c, bool bold = false)
    {
        if (c is >= ' ' and <= '~') return (bold ? Bold : Regular)[c - ' '] / 1000.0;
        return c switch
        {
            '\u2013' => 0.556,                           // en dash
            '\u2014' => 1.0,                             // em dash
            '\u2018' or '\u2019' => 0.222,               // curly single quotes
            '\u201C' or '\u201D' => 0.333,               // curly double quotes
            '\u2026' => 1.0,                             // ellipsis
            '\u00D7' => 0.584,                           // multiplication sign
            '\u2212' => 0.584,                           // minus sign
            '\u00A0' => 0.278,                           // no-break space
            _ when char.IsLetter(c) && c < '\u0250' => 0.722, // accented Latin: as wide as the widest plain capitals
            _ => 1.0,                                    // symbols and other scripts: an em, to err on the roomy side
        };
    }

    /// <summary>The width of a single line of text in pixels.</summary>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        double em = 0;
        foreach (char c in text) em += CharWidth(c, bold);
        return em * fontSize;
    }

    /// <summary>Wraps text into lines no wider than <paramref name="maxWidth"/>, breaking at spaces, then after
    /// hyphens and slashes, and only as a last resort inside a word.</summary>
    /// <param name="text">The text; runs of white space count as one space.</param>
    /// <param name="maxWidth">The widest a line may be, in pixels.</param>
    /// <param name="fontSize">The font size in pixels.</param>
    /// <param name="bold">Whether the text is bold.</param>
    /// <param name="maxLines">The most lines to return; the last shown line ends with an ellipsis when text is cut.</param>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, double fontSize, bool bold = false, int maxLines = int.MaxValue)
    {
        var lines = new List<string>();
        string current = "";
        foreach (string piece in Pieces(text))
        {
            string joined = current.Length == 0 ? piece.TrimStart() : current + piece;
            if (Width(joined.TrimEnd(), fontSize, bold) <= maxWidth)
            {
                current = joined;
                continue;
            }
            if (current.Trim().Length > 0) lines.Add(current.TrimEnd());
            current = piece.TrimStart();
            while (Width(current, fontSize, bold) > maxWidth && current.Length > 1)
            {
                int fit = 1;
                while (fit < current.Length && Width(current[..(fit + 1)], fontSize, bold) <= maxWidth) fit++;
                lines.Add(current[..fit]);
                current = current[fit..];
            }
        }
        if (current.Trim().Length > 0) lines.Add(current.TrimEnd());
        if (lines.Count == 0) lines.Add("");
        if (lines.Count <= maxLines) return lines;

        var kept = lines.Take(maxLines).ToList();
        string last = kept[^1];
        while (last.Length > 0 && Width(last + "\u2026", fontSize, bold) > maxWidth) last = last[..^1];
        kept[^1] = last.TrimEnd() + "\u2026";
        return kept;
    }

    // White space a line may break at; a no-break space (U+00A0) keeps "n = 33" together.
    private static readonly char[] BreakingSpaces = [' ', '\t', '\n', '\r'];

    /// <summary>Splits text into pieces that may end a line: words with their leading space, and word parts ending in '-' or '/'.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        string normal = string.Join(' ', text.Split(BreakingSpaces, StringSplitOptions.RemoveEmptyEntries));
        int start = 0;
        for (int i = 0; i < normal.Length; i++)
        {
            if (normal[i] == ' ' && i > start)
            {
                yield return normal[start..i];
                start = i;
            }
            else if (normal[i] is '-' or '/' && i + 1 < normal.Length && normal[i + 1] != ' ')
            {
                yield return normal[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < normal.Length) yield return normal[start..];
    }
}
