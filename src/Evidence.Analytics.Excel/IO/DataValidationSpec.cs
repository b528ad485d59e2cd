using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>What Excel does when a typed value is not in a validation's list.</summary>
internal enum ValidationErrorMode
{
    /// <summary>Accept it silently (multi-valued cells, where "a; b" is not in the list).</summary>
    None,
    /// <summary>Warn, but let the user keep it (the importer accepts other spellings).</summary>
    Warning,
}

/// <summary>A data validation: an optional drop-down list and an input hint shown when a cell is selected.</summary>
/// <param name="Range">The cells it applies to ("F2:F5000").</param>
/// <param name="ListFormula">The list's source (a defined name or range), or null for a hint only.</param>
/// <param name="PromptTitle">The hint's title (Excel shows at most 32 characters).</param>
/// <param name="Prompt">The hint (Excel shows at most 255 characters).</param>
/// <param name="ErrorMode">What happens to a value outside the list.</param>
/// <param name="ErrorMessage">The warning shown for a value outside the list.</param>
internal sealed record DataValidationSpec(string Range, string? ListFormula, string PromptTitle, string Prompt,
    ValidationErrorMode ErrorMode = ValidationErrorMode.Warning, string? ErrorMessage = null)
{
    /// <summary>Excel's limit on a prompt title and an error title.</summary>
    public const int MaxTitleLength = 32;

    /// <summary>Excel's limit on a prompt.</summary>
    public const int MaxPromptLength = 255;

    /// <summary>Excel's limit on an error message.</summary>
    public const int MaxErrorLength = 225;

    internal void Write(XmlWriter xml)
    {
        xml.WriteStartElement("dataValidation", Namespaces.Main);
        if (ListFormula is not null) xml.WriteAttributeString("type", "list");
        bool showError = ListFormula is not null && ErrorMode != ValidationErrorMode.None;
        if (showError) xml.WriteAttributeString("errorStyle", "warning");
        xml.WriteAttributeString("allowBlank", "1");
        xml.WriteAttributeString("showInputMessage", "1");
        if (showError) xml.WriteAttributeString("showErrorMessage", "1");
        if (showError)
        {
            xml.WriteAttributeString("errorTitle", Truncate("Not in the list", MaxTitleLength));
            xml.WriteAttributeString("error", Truncate(ErrorMessage ?? "This value is not in the list. Keep it only if it is another spelling of a listed value.", MaxErrorLength));
        }
        xml.WriteAttributeString("promptTitle", Truncate(PromptTitle, MaxTitleLength));
        xml.WriteAttributeString("prompt", Truncate(Prompt, MaxPromptLength));
        xml.WriteAttributeString("sqref", Range);
        if (ListFormula is not null) xml.WriteElementString("formula1", Namespaces.Main, ListFormula);
        xml.WriteEndElement();
    }

    internal static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
