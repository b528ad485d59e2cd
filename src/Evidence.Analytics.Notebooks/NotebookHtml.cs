using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Evidence.Analytics.Notebooks;

/// <summary>Renders a notebook as one self-contained HTML page: prose, code and outputs, with no scripts and nothing
/// loaded from elsewhere, for readers who have neither Jupyter nor VS Code.</summary>
/// <remarks>Markdown cells are rendered with Markdig (CommonMark and pipe tables, raw HTML shown as text); long lines
/// wrap rather than scroll sideways. HTML outputs are inserted as they are, plain text is encoded.</remarks>
public static class NotebookHtml
{
    private const string Style =
        "body{max-width:1020px;margin:32px auto;padding:0 20px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;line-height:1.55;font-size:15px}" +
        "h1,h2,h3{line-height:1.25;margin:1.4em 0 .5em}h1{font-size:28px}h2{font-size:21px}h3{font-size:17px}" +
        ".nb-md p{margin:.6em 0}.nb-md blockquote{margin:.6em 0;padding:.1em 1em;border-left:3px solid #cbd2d9;color:#52606d}" +
        ".nb-md table{border-collapse:collapse;margin:.6em 0}.nb-md th,.nb-md td{border-bottom:1px solid #e4e7eb;padding:3px 12px 3px 0;text-align:left}" +
        "code{font-family:ui-monospace,'Cascadia Code',Menlo,Consolas,monospace;font-size:.9em;background:#f5f7fa;padding:1px 4px;border-radius:3px}" +
        ".nb-cell{margin:14px 0}.nb-in{display:flex;gap:8px}.nb-prompt{flex:0 0 56px;color:#7b8794;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;text-align:right;padding-top:9px}" +
        ".nb-in pre,.nb-out pre{margin:0;flex:1;min-width:0;overflow-x:auto;font-family:ui-monospace,'Cascadia Code',Menlo,Consolas,monospace;font-size:13px;line-height:1.45}" +
        ".nb-in pre{background:#f5f7fa;border:1px solid #e4e7eb;border-radius:4px;padding:8px 10px}" +
        ".nb-out{display:flex;gap:8px;margin-top:6px}.nb-out>div:not(.nb-prompt),.nb-out>pre{flex:1;min-width:0;overflow-x:auto}.nb-out pre{padding:4px 0}" +
        ".nb-error pre{color:#ab091e;background:#fff5f5;padding:8px 10px;border-radius:4px}" +
        ".nb-md{overflow-wrap:anywhere}.nb-md pre{background:#f5f7fa;padding:8px 10px;border-radius:4px;white-space:pre-wrap}";

    /// <summary>The page's HTML.</summary>
    public static string Render(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        string title = notebook.Cells
            .Where(c => c.Kind == NotebookCellKind.Markdown)
            .SelectMany(c => c.Source.Split('\n'))
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
            ?? (notebook.Path is null ? "Notebook" : Path.GetFileNameWithoutExtension(notebook.Path));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case NotebookCellKind.Markdown:
                    html.Append("<div class=\"nb-cell nb-md\">\n").Append(Markdown(cell.Source)).Append("</div>\n");
                    break;
                case NotebookCellKind.Code:
                    WriteCode(html, cell);
                    break;
                default:
                    html.Append("<div class=\"nb-cell\"><pre>").Append(Encode(cell.Source)).Append("</pre></div>\n");
                    break;
            }
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Writes the page to a file.</summary>
    public static void Save(Notebook notebook, string path) =>
        File.WriteAllText(path, Render(notebook), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static void WriteCode(StringBuilder html, NotebookCell cell)
    {
        string prompt = cell.ExecutionCount is { } n ? string.Create(CultureInfo.InvariantCulture, $"[{n}]") : "[ ]";
        html.Append("<div class=\"nb-cell\">\n<div class=\"nb-in\"><div class=\"nb-prompt\">").Append(prompt)
            .Append("</div><pre><code>").Append(Encode(cell.Source)).Append("</code></pre></div>\n");
        foreach (var output in cell.Outputs)
        {
            bool isError = output.Kind == NotebookOutputKind.Error;
            html.Append(isError ? "<div class=\"nb-out nb-error\">" : "<div class=\"nb-out\">").Append("<div class=\"nb-prompt\"></div>");
            if (isError)
                html.Append("<pre>").Append(Encode($"{output.ErrorName}: {output.ErrorValue}")).Append("</pre>");
            else if (output.Kind == NotebookOutputKind.Stream)
                html.Append("<pre>").Append(Encode(output.Text)).Append("</pre>");
            else if (output["text/html"] is { } fragment)
                html.Append("<div>").Append(fragment).Append("</div>");
            else if (output["image/svg+xml"] is { } svg)
                html.Append("<div>").Append(svg).Append("</div>");
            else
                html.Append("<pre>").Append(Encode(output["text/plain"])).Append("</pre>");
            html.Append("</div>\n");
        }
        html.Append("</div>\n");
    }

    /// <summary>The Markdown of notebooks' prose, as Jupyter renders it: CommonMark with GitHub's pipe tables,
    /// strikethrough and autolinks. Raw HTML is shown as text and <c>javascript:</c> links go nowhere, so a notebook's
    /// prose cannot run script in the page.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras(EmphasisExtraOptions.Strikethrough).UseAutoLinks().DisableHtml().Build();

    /// <summary>Renders a Markdown cell with Markdig.</summary>
    internal static string Markdown(string source)
    {
        var document = Markdig.Markdown.Parse(source.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { } url && !IsSafeUrl(url))
                link.Url = "#";
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafeUrl(string url)
    {
        string scheme = url.Split(':', 2) is [var before, _] && !before.Contains('/', StringComparison.Ordinal) ? before.Trim() : "";
        return scheme.Length == 0 || scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
