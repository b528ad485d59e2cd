using System.Text;

namespace Evidence.Analytics;

/// <summary>A displayable summary built from a title, sentences, tables and SVG, rendered once as HTML and once as
/// plain text so the two forms a notebook saves always say the same thing.</summary>
internal sealed class DisplayDocument
{
    private readonly List<Action<StringBuilder>> _html = [];
    private readonly List<Action<StringBuilder>> _text = [];
    private List<DisplayTable>? _tableRun;

    /// <summary>Creates a document with a title.</summary>
    public DisplayDocument(string title)
    {
        _html.Add(h => h.Append("<div class=\"ea-title\">").Append(HtmlFragment.Encode(title)).Append("</div>"));
        _text.Add(t => t.Append(title).Append('\n'));
    }

    /// <summary>Adds a lead sentence under the title.</summary>
    public DisplayDocument Lead(string sentence) => Paragraph(sentence, "ea-lead");

    /// <summary>Adds a note in smaller grey type (caveats, counting rules).</summary>
    public DisplayDocument Note(string sentence) => Paragraph(sentence, "ea-note");

    /// <summary>Adds a sentence flagged as a problem (red).</summary>
    public DisplayDocument Problem(string sentence) => Paragraph(sentence, "ea-problem");

    /// <summary>Adds a table; consecutive tables sit side by side in HTML when there is room.</summary>
    public DisplayDocument Table(DisplayTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (_tableRun is null)
        {
            var run = _tableRun = [];
            _html.Add(h =>
            {
                h.Append("<div class=\"ea-tables\">");
                foreach (var t in run) t.WriteHtml(h);
                h.Append("</div>");
            });
        }
        _tableRun.Add(table);
        _text.Add(t => { t.Append('\n'); table.WriteText(t); });
        return this;
    }

    /// <summary>Adds an SVG image, with a plain-text stand-in.</summary>
    public DisplayDocument Svg(string svg, string description)
    {
        _tableRun = null;
        _html.Add(h => h.Append("<div>").Append(svg).Append("</div>"));
        _text.Add(t => t.Append('[').Append(description).Append("]\n"));
        return this;
    }

    /// <summary>The HTML fragment, wrapped in the scoped container.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var write in _html) write(html);
        return HtmlFragment.Wrap(html.ToString());
    }

    /// <summary>The plain text, lines separated by '\n' and without trailing blanks.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        foreach (var write in _text) write(text);
        return text.ToString().TrimEnd('\n');
    }

    private DisplayDocument Paragraph(string sentence, string cssClass)
    {
        if (_tableRun is not null)
            _text.Add(t => t.Append('\n'));
        _tableRun = null;
        _html.Add(h => h.Append("<p class=\"").Append(cssClass).Append("\">").Append(HtmlFragment.Encode(sentence)).Append("</p>"));
        _text.Add(t => t.Append(sentence).Append('\n'));
        return this;
    }
}
