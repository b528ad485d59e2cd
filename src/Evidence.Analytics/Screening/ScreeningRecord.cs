namespace Evidence.Analytics;

/// <summary>One screener's decision on one record, as read from a file.</summary>
/// <param name="RecordId">The record (citation) identifier.</param>
/// <param name="Screener">The screener's name or initials.</param>
/// <param name="Decision">Include or exclude.</param>
/// <param name="Row">The 1-based spreadsheet row it came from, or 0 when built in code.</param>
public sealed record ScreeningRecord(string RecordId, string Screener, ScreeningDecision Decision, int Row = 0);
