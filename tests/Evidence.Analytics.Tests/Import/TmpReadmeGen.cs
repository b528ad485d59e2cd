using System.Text;
using Xunit;
namespace Evidence.Analytics.Tests.Import;
public sealed class TmpReadmeGen
{
    [Fact]
    public void Generate()
    {
        var text = new StringBuilder();
        foreach (var sheet in WorkbookFormat.Sheets)
        {
            text.AppendLine($"### {sheet.Name}{(sheet.Required ? "" : " (optional)")}").AppendLine();
            text.AppendLine($"{sheet.Description} CSV file: `{sheet.Name.ToLowerInvariant().Replace(' ', '-')}.csv`.").AppendLine();
            text.AppendLine("| Column | Required | Kind | What to enter |").AppendLine("|---|---|---|---|");
            foreach (var c in sheet.Columns)
            {
                string kind = c.Kind switch { ColumnKind.Count => "whole number ≥ 0", ColumnKind.Year => "year 1900–2100", ColumnKind.Number => "number", ColumnKind.YesNo => "yes/no", ColumnKind.Identifier => "ID", ColumnKind.Vocabulary => "vocabulary", _ => "text" };
                if (c.MultiValued) kind += ", several separated by `;`";
                string accepted = c.Accepted.IsEmpty ? "" : " Accepted: " + string.Join(", ", c.Accepted.Select(a => $"`{a}`")) + ".";
                text.AppendLine($"| {c.Header} | {(c.Required ? "yes" : "")} | {kind} | {c.Description.Replace("|", "\\|")}{accepted} |");
            }
            text.AppendLine();
        }
        File.WriteAllText("/tmp/fdn/readme-sheets.md", text.ToString());
    }
}
