using System.Globalization;

namespace Evidence.Analytics.Excel.Summary;

/// <summary>A share of studies reporting improvement on one outcome, as shown in the workbook.</summary>
internal sealed record ShareFigure(string Label, int Improved, int Measured, double Proportion, double Lower, double Upper)
{
    /// <summary>"45–94%".</summary>
    public string Interval => string.Create(CultureInfo.InvariantCulture, $"{Lower * 100:0}–{Upper * 100:0}%");
}

/// <summary>The numbers the summary workbook shows, worked out once from the evidence base.</summary>
internal sealed class SummaryFigures
{
    public SummaryFigures(EvidenceBase evidence)
    {
        var byType = new Dictionary<InterventionType, int>();
        var byGroup = new int[Enum.GetValues<DesignGroup>().Length];
        foreach (var study in evidence.Studies)
        {
            byGroup[(int)study.DesignGroup]++;
            foreach (var type in evidence.InterventionTypesOf(study))
                byType[type] = byType.GetValueOrDefault(type) + 1;
        }
        var types = InterventionType.Seeded.Concat(byType.Keys.Where(t => !InterventionType.Seeded.Contains(t)).Order());
        StudiesByType = types.Select(t => (t.Name, byType.GetValueOrDefault(t))).ToArray();
        StudiesByDesignGroup = Enum.GetValues<DesignGroup>().Select(g => (g.Label(), byGroup[(int)g])).ToArray();
    }

    /// <summary>Distinct studies per intervention type (seeded types first, then added ones).</summary>
    public IReadOnlyList<(string Label, int Studies)> StudiesByType { get; }

    /// <summary>Studies per design group.</summary>
    public IReadOnlyList<(string Label, int Studies)> StudiesByDesignGroup { get; }

    /// <summary>Per outcome domain, the share of studies that measured it and reported improvement.</summary>
    public IReadOnlyList<ShareFigure> ImprovedShares { get; } = [];
}
