using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>Checks shared by the Excel tests: schema validity with the Open XML SDK's validator.</summary>
internal static class XlsxAssert
{
    /// <summary>Asserts that the workbook opens with the Open XML SDK and has no schema or semantic errors.</summary>
    public static void Valid(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var validator = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016);
        var errors = validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, "OpenXmlValidator errors:\n" + string.Join("\n", errors.Take(20)));
    }
}
