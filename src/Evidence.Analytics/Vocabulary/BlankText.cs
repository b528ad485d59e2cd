using System.Buffers;
using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>The blank markers: text people type for "nothing here", which every cell reads as empty, never as a value
/// (published as <see cref="Vocabularies.BlankMarkers"/>).</summary>
/// <remarks>Apart from <see cref="Vocabularies"/> so that a vocabulary checks its spellings against the markers without
/// building every other vocabulary first (the command line's own, such as the map dimensions, start with it).</remarks>
internal static class BlankText
{
    /// <summary>The markers, as <see cref="Vocabularies.BlankMarkers"/> lists them.</summary>
    public static ImmutableArray<string> Markers { get; } = ["NULL", "NA", "N/A", "N.A.", "#N/A", "nil", "none", "-", "--", "–", "—", ".", "?"];

    // The first characters of the markers, either case: most short cells ("RCT", "UK", "2019") start otherwise.
    private static readonly SearchValues<char> Starts =
        SearchValues.Create(string.Concat(Markers.Select(m => char.ToLowerInvariant(m[0]).ToString() + char.ToUpperInvariant(m[0]))));

    /// <summary>Whether text (ignoring case and surrounding spaces) is one of the markers.</summary>
    /// <remarks>Called for every cell read, so it neither allocates nor normalises: the markers are short, and most cells are not.</remarks>
    public static bool IsMarker(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length is 0 or > 4 || !Starts.Contains(span[0])) return false;
        foreach (string marker in Markers)
        {
            if (span.Equals(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
