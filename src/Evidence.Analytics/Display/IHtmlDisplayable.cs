namespace Evidence.Analytics;

/// <summary>A value that renders itself as an HTML fragment for notebooks and reports.</summary>
/// <remarks>Types that already have a public <c>ToHtml()</c> satisfy this implicitly; the plain-text form defaults to
/// <see cref="object.ToString"/>.</remarks>
internal interface IHtmlDisplayable
{
    /// <summary>A self-contained HTML fragment: scoped CSS, encoded data, no scripts.</summary>
    string ToHtml();

    /// <summary>The plain-text form shown where HTML is not rendered.</summary>
    string ToPlainText() => ToString() ?? "";
}
