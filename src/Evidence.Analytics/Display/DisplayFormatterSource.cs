using System.Reflection;

namespace Evidence.Analytics;

/// <summary>The formatter source named by <see cref="TypeFormatterSourceAttribute"/>: HTML and plain-text
/// formatters for <typeparamref name="T"/>.</summary>
/// <remarks>The source is generic so that each formatter declares the exact type it formats: a notebook kernel
/// registers formatters by their <c>Type</c>, and one registered for <see cref="object"/> would take over every value.</remarks>
/// <typeparam name="T">The displayable type.</typeparam>
internal sealed class DisplayFormatterSource<T>
{
    /// <summary>Creates the formatters, HTML first.</summary>
    /// <remarks>An instance method because the kernel calls it by reflection on an instance.</remarks>
#pragma warning disable CA1822
    public IEnumerable<object> CreateTypeFormatters() =>
        [new DisplayFormatter(typeof(T), DisplayFormatter.Html), new DisplayFormatter(typeof(T), DisplayFormatter.PlainText)];
#pragma warning restore CA1822
}

/// <summary>Formats a displayable value as HTML or plain text, by the convention a notebook kernel expects
/// (<c>MimeType</c>, <c>Type</c>, <c>Format(object, TextWriter)</c>).</summary>
internal sealed class DisplayFormatter
{
    /// <summary>The HTML MIME type.</summary>
    public const string Html = "text/html";

    /// <summary>The plain-text MIME type.</summary>
    public const string PlainText = "text/plain";

    /// <summary>Creates a formatter for a type and MIME type.</summary>
    public DisplayFormatter(Type type, string mimeType)
    {
        Type = type;
        MimeType = mimeType;
    }

    /// <summary>The MIME type written.</summary>
    public string MimeType { get; }

    /// <summary>The type formatted.</summary>
    public Type Type { get; }

    /// <summary>Writes <paramref name="instance"/>; false when it is not of <see cref="Type"/> (the kernel then tries others).</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !Type.IsInstanceOfType(instance))
            return false;
        writer.Write(MimeType == Html ? ToHtml(instance) : ToPlainText(instance));
        return true;
    }

    /// <summary>The value's HTML: <see cref="IHtmlDisplayable.ToHtml"/>, a public <c>ToHtml()</c>, or a public
    /// <c>ToSvg()</c> wrapped in the display container; for a value with none of these (a study, a count), its text,
    /// encoded, in the display container.</summary>
    internal static string ToHtml(object instance)
    {
        if (instance is IHtmlDisplayable displayable)
            return displayable.ToHtml();
        if (Invoke(instance, "ToHtml") is { } html)
            return html;
        return HtmlFragment.Wrap(Invoke(instance, "ToSvg") is { } svg
            ? svg
            : "<div class=\"ea-lead\" style=\"white-space:pre-wrap\">" + HtmlFragment.Encode(ToPlainText(instance)) + "</div>");
    }

    /// <summary>The value's plain text: <see cref="IHtmlDisplayable.ToPlainText"/>, a chart's title and description
    /// (its numbers in words), or <see cref="object.ToString"/>.</summary>
    internal static string ToPlainText(object instance) => instance switch
    {
        IHtmlDisplayable displayable => displayable.ToPlainText(),
        Chart chart => chart.Title + "\n" + chart.Description,
        _ => instance.ToString() ?? "",
    };

    private static string? Invoke(object instance, string methodName) =>
        instance.GetType().GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { ReturnType: var returns } method
        && returns == typeof(string)
            ? (string?)method.Invoke(instance, null)
            : null;
}
