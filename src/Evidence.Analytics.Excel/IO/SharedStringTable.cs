using System.Xml;

namespace Evidence.Analytics.Excel.IO;

/// <summary>The workbook's shared string table: each distinct text stored once, cells refer to it by index.</summary>
/// <remarks>Indices are given in order of first use, so the part is deterministic.</remarks>
internal sealed class SharedStringTable
{
    private readonly Dictionary<string, int> _indices;
    private readonly List<string> _strings;

    /// <param name="capacity">How many distinct strings to make room for at once.</param>
    public SharedStringTable(int capacity = 0)
    {
        _indices = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _strings = new List<string>(capacity);
    }

    /// <summary>How many times cells referred to a string.</summary>
    public int ReferenceCount { get; private set; }

    /// <summary>The index of a text, adding it if new.</summary>
    public int IndexOf(string text)
    {
        ReferenceCount++;
        ref int index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_indices, text, out bool exists);
        if (!exists)
        {
            index = _strings.Count;
            _strings.Add(text);
        }
        return index;
    }

    /// <summary>The index of a text, adding it if new; <paramref name="last"/> holds the text a column last referred to,
    /// so that a column repeating the very same string (a study's id and label on each of its findings' rows, a
    /// direction's label) skips the hashing.</summary>
    public int IndexOf(string text, ref (string? Text, int Index) last)
    {
        if (ReferenceEquals(text, last.Text))
        {
            ReferenceCount++;
            return last.Index;
        }
        int index = IndexOf(text);
        last = (text, index);
        return index;
    }

    /// <summary>Writes the sharedStrings part.</summary>
    public void Write(XmlWriter xml)
    {
        xml.WriteStartElement("sst", Namespaces.Main);
        xml.WriteAttributeString("count", ReferenceCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("uniqueCount", _strings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (string text in _strings)
        {
            xml.WriteStartElement("si", Namespaces.Main);
            xml.WriteStartElement("t", Namespaces.Main);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(XlsxText.Escape(text));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
