using System.Globalization;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Cli;

/// <summary>A screening project's decision history as CSV: one line per event, in order.</summary>
internal static class DecisionCsv
{
    public static IReadOnlyList<string> Columns { get; } =
        ["sequence", "time", "screener", "kind", "record_id", "decision", "note", "exclusion_reason", "screener_sequence", "undoes"];

    public static void Write(TextWriter writer, IEnumerable<ScreeningEvent> events)
    {
        writer.Write(string.Join(",", Columns));
        writer.Write("\r\n");
        foreach (var e in events)
        {
            string?[] fields =
            [
                e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), e.Screener,
                e.Kind.ToString().ToLowerInvariant(), e.RecordId, e.Choice?.ToString().ToLowerInvariant(), e.Note, e.ExclusionReason,
                e.ScreenerSequence?.ToString(CultureInfo.InvariantCulture), e.Undoes?.ToString(CultureInfo.InvariantCulture),
            ];
            writer.Write(string.Join(",", fields.Select(CsvField.Escape)));
            writer.Write("\r\n");
        }
    }
}
