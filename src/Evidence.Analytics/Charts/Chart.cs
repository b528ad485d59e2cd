using System.Text;

namespace Evidence.Analytics;

/// <summary>An SVG chart of evidence: immutable, rendered on demand with <see cref="ToSvg"/> or <see cref="SaveSvg"/>.</summary>
/// <remarks>
/// <para>Every chart is self-describing SVG: <c>role="img"</c> with a <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> that
/// states the numbers in words; a viewBox, so it scales to its container; Okabe–Ito colours always paired with a shape,
/// pattern or printed label; numbers in the invariant culture; and the same bytes for the same input on any machine.</para>
/// <para>Layout uses a fixed table of Helvetica/Arial character widths rather than the fonts installed, so text boxes are
/// known exactly when the chart is written and labels are placed not to overlap.</para>
/// </remarks>
public abstract partial class Chart
{
    private protected Chart(string title, ChartOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Title = options.Title ?? title;
        Options = options;
    }

    /// <summary>The title, shown at the top of the chart and as its SVG <c>&lt;title&gt;</c>.</summary>
    public string Title { get; }

    /// <summary>The layout options.</summary>
    public ChartOptions Options { get; }

    /// <summary>A plain-language account of what the chart shows, with its numbers (the SVG <c>&lt;desc&gt;</c>).</summary>
    public abstract string Description { get; }

    /// <summary>A short name for the kind of chart, used for element ids ("bars", "egm").</summary>
    private protected abstract string Kind { get; }

    /// <summary>Renders the chart as an SVG document.</summary>
    public string ToSvg()
    {
        var svg = new SvgBuilder(SvgBuilder.IdFor(Kind, Title));
        var (width, height) = Render(svg, Options.Width);
        return svg.Write(Math.Ceiling(width), Math.Ceiling(height), Title, Description);
    }

    /// <summary>Writes the chart to an SVG file (UTF-8, no byte-order mark), creating the folder if needed.</summary>
    /// <param name="path">The file to write, conventionally ending in <c>.svg</c>.</param>
    public void SaveSvg(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToSvg(), new UTF8Encoding(false));
    }

    /// <summary>The kind of chart and its title.</summary>
    public override string ToString() => $"{GetType().Name}: {Title}";

    /// <summary>Draws the chart into <paramref name="svg"/>, laid out for <paramref name="width"/>, and returns the size used
    /// (wider than asked only when the content cannot fit).</summary>
    private protected abstract (double Width, double Height) Render(SvgBuilder svg, double width);

    /// <summary>Draws the title (wrapped) and an optional subtitle; returns the y below them.</summary>
    private protected double DrawHeading(SvgBuilder svg, double width, string? subtitle)
    {
        double margin = Options.Margin, size = Options.FontSize;
        var titleStyle = new TextStyle(size * 1.35, Bold: true);
        var lines = TextMetrics.Wrap(Title, width - 2 * margin, titleStyle.Size, bold: true);
        var heading = SvgBuilder.Group(svg.Body, "heading");
        SvgBuilder.Lines(heading, margin, margin, lines, titleStyle, "chart-title");
        double y = margin + SvgBuilder.BlockHeight(lines.Count, titleStyle.Size);
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            var subStyle = new TextStyle(size, Fill: Palette.Muted);
            var subLines = TextMetrics.Wrap(subtitle, width - 2 * margin, size);
            SvgBuilder.Lines(heading, margin, y + 2, subLines, subStyle, "chart-subtitle");
            y += 2 + SvgBuilder.BlockHeight(subLines.Count, size);
        }
        return y + size;
    }

    /// <summary>Draws a wrapped note (source, caveat) at <paramref name="top"/>; returns the y below it.</summary>
    private protected double DrawNote(SvgBuilder svg, double width, double top, string note)
    {
        var style = new TextStyle(Options.FontSize * 0.85, Fill: Palette.Muted);
        var lines = TextMetrics.Wrap(note, width - 2 * Options.Margin, style.Size);
        SvgBuilder.Lines(svg.Body, Options.Margin, top, lines, style, "chart-note");
        return top + SvgBuilder.BlockHeight(lines.Count, style.Size);
    }
}

/// <summary>Layout options shared by every chart.</summary>
/// <remarks>Charts are laid out at <see cref="Width"/> and grow downwards as their content needs; the SVG carries a
/// viewBox, so a browser or document scales it to any size afterwards.</remarks>
public sealed record ChartOptions
{
    /// <summary>The default options.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>A title replacing the chart's own, or null to keep it.</summary>
    /// <value>The default is null.</value>
    public string? Title { get; init; }

    /// <summary>The width the chart is laid out at, in pixels (CSS px at 100% zoom).</summary>
    /// <value>The default is 760; between 320 and 4000. Charts that need more room (a wide gap map) grow beyond it.</value>
    public double Width { get; init; } = 760;

    /// <summary>The base font size in pixels; titles and notes scale from it.</summary>
    /// <value>The default is 12; between 8 and 24.</value>
    public double FontSize { get; init; } = 12;

    /// <summary>The outer margin in pixels.</summary>
    /// <value>The default is 16; between 0 and 100.</value>
    public double Margin { get; init; } = 16;

    /// <summary>The most studies an effect direction plot draws one row each; with more, it draws one row per
    /// intervention type, counting the studies in each direction, and says so in its subtitle and note.</summary>
    /// <value>The default is 200; at least 1.</value>
    public int MaxStudyRows { get; init; } = 200;

    /// <summary>The most studies a harvest plot draws one bar each in a cell (outcome domain and direction); when any
    /// cell has more, every cell draws one bar per design group, its height the number of studies, and the plot says so.</summary>
    /// <value>The default is 50; at least 1.</value>
    public int MaxStudyBars { get; init; } = 50;

    internal void Validate()
    {
        if (Width is < 320 or > 4000 || double.IsNaN(Width))
            throw new ArgumentOutOfRangeException(nameof(Width), Width, "A chart's width must be between 320 and 4000 pixels.");
        if (FontSize is < 8 or > 24 || double.IsNaN(FontSize))
            throw new ArgumentOutOfRangeException(nameof(FontSize), FontSize, "A chart's font size must be between 8 and 24 pixels.");
        if (Margin is < 0 or > 100 || double.IsNaN(Margin))
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "A chart's margin must be between 0 and 100 pixels.");
        if (MaxStudyRows < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxStudyRows), MaxStudyRows, "An effect direction plot must be allowed at least one study row.");
        if (MaxStudyBars < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxStudyBars), MaxStudyBars, "A harvest plot must be allowed at least one study bar per cell.");
    }
}
