using System.Text;
using Evidence.Analytics.Import;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Import;

/// <summary>The CSV record reader on text written by an RFC 4180 writer (here, by hand: a value is quoted when it holds
/// a delimiter, a quote or a line break, and its quotes are doubled): every value comes back, one record per row, and
/// only values with line breaks are noted, as legal values spanning lines.</summary>
public sealed class CsvRecordReaderTests
{
    // Awkward pieces, none holding a comma together with a line break (a value whose lines look like rows is refused by design).
    private static readonly string[] Pieces = ["a", "Smith, J", "\"quoted\"", "say \"\"hi\"\"", " ", "13,851", "é", "line\nbreak", "two\r\nlines", ";", "\t", "'"];

    private static Gen<string> Value =>
        from count in Gen.Choose(0, 3)
        from pieces in Gen.ArrayOf(Gen.Elements(Pieces), count)
        let text = string.Concat(pieces)
        select text.Contains(',', StringComparison.Ordinal) && (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
            ? text.Replace(",", "", StringComparison.Ordinal)
            : text;

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static (List<RawCell[]> Rows, List<QuotedValue> Notes) Read(string text)
    {
        var reader = new CsvRecordReader(text);
        var cells = new List<RawCell>();
        var quoted = new List<QuotedValue>();
        var rows = new List<RawCell[]>();
        var notes = new List<QuotedValue>();
        while (!reader.AtEnd)
        {
            reader.ReadRecord(cells, quoted);
            rows.Add([.. cells]);
            notes.AddRange(quoted);
        }
        return (rows, notes);
    }

    [Fact]
    public void ReadRecord_TextWrittenByAnRfc4180Writer_GivesBackEveryValue()
    {
        var table =
            from columns in Gen.Choose(3, 6)
            from rows in Gen.Choose(1, 8)
            from values in Gen.ArrayOf(Gen.ArrayOf(Value, columns), rows)
            from crlf in Gen.Elements(true, false)
            select (Columns: columns, Values: values, LineEnd: crlf ? "\r\n" : "\n");
        Prop.ForAll(table.ToArbitrary(), t =>
        {
            var text = new StringBuilder(string.Join(",", Enumerable.Range(1, t.Columns).Select(c => $"Column {c}")) + t.LineEnd);
            foreach (var row in t.Values) text.Append(string.Join(",", row.Select(Quote))).Append(t.LineEnd);

            var (rows, notes) = Read(text.ToString());

            Assert.Equal(t.Values.Length + 1, rows.Count);
            for (int r = 0; r < t.Values.Length; r++)
                Assert.Equal(t.Values[r].Select(v => v.Length == 0 ? null : v), rows[r + 1].Select(c => c.Text));
            int multiLine = t.Values.Sum(row => row.Count(v => v.Contains('\n', StringComparison.Ordinal)));
            Assert.Equal(multiLine, notes.Count);
            Assert.All(notes, n => Assert.Equal(QuoteFault.SpansLines, n.Fault));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("h1,h2,h3\n\"a\nb\",c,d\nx,y,z\n", 2, 3)]      // a value over lines 2–3; the next record is on line 4
    [InlineData("h1,h2,h3\r\n\"a\r\n\r\nb\",c,d\r\n", 2, 4)] // CRLF, with a blank line inside the value
    [InlineData("h1,h2,h3\r\"a\rb\",c,d\r", 2, 3)]           // old Mac line ends
    public void ReadRecord_ValueSpanningLines_IsNotedWithItsLines(string text, int first, int last)
    {
        var (rows, notes) = Read(text);

        var note = Assert.Single(notes);
        Assert.Equal((0, QuoteFault.SpansLines, first, last), (note.Column, note.Fault, note.FirstLine, note.LastLine));
        Assert.Equal(3, rows[1].Length);
    }
}
