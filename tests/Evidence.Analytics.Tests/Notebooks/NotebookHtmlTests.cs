using Xunit;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Notebooks;

public sealed class NotebookHtmlTests
{
    [Fact]
    public void Markdown_CommonProse_RendersHeadingsListsEmphasisCodeAndLinks()
    {
        string html = NotebookHtml.Markdown("## Share of RCTs\nSeven of *nine* trials, **improved**, see `Share`.\n\n- one\n- [two](https://doi.org/10.1136/bmj.b3064)\n\n1. first\n2. second");

        Assert.Equal(
            "<h2>Share of RCTs</h2>\n<p>Seven of <em>nine</em> trials, <strong>improved</strong>, see <code>Share</code>.</p>\n" +
            "<ul>\n<li>one</li>\n<li><a href=\"https://doi.org/10.1136/bmj.b3064\">two</a></li>\n</ul>\n" +
            "<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n",
            html);
    }

    [Fact]
    public void Markdown_PipeTable_RendersTable()
    {
        string html = NotebookHtml.Markdown("| Design | n |\n|---|---:|\n| RCT | 15 |");

        Assert.Equal(
            "<table>\n<thead>\n<tr>\n<th>Design</th>\n<th style=\"text-align: right;\">n</th>\n</tr>\n</thead>\n" +
            "<tbody>\n<tr>\n<td>RCT</td>\n<td style=\"text-align: right;\">15</td>\n</tr>\n</tbody>\n</table>\n",
            html);
    }

    [Fact]
    public void Markdown_NestedListsAndEscapes_RenderAsCommonMark()
    {
        // The hand-written renderer flattened nested lists and showed backslash escapes literally.
        string html = NotebookHtml.Markdown("- designs\n  - RCT\n  - qualitative\n- 7 \\* 3");

        Assert.Equal("<ul>\n<li>designs\n<ul>\n<li>RCT</li>\n<li>qualitative</li>\n</ul>\n</li>\n<li>7 * 3</li>\n</ul>\n", html);
    }

    [Fact]
    public void Markdown_HtmlAndScriptLinks_AreNeutralised()
    {
        string html = NotebookHtml.Markdown("<script>alert(1)</script> [x](javascript:alert(1))");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_ExecutedNotebook_IsOnePageWithPromptsAndOutputs()
    {
        var notebook = TestNotebooks.Parse([
            TestNotebooks.Cell("markdown", "t", "# The <review>"),
            TestNotebooks.Cell("code", "a", TestNotebooks.Reference + "\n" + TestNotebooks.SmallEvidence + "\nevidence"),
            TestNotebooks.Cell("code", "b", "Console.WriteLine(\"1 < 2\");"),
        ]);
        var run = await new NotebookRunner().RunAsync(notebook);

        string html = NotebookHtml.Render(run.Notebook);

        Assert.Contains("<title>The &lt;review&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"nb-prompt\">[1]</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"ea-display\">", html, StringComparison.Ordinal);
        Assert.Contains("<pre>1 &lt; 2\n</pre>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
    }
}
