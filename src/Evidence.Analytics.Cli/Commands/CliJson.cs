using System.Text;
using System.Text.Json;

namespace Evidence.Analytics.Cli;

/// <summary>The JSON the commands write under <c>--json</c>: one indented object.</summary>
internal static class CliJson
{
    /// <summary>One indented JSON object whose members <paramref name="body"/> writes.</summary>
    public static string Object(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
