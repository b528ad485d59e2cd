using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;

namespace Evidence.Analytics;

/// <summary>Writes an evidence base as an interactive evidence gap map: one self-contained HTML file that opens from
/// disk in any modern browser, with no network access.</summary>
/// <remarks>
/// <para>The page shows intervention types × outcome domains (rows and columns can be switched to design group,
/// typology level, timing or country) as bubbles or a heat map. Readers filter by design group, design, country,
/// typology level, year range and timing (combined with AND or OR), click a cell to list its studies with search,
/// sort and CSV/RIS export, and read the share of RCTs reporting improvement per outcome with Wilson intervals.</para>
/// <para>Counting follows the library's evidence-map rules: a cell counts <em>distinct</em> studies; a finding
/// without an intervention applies to all its study's interventions, so a study's intervention types are the union
/// over its interventions; row, column and grand totals are distinct-study counts, never sums of cells.</para>
/// <para>The data are embedded in two blocks: plain JSON with the library version, the vocabularies and what the first
/// view shows (its counts, shares and the first studies listed), drawn at once; and every study's record, as JSON
/// compressed with DEFLATE and in Base64, which the page reads once it has drawn. In the JSON <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c>, quotes and U+2028/U+2029 are escaped, and the page's script renders every value as text, so titles
/// such as <c>&lt;/script&gt;</c> are inert. The output is deterministic: same evidence base and options, same bytes,
/// whatever the current culture.</para>
/// </remarks>
public static class InteractiveEvidenceMap
{
    private const string ResourcePrefix = "Evidence.Analytics.Html.";

    /// <summary>Writes the map to a text writer.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="writer">Where to write the HTML document.</param>
    /// <param name="options">The options, or null for <see cref="InteractiveEvidenceMapOptions.Default"/>.</param>
    public static void Write(EvidenceBase evidence, TextWriter writer, InteractiveEvidenceMapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= InteractiveEvidenceMapOptions.Default;
        string title = options.Title ?? evidence.Review.Title;

        string template = Template;
        var data = InteractiveEvidenceMapData.Create(evidence, options, title, LibraryVersion);
        var parts = new Dictionary<string, Action>(StringComparer.Ordinal)
        {
            ["title"] = () => writer.Write(HtmlEncoder.Default.Encode(title)),
            ["style"] = () => writer.Write(Style),
            ["data"] = () => writer.Write(data.Page),
            ["records"] = () => writer.Write(data.Records),
            ["script"] = () => writer.Write(Script),
        };
        int position = 0;
        while (true)
        {
            int open = template.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0) break;
            int close = template.IndexOf("}}", open, StringComparison.Ordinal);
            writer.Write(template.AsSpan(position, open - position));
            parts[template[(open + 2)..close]]();
            position = close + 2;
        }
        writer.Write(template.AsSpan(position));
    }

    /// <summary>Writes the map to a file (UTF-8, no byte-order mark), replacing any file already there.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="path">The file to write, conventionally ending in <c>.html</c>.</param>
    /// <param name="options">The options, or null for <see cref="InteractiveEvidenceMapOptions.Default"/>.</param>
    public static void Write(EvidenceBase evidence, string path, InteractiveEvidenceMapOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(evidence, writer, options);
    }

    /// <summary>The map as an HTML document string.</summary>
    /// <param name="evidence">The evidence base.</param>
    /// <param name="options">The options, or null for <see cref="InteractiveEvidenceMapOptions.Default"/>.</param>
    public static string ToHtml(EvidenceBase evidence, InteractiveEvidenceMapOptions? options = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(evidence, writer, options);
        return writer.ToString();
    }

    // The page's parts, read once from the embedded resources.
    private static readonly string Template = Resource("evidence-map.html");
    private static readonly string Style = Resource("evidence-map.css");
    private static readonly string Script = Resource("evidence-map.js");

    /// <summary>The library version embedded in the page, without source-control metadata ("0.1.0").</summary>
    internal static string LibraryVersion { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(InteractiveEvidenceMap).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static string Resource(string name)
    {
        using var stream = typeof(InteractiveEvidenceMap).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the library.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
