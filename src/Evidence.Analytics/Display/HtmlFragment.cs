using System.Net;
using System.Text;

namespace Evidence.Analytics;

/// <summary>The HTML conventions every displayable type shares: one container class, CSS scoped under the
/// <c>ea-</c> prefix, encoded text, no scripts and nothing loaded from a CDN.</summary>
/// <remarks>Notebook outputs share one page (VS Code's webview, Jupyter's DOM, nbconvert's HTML), and the kernel's
/// own CSS uses global selectors such as <c>table td</c>; every rule here is therefore scoped under
/// <see cref="ContainerClass"/> and every class carries the prefix.</remarks>
internal static class HtmlFragment
{
    /// <summary>The class of the element that wraps every fragment; all CSS rules are scoped under it.</summary>
    public const string ContainerClass = "ea-display";

    /// <summary>The scoped stylesheet, identical in every fragment so repeated outputs agree.</summary>
    public const string Style =
        "<style>" +
        ".ea-display{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:13px;line-height:1.45;color:#1f2933;margin:2px 0}" +
        ".ea-display .ea-title{font-size:15px;font-weight:600;margin:0 0 2px}" +
        ".ea-display .ea-lead{margin:0 0 10px;color:#323f4b}" +
        ".ea-display .ea-note{margin:2px 0 10px;color:#616e7c;font-size:12px}" +
        ".ea-display .ea-tables{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start}" +
        ".ea-display table.ea-table{border-collapse:collapse;margin:0 0 10px;border:none;font-size:13px}" +
        ".ea-display .ea-table caption{caption-side:top;text-align:left;font-weight:600;padding:0 0 4px;color:#1f2933}" +
        ".ea-display .ea-table th,.ea-display .ea-table td{padding:3px 10px 3px 0;text-align:left;border:none;border-bottom:1px solid #e4e7eb;background:transparent;vertical-align:top}" +
        ".ea-display .ea-table th{font-weight:600;border-bottom:1.5px solid #7b8794;white-space:nowrap}" +
        ".ea-display .ea-table .ea-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;padding-left:12px}" +
        ".ea-display .ea-table tr.ea-total td{font-weight:600;border-top:1.5px solid #7b8794;border-bottom:none}" +
        ".ea-display .ea-table td.ea-more{color:#616e7c;font-style:italic}" +
        ".ea-display .ea-table.ea-map th{font-weight:600}" +
        ".ea-display .ea-table.ea-map td.ea-cell,.ea-display .ea-table.ea-map td.ea-gap{text-align:center;min-width:64px;padding:5px 8px;border:2px solid #ffffff}" +
        ".ea-display .ea-table.ea-map td.ea-gap{color:#9aa5b1;background:#f5f7fa}" +
        ".ea-display .ea-table.ea-map thead th.ea-num{text-align:center;white-space:normal;max-width:110px;vertical-align:bottom;padding-left:8px}" +
        ".ea-display .ea-strong{font-weight:600}" +
        ".ea-display .ea-problem{color:#ab091e}" +
        ".ea-display .ea-ok{color:#0e7c66}" +
        ".ea-display svg{max-width:100%;height:auto}" +
        "</style>";

    /// <summary>Encodes text for HTML element content and attribute values.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Wraps an HTML body in the display container with the scoped stylesheet.</summary>
    public static string Wrap(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var html = new StringBuilder(body.Length + Style.Length + 64);
        html.Append("<div class=\"").Append(ContainerClass).Append("\">").Append(Style).Append(body).Append("</div>");
        return html.ToString();
    }
}
