namespace Evidence.Analytics;

/// <summary>Names the formatter source that renders a type in a notebook.</summary>
/// <remarks>
/// <para>.NET Interactive recognises an attribute by this <em>name</em>, declared in any namespace and of any
/// visibility, so the library gets rich notebook display without referencing any .NET Interactive package (whose
/// versions break extensions across releases, and which Microsoft deprecated in 2026). The notebook runner
/// (<c>evidence notebook run</c>) discovers it the same way.</para>
/// <para>To make a type displayable, give it a public <c>ToHtml()</c> (or implement <see cref="IHtmlDisplayable"/>)
/// and add <c>[TypeFormatterSource(typeof(DisplayFormatterSource&lt;T&gt;))]</c>.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Names the formatter source; both HTML and plain text are preferred, so notebooks save both.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        ArgumentNullException.ThrowIfNull(formatterSourceType);
        FormatterSourceType = formatterSourceType;
    }

    /// <summary>The formatter source: a class with a parameterless constructor and <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types a notebook emits for the type, in order of preference.</summary>
    public string[] PreferredMimeTypes { get; set; } = [DisplayFormatter.Html, DisplayFormatter.PlainText];
}
