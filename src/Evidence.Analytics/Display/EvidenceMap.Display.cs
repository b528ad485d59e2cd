using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

[TypeFormatterSource(typeof(DisplayFormatterSource<EvidenceMap>))]
public sealed partial class EvidenceMap : IHtmlDisplayable
{
    /// <summary>The most rows the HTML shows before summarising the rest.</summary>
    private const int MaxHtmlRows = 60;

    /// <summary>The map as an HTML matrix: distinct studies per cell, shaded by count, with row and column totals and
    /// the gaps marked.</summary>
    /// <remarks>A self-contained fragment (scoped CSS, encoded labels, no scripts). Hovering a cell shows its studies by
    /// design group. Totals are distinct studies, not sums of cells.</remarks>
    public string ToHtml()
    {
        int max = Cells.IsEmpty ? 0 : Cells.Max(c => c.Studies);
        var html = new StringBuilder();
        html.Append("<div class=\"ea-title\">").Append(HtmlFragment.Encode($"Evidence map: {Rows.Label()} × {Columns.Label()}")).Append("</div>")
            .Append("<p class=\"ea-lead\">").Append(HtmlFragment.Encode(Lead())).Append("</p>")
            .Append("<table class=\"ea-table ea-map\"><thead><tr><th>").Append(HtmlFragment.Encode(Rows.Label())).Append("</th>");
        foreach (string column in ColumnLabels)
            html.Append("<th class=\"ea-num\">").Append(HtmlFragment.Encode(column)).Append("</th>");
        html.Append("<th class=\"ea-num\">Total</th></tr></thead><tbody>");
        for (int r = 0; r < Math.Min(RowLabels.Length, MaxHtmlRows); r++)
        {
            html.Append("<tr><th>").Append(HtmlFragment.Encode(RowLabels[r])).Append("</th>");
            for (int c = 0; c < ColumnLabels.Length; c++)
                AppendCell(html, this[r, c], max);
            html.Append("<td class=\"ea-num ea-strong\">").Append(Number(RowTotals[r])).Append("</td></tr>");
        }
        if (RowLabels.Length > MaxHtmlRows)
        {
            html.Append("<tr><td class=\"ea-more\" colspan=\"").Append((ColumnLabels.Length + 2).ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(HtmlFragment.Encode(string.Create(CultureInfo.InvariantCulture, $"… {RowLabels.Length - MaxHtmlRows:N0} more rows not shown"))).Append("</td></tr>");
        }
        html.Append("<tr class=\"ea-total\"><td>Total</td>");
        foreach (int total in ColumnTotals)
            html.Append("<td class=\"ea-num\">").Append(Number(total)).Append("</td>");
        html.Append("<td class=\"ea-num\">").Append(Number(TotalStudies)).Append("</td></tr></tbody></table>");
        html.Append("<p class=\"ea-note\">").Append(HtmlFragment.Encode(Note())).Append("</p>");
        return HtmlFragment.Wrap(html.ToString());
    }

    private string Lead()
    {
        string filter = Filter.IsEmpty ? "" : $" Filter: {Filter}.";
        return string.Create(CultureInfo.InvariantCulture,
            $"{TotalStudies:N0} distinct studies, {CellEntries:N0} study–cell entries, {Findings:N0} findings.{filter}");
    }

    private string Note()
    {
        int empty = Gaps.Count(g => g.Kind == GapKind.Absolute);
        int noRct = Gaps.Count(g => g.Kind.HasFlag(GapKind.NoRct));
        int thin = Gaps.Count(g => g.Kind.HasFlag(GapKind.Thin));
        string unmapped = UnmappedStudyIds.IsEmpty
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" {UnmappedStudyIds.Length} studies pass the filter but fall in no cell.");
        return string.Create(CultureInfo.InvariantCulture,
            $"Cells count distinct studies; totals are distinct studies, not sums of cells. Gaps: {empty} empty (·), {noRct} without an RCT, {thin} with fewer than {GapThreshold} studies.{unmapped} Evidence maps show what evidence there is, not what it says.");
    }

    private static void AppendCell(StringBuilder html, EvidenceMapCell cell, int max)
    {
        string tooltip = HtmlFragment.Encode(cell.ToString());
        if (cell.IsEmpty)
        {
            html.Append("<td class=\"ea-num ea-gap\" title=\"").Append(tooltip).Append("\">·</td>");
            return;
        }
        // Shade from pale to the full accent colour by count; white text once the fill is dark enough to need it.
        double strength = max == 0 ? 0 : 0.12 + 0.78 * cell.Studies / max;
        string style = string.Create(CultureInfo.InvariantCulture,
            $"background:rgba(13,110,110,{strength:0.00});color:{(strength > 0.5 ? "#ffffff" : "#1f2933")}");
        html.Append("<td class=\"ea-num ea-cell\" style=\"").Append(style).Append("\" title=\"").Append(tooltip).Append("\">")
            .Append(Number(cell.Studies)).Append("</td>");
    }
}
