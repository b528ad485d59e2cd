using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The bibliographic reference of a study.</summary>
public sealed partial class Citation
{
    /// <summary>Creates a citation.</summary>
    /// <param name="authors">The authors as cited ("Dennis CL, Hodnett E, Kenton L").</param>
    /// <param name="year">The year of publication.</param>
    /// <param name="title">The title.</param>
    /// <param name="doi">The DOI without a resolver prefix ("10.1136/bmj.b3064"), if any.</param>
    /// <exception cref="ArgumentException">Authors or title are blank, or the year is outside 1900–2100.</exception>
    public Citation(string authors, int year, string title, string? doi = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authors);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        Authors = authors.Trim();
        Year = year;
        Title = title.Trim();
        Doi = string.IsNullOrWhiteSpace(doi) ? null : NormaliseDoi(doi);
    }

    /// <summary>The earliest accepted year of publication.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest accepted year of publication.</summary>
    public const int MaxYear = 2100;

    /// <summary>The authors as cited.</summary>
    public string Authors { get; }

    /// <summary>The year of publication.</summary>
    public int Year { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The DOI without a resolver prefix, or null.</summary>
    public string? Doi { get; }

    /// <summary>The DOI as a link (https://doi.org/…), or null.</summary>
    public Uri? DoiUrl => Doi is null ? null : new Uri("https://doi.org/" + Doi);

    /// <summary>A short in-text label: "Dennis et al. 2009", "Smith &amp; Jones 2020" or "Smith 2020".</summary>
    /// <remarks>Authors are separated by commas or semicolons; each author's surname is the first word of their name.
    /// Worked out once per citation (a report labels each study on several sheets and charts).</remarks>
    public string ShortLabel => _shortLabel ??= LabelOf(Authors, Year);

    private string? _shortLabel;

    private static string LabelOf(string authors, int year)
    {
        // The first two authors' surnames and whether there are more, scanning the names without splitting them all.
        ReadOnlySpan<char> first = default, second = default;
        int count = 0;
        var rest = authors.AsSpan();
        while (count < 3 && !rest.IsEmpty)
        {
            int end = rest.IndexOfAny(';', ',');
            var name = (end < 0 ? rest : rest[..end]).Trim();
            rest = end < 0 ? default : rest[(end + 1)..];
            if (name.IsEmpty) continue;
            int space = name.IndexOf(' ');
            var surname = space < 0 ? name : name[..space];
            if (count == 0) first = surname;
            else if (count == 1) second = surname;
            count++;
        }
        return count switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{authors} {year}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{first} {year}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{first} & {second} {year}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{first} et al. {year}"),
        };
    }

    /// <summary>The citation as "Authors (Year). Title. doi:…".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Authors} ({Year}). {Title}.{(Doi is null ? "" : " doi:" + Doi)}");

    private static string NormaliseDoi(string doi)
    {
        string trimmed = doi.Trim();
        foreach (string prefix in (string[])["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"])
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return trimmed[prefix.Length..].Trim();
        }
        return trimmed;
    }
}
