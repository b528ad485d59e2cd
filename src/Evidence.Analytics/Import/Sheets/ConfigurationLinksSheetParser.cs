namespace Evidence.Analytics.Import;

/// <summary>Reads the Configuration links sheet: rows linking a configuration to one or more supporting studies.</summary>
/// <remarks>A link to a configuration or a study that is not defined is reported on the link's row. A link repeating a
/// study the configuration already lists is harmless: supporting studies are kept once each.</remarks>
internal sealed class ConfigurationLinksSheetParser(ConfigurationsSheetParser configurations) : SheetParser
{
    public override WorkbookSheet Format => WorkbookFormat.ConfigurationLinks;

    public override void ReadRow(RowReader row, ImportContext context)
    {
        string? id = row.Required("Configuration ID");
        var studies = row.List("Study ID");

        if (id is not null && !configurations.IsDefined(id))
        {
            row.Problem(ProblemKind.UnknownReference, "Configuration ID", id,
                context.SheetsRead.Contains(WorkbookFormat.Configurations.Name)
                    ? $"The configuration '{id}' is not on the Configurations sheet; add it there or correct the ID."
                    : $"The configuration '{id}' is not defined: the workbook has no Configurations sheet ({WorkbookFormat.Configurations.Description}).");
        }
        ConfigurationsSheetParser.CheckStudies(row, context, "Study ID", studies);
        if (row.HasErrors || id is null) return;
        configurations.Link(id, studies);
    }
}
