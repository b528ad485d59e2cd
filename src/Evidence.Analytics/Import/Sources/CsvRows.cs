namespace Evidence.Analytics.Import;

/// <summary>The rows of a small CSV file (a mapping file, a PRISMA2020 template) as text cells, numbered as Excel numbers
/// them (the header is row 1), read with the evidence workbook's CSV reader.</summary>
internal static class CsvRows
{
    public static List<(int Row, string[] Cells)> Read(string text)
    {
        var rows = new List<(int, string[])>();
        var reader = new CsvRecordReader(text);
        var cells = new List<RawCell>();
        var quoted = new List<QuotedValue>();
        int row = 0;
        while (!reader.AtEnd)
        {
            reader.ReadRecord(cells, quoted);
            row++;
            if (cells.All(c => c.IsBlank)) continue;
            rows.Add((row, [.. cells.Select(c => c.Text?.Trim() ?? "")]));
        }
        return rows;
    }
}
