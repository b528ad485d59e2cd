using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>One bibliographic record to screen, as a reference manager or database exports it: title, abstract,
/// authors, year, journal, DOI, keywords, URL, the database it came from, and any screening label the file carries.</summary>
/// <remarks>Records are read by <see cref="RecordFile"/> from RIS, PubMed/MEDLINE, CSV/TSV and workbook files. Text
/// fields are trimmed; a missing field is null (text) or empty (lists).</remarks>
public sealed partial record Record
{
    /// <summary>The record's identifier: the file's own (a <c>record_id</c> column), otherwise its 1-based number in the file.</summary>
    public required string Id { get; init; }

    /// <summary>The reference's own id as its file gives it (the RIS <c>ID</c> tag), or null.</summary>
    internal string? ReferenceId { get; init; }

    /// <summary>The title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>The abstract, or null.</summary>
    public string? Abstract { get; init; }

    /// <summary>The authors in the file's order.</summary>
    public ImmutableArray<string> Authors { get; init; } = [];

    /// <summary>The publication year, or null.</summary>
    public int? Year { get; init; }

    /// <summary>The journal (or other container title), or null.</summary>
    public string? Journal { get; init; }

    /// <summary>The DOI as written ("10.1000/xyz", perhaps as a URL), or null; see <see cref="RecordDeduplication.NormaliseDoi"/>.</summary>
    public string? Doi { get; init; }

    /// <summary>The keywords (author keywords, subject headings) in the file's order.</summary>
    public ImmutableArray<string> Keywords { get; init; } = [];

    /// <summary>A link to the record, or null.</summary>
    public string? Url { get; init; }

    /// <summary>The database the record was exported from ("PubMed", "Scopus", the RIS DB or DP tag), or null.</summary>
    public string? Database { get; init; }

    /// <summary>The screening label the file carries: true relevant (included), false irrelevant, null not labelled.</summary>
    public bool? Included { get; init; }

    /// <summary>The file the record was read from (its name), or null when built in code.</summary>
    public string? File { get; init; }

    /// <summary>Where the record starts in its file: the line of a RIS or MEDLINE record, the row of a CSV file or
    /// sheet (as Excel numbers it), or 0 when built in code.</summary>
    public int Line { get; init; }

    /// <summary>The title and abstract joined by a space, as the screening models read a record.</summary>
    public string Text => (Title, Abstract) switch
    {
        (null, null) => "",
        (_, null) => Title,
        (null, _) => Abstract,
        _ => Title + " " + Abstract,
    };
}
