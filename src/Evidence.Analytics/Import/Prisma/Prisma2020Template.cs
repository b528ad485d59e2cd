namespace Evidence.Analytics.Import;

/// <summary>The rows of the PRISMA2020 R package's CSV template (<c>inst/extdata/PRISMA.csv</c>, version 1.1.4) in its
/// order: the key in the <c>data</c> column (NA for a title row), the diagram's node and box, and the box's text.</summary>
/// <remarks>The package finds a row by its <c>data</c> key and reads its <c>n</c>; the text columns are labels. A list
/// row's <c>n</c> is "Reason, n; Reason, n".</remarks>
internal static class Prisma2020Template
{
    public const string Header = "data,node,box,description,boxtext,tooltips,url,n";

    public static IReadOnlyList<string> Columns { get; } = Header.Split(',');

    /// <summary>The keys whose <c>n</c> is a list of "label, count" pairs.</summary>
    public static IReadOnlySet<string> ListKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "database_specific_results", "register_specific_results", "dbr_excluded", "other_excluded",
    };

    public static IReadOnlyList<(string? Data, string? Node, string Box, string Text)> Rows { get; } =
    [
        (null, "node4", "prevstud", "Previous studies"),
        ("previous_studies", "node5", "box1", "Studies included in previous version of review"),
        ("previous_reports", null, "box1", "Reports of studies included in previous version of review"),
        (null, "node6", "newstud", "Identification of new studies via databases and registers"),
        ("database_results", "node7", "box2", "Databases"),
        ("database_specific_results", null, "box2", "Specific databases"),
        ("register_results", null, "box2", "Registers"),
        ("register_specific_results", null, "box2", "Specific registers"),
        (null, "node16", "othstud", "Identification of new studies via other methods"),
        ("website_results", "node17", "box11", "Websites"),
        ("organisation_results", "", "box11", "Organisations"),
        ("citations_results", null, "box11", "Citation searching"),
        ("duplicates", "node8", "box3", "Duplicate records"),
        ("excluded_automatic", null, "box3", "Records marked as ineligible by automation tools"),
        ("excluded_other", null, "box3", "Records removed for other reasons"),
        ("records_screened", "node9", "box4", "Records screened"),
        ("records_excluded", "node10", "box5", "Records excluded"),
        ("dbr_sought_reports", "node11", "box6", "Reports sought for retrieval"),
        ("dbr_notretrieved_reports", "node12", "box7", "Reports not retrieved"),
        ("other_sought_reports", "node18", "box12", "Reports sought for retrieval"),
        ("other_notretrieved_reports", "node19", "box13", "Reports not retrieved"),
        ("dbr_assessed", "node13", "box8", "Reports assessed for eligibility"),
        ("dbr_excluded", "node14", "box9", "Reports excluded"),
        ("other_assessed", "node20", "box14", "Reports assessed for eligibility"),
        ("other_excluded", "node21", "box15", "Reports excluded"),
        ("new_studies", "node15", "box10", "New studies included in review"),
        ("new_reports", null, "box10", "Reports of new included studies"),
        ("total_studies", "node22", "box16", "Total studies included in review"),
        ("total_reports", null, "box16", "Reports of total included studies"),
        ("identification", "node1", "identification", "Identification"),
        ("screening", "node2", "screening", "Screening"),
        ("included", "node3", "included", "Included"),
        ("total_studies_ma", "node23", "box17", "Total studies included in meta-analysis"),
        ("total_reports_ma", null, "box17", "Reports of total included studies in meta-analysis"),
    ];
}
