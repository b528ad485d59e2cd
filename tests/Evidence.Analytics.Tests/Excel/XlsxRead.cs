using ExcelDataReader;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>Reads a workbook back through an independent reader (ExcelDataReader), sheet by sheet, as rows of values.</summary>
internal static class XlsxRead
{
    // ExcelDataReader's configuration asks for Windows-1252 (used for .xls and .csv) even when reading .xlsx.
    static XlsxRead() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static Dictionary<string, List<object?[]>> Sheets(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>Every text in a sheet, cell by cell.</summary>
    public static IEnumerable<string> Texts(List<object?[]> rows) =>
        rows.SelectMany(r => r).OfType<string>();
}
