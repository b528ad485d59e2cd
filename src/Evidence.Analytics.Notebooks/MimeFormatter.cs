using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Evidence.Analytics.Notebooks;

/// <summary>Formats values for notebook outputs the way the .NET Interactive kernel discovers formatters: by an
/// attribute <em>named</em> <c>TypeFormatterSourceAttribute</c> on the value's type (or a base type), whose source
/// creates formatters with <c>MimeType</c>, <c>Type</c> and <c>Format(object, TextWriter)</c>.</summary>
/// <remarks>
/// <para>Discovery is by name and reflection only, as the kernel does, so a library's formatters are found here exactly
/// when the kernel would find them; nothing here references the library's display types.</para>
/// <para>Every value gets <c>text/plain</c> (nbconvert and plain viewers need it); types without a formatter source
/// get only that, using the invariant culture.</para>
/// </remarks>
internal static class MimeFormatter
{
    /// <summary>The HTML MIME type.</summary>
    public const string Html = "text/html";

    /// <summary>The plain-text MIME type.</summary>
    public const string PlainText = "text/plain";

    /// <summary>How many items of a collection the plain-text form lists.</summary>
    public const int ListLimit = 20;

    private static readonly ConcurrentDictionary<Type, FormatterSet?> Sources = new();

    /// <summary>The value's representations, in order of preference, restricted to <paramref name="mimeTypes"/> when given.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Format(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (value is not null && Sources.GetOrAdd(value.GetType(), Discover) is { } set)
        {
            foreach (string mime in set.Preferred)
            {
                if (mimeTypes is { Count: > 0 } && !mimeTypes.Contains(mime))
                    continue;
                if (set.TryFormat(value, mime, out string text))
                    result.Add(KeyValuePair.Create(mime, text));
            }
        }
        if (!result.Exists(p => p.Key == PlainText) && (mimeTypes is not { Count: > 0 } || mimeTypes.Contains(PlainText) || result.Count == 0))
            result.Add(KeyValuePair.Create(PlainText, PlainTextOf(value)));
        return result;
    }

    /// <summary>Whether the type has a formatter source by the kernel's convention.</summary>
    public static bool HasFormatterSource(Type type) => Sources.GetOrAdd(type, Discover) is not null;

    /// <summary>Invariant plain text: "&lt;null&gt;" for null, as the kernel writes it; collections as "[ a, b, … ]".</summary>
    internal static string PlainTextOf(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items when !HasOwnToString(value.GetType()) => List(items),
        _ => value.ToString() ?? "",
    };

    private static string List(IEnumerable items)
    {
        var shown = new List<string>();
        int count = 0;
        foreach (object? item in items)
        {
            if (count++ < ListLimit)
                shown.Add(PlainTextOf(item));
        }
        string more = count > ListLimit ? string.Create(CultureInfo.InvariantCulture, $", … ({count - ListLimit} more)") : "";
        return "[ " + string.Join(", ", shown) + more + " ]";
    }

    private static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring && declaring != typeof(object) && !declaring.Namespace!.StartsWith("System", StringComparison.Ordinal);

    private static FormatterSet? Discover(Type type)
    {
        foreach (object attribute in type.GetCustomAttributes(inherit: true))
        {
            var attributeType = attribute.GetType();
            if (attributeType.Name != "TypeFormatterSourceAttribute")
                continue;
            if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType)
                continue;
            object source = Activator.CreateInstance(sourceType)
                ?? throw new InvalidOperationException($"The formatter source {sourceType} of {type} could not be created.");
            if (sourceType.GetMethod("CreateTypeFormatters", Type.EmptyTypes)?.Invoke(source, null) is not IEnumerable formatters)
                throw new InvalidOperationException($"The formatter source {sourceType} of {type} has no public CreateTypeFormatters().");
            var byMime = new List<(string Mime, Type Type, object Formatter, MethodInfo Format)>();
            foreach (object formatter in formatters)
            {
                var formatterType = formatter.GetType();
                if (formatterType.GetProperty("MimeType")?.GetValue(formatter) is not string mime
                    || formatterType.GetMethod("Format", [typeof(object), typeof(TextWriter)]) is not { } format)
                    continue;
                var formats = formatterType.GetProperty("Type")?.GetValue(formatter) as Type ?? type;
                byMime.Add((mime, formats, formatter, format));
            }
            string[] preferred = attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[] is { Length: > 0 } p
                ? p
                : [.. byMime.Select(f => f.Mime).Distinct()];
            return new FormatterSet(preferred, byMime);
        }
        return null;
    }

    private sealed class FormatterSet(string[] preferred, List<(string Mime, Type Type, object Formatter, MethodInfo Format)> formatters)
    {
        public string[] Preferred { get; } = preferred;

        public bool TryFormat(object value, string mime, out string text)
        {
            foreach (var (formatterMime, type, formatter, format) in formatters)
            {
                if (formatterMime != mime || !type.IsInstanceOfType(value))
                    continue;
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                if (format.Invoke(formatter, [value, writer]) is true)
                {
                    text = writer.ToString();
                    return true;
                }
            }
            text = "";
            return false;
        }
    }
}
