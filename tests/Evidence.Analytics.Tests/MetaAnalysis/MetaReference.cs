using System.Globalization;
using Evidence.Analytics.Import;

namespace Evidence.Analytics.Tests.MetaAnalysis;

/// <summary>The reference values computed with metafor 3.8-1 by <c>reference/make-reference.R</c>, and the data sets
/// they were computed from (written by the same script).</summary>
internal static class MetaReference
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "MetaAnalysis", "reference");

    private static readonly Lazy<Dictionary<string, double>> Values = new(() =>
        ReadTable("reference.csv").ToDictionary(row => row["set"] + "|" + row["quantity"], row => Number(row["value"])));

    /// <summary>The value of <paramref name="quantity"/> for <paramref name="set"/> ("bcg.RR.REML.z", "tau2").</summary>
    public static double Value(string set, string quantity) =>
        Values.Value.TryGetValue(set + "|" + quantity, out var value) ? value : throw new KeyNotFoundException($"No reference value {set} {quantity}.");

    public static bool Has(string set, string quantity) => Values.Value.ContainsKey(set + "|" + quantity);

    /// <summary>The values quantity[1], quantity[2], … for <paramref name="set"/>.</summary>
    public static double[] Vector(string set, string quantity)
    {
        var values = new List<double>();
        while (Has(set, $"{quantity}[{values.Count + 1}]")) values.Add(Value(set, $"{quantity}[{values.Count + 1}]"));
        return [.. values];
    }

    /// <summary>A data set's rows, by column name.</summary>
    public static List<Dictionary<string, string>> ReadTable(string file)
    {
        var reader = new CsvRecordReader(File.ReadAllText(Path.Combine(Folder, file)));
        var cells = new List<RawCell>();
        var quoted = new List<QuotedValue>();
        reader.ReadRecord(cells, quoted);
        var header = cells.Select(c => c.Text ?? "").ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (!reader.AtEnd)
        {
            reader.ReadRecord(cells, quoted);
            if (cells.All(c => c.IsBlank)) continue;
            rows.Add(header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => cells[x.i].Text ?? ""));
        }
        return rows;
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The effect sizes of a set named as the R script names it ("bcg.RR", "normand.SMD", …).</summary>
    public static EffectSize[] EffectSizes(string set)
    {
        string[] parts = set.Split('.');
        var measure = EffectMeasures.FromCode(parts[1]) ?? throw new ArgumentException(set);
        return parts[0] switch
        {
            "bcg" => [.. ReadTable("bcg.csv").Select(r => EffectSize.FromCounts(measure, Number(r["tpos"]), Number(r["tneg"]), Number(r["cpos"]), Number(r["cneg"])))],
            "zeros" => [.. ReadTable("zeros.csv").Select(r => EffectSize.FromCounts(measure, Number(r["ai"]), Number(r["bi"]), Number(r["ci"]), Number(r["di"])))],
            "normand" => [.. ReadTable("normand1999.csv").Select(r => EffectSize.FromMeans(measure,
                Number(r["n1i"]), Number(r["m1i"]), Number(r["sd1i"]), Number(r["n2i"]), Number(r["m2i"]), Number(r["sd2i"])))],
            "molloy" => [.. ReadTable("molloy2014.csv").Select(r => EffectSize.FromCorrelation(Number(r["ri"]), Number(r["ni"])))],
            "pritz" => [.. ReadTable("pritz1997.csv").Select(r => EffectSize.FromProportion(measure, Number(r["xi"]), Number(r["ni"])))],
            _ => throw new ArgumentException(set),
        };
    }
}
