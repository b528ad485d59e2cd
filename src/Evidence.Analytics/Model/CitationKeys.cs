using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>The keys two references of one study are matched by, wherever the library matches them: duplicate records
/// at screening, and a study in two versions of a review.</summary>
internal static class CitationKeys
{
    /// <summary>A DOI in lower case without its resolver or <c>doi:</c> prefix ("10.1000/xyz"), or null when the value is
    /// blank or does not start with "10.".</summary>
    public static string? Doi(string? doi)
    {
        if (string.IsNullOrWhiteSpace(doi)) return null;
        string text = doi.Trim().ToLowerInvariant();
        foreach (string prefix in (string[])["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:", "doi "])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal)) text = text[prefix.Length..].Trim();
        }
        text = text.TrimEnd('.', ',', ';');
        return text.StartsWith("10.", StringComparison.Ordinal) && text.Length > 3 ? text : null;
    }

    /// <summary>A title (or any text) for comparison: lower case, accents removed, every run of characters other than
    /// letters and digits a single space, trimmed.</summary>
    public static string Title(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else space = true;
        }
        return builder.ToString();
    }
}
