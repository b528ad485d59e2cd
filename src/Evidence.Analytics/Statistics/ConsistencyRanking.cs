using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>One row of a <see cref="ConsistencyRanking"/>: a label (an outcome domain or intervention type) with its share.</summary>
/// <param name="Rank">1 for the most consistent.</param>
/// <param name="Label">The outcome domain or intervention type.</param>
/// <param name="Share">The share of studies in the ranked direction, with its interval.</param>
public sealed partial record RankedShare(int Rank, string Label, Share Share)
{
    /// <summary>"1. Social connection: 9/10 = 0.900 (0.596 to 0.982)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rank}. {Label}: {Share.Numerator}/{Share.Denominator} = {Share.Proportion:0.000} ({Share.Lower:0.000} to {Share.Upper:0.000})");
}

/// <summary>Outcome domains (or intervention types) ranked by how consistently studies report improvement.</summary>
/// <remarks>
/// <para>Ranked by the <b>lower</b> confidence limit of the share, then the share, then the number of studies, then the
/// label: a domain where 9 of 10 studies improved ranks above one where 1 of 1 did, because the interval (not the
/// point estimate) says how sure the evidence is. Labels with no study reporting a direction are listed in
/// <see cref="NoEvidence"/>.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed partial class ConsistencyRanking
{
    internal ConsistencyRanking(Dimension by, IEnumerable<(string Label, Share Share)> shares)
    {
        By = by;
        var all = shares.ToList();
        var ranked = all.Where(s => s.Share.Denominator > 0)
            .OrderByDescending(s => s.Share.Lower)
            .ThenByDescending(s => s.Share.Proportion)
            .ThenByDescending(s => s.Share.Denominator)
            .ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
        Entries = [.. ranked.Select((s, i) => new RankedShare(i + 1, s.Label, s.Share))];
        NoEvidence = [.. all.Where(s => s.Share.Denominator == 0).Select(s => s.Label)];
    }

    /// <summary>What is ranked: <see cref="Dimension.OutcomeDomain"/> or <see cref="Dimension.InterventionType"/>.</summary>
    public Dimension By { get; }

    /// <summary>The ranked shares, most consistent first.</summary>
    public ImmutableArray<RankedShare> Entries { get; }

    /// <summary>Labels where no study reported a direction.</summary>
    public ImmutableArray<string> NoEvidence { get; }

    /// <summary>One line per entry, then the labels without evidence.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{By.Label()} ranked by share of studies ")
            .Append(Entries.IsEmpty ? "improved" : Entries[0].Share.Direction.Label().ToLowerInvariant())
            .Append(" (lower confidence limit first)");
        foreach (var entry in Entries) text.AppendLine().Append(entry);
        if (!NoEvidence.IsEmpty) text.AppendLine().Append("No studies: ").Append(string.Join(", ", NoEvidence));
        return text.ToString();
    }
}
