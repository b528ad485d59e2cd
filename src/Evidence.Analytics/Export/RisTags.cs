namespace Evidence.Analytics;

/// <summary>Writes one RIS tag line (<c>TAG  - value</c>), the one place both RIS writers (<see cref="StudiesRis"/> and
/// <see cref="RecordRis"/>) put a value on its line.</summary>
internal static class RisTags
{
    /// <summary>Writes <paramref name="tag"/> with <paramref name="value"/> on one line; a blank value writes nothing.</summary>
    /// <remarks>RIS has no escaping: a line break inside a value would start what a reader takes for a continuation or a
    /// new tag, so the value's lines are joined with spaces.</remarks>
    public static void Write(TextWriter writer, string tag, string? value, string lineEnd)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        writer.Write(tag);
        writer.Write("  - ");
        writer.Write(string.Join(" ", value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        writer.Write(lineEnd);
    }

    /// <summary>Ends a record.</summary>
    public static void End(TextWriter writer, string lineEnd)
    {
        writer.Write("ER  - ");
        writer.Write(lineEnd);
        writer.Write(lineEnd);
    }
}
