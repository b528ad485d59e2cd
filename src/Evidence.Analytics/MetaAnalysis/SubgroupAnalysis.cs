using System.Globalization;

namespace Evidence.Analytics;

/// <summary>One subgroup of a subgroup analysis: its label and its own meta-analysis.</summary>
/// <param name="Label">The subgroup's label.</param>
/// <param name="Analysis">The meta-analysis of the subgroup's studies (its own τ²).</param>
public sealed partial record Subgroup(string Label, MetaAnalysis Analysis);

/// <summary>A subgroup analysis as RevMan and the Cochrane Handbook (§10.11.3) do it: a separate meta-analysis in each
/// subgroup, then the test for subgroup differences Q_between = Σ (μ̂_g − μ̄)²/SE_g², with μ̄ their inverse-variance
/// mean, against χ² with G − 1 degrees of freedom.</summary>
/// <remarks>Subgroups are in order of first appearance. Immutable.</remarks>
public sealed partial class SubgroupAnalysis
{
    private SubgroupAnalysis(IReadOnlyList<Subgroup> subgroups, double q)
    {
        Subgroups = subgroups;
        BetweenQ = q;
        BetweenDegreesOfFreedom = subgroups.Count - 1;
        BetweenPValue = ModelFit.ChiSquaredUpper(q, BetweenDegreesOfFreedom);
    }

    /// <summary>The subgroups, in order of first appearance.</summary>
    public IReadOnlyList<Subgroup> Subgroups { get; }

    /// <summary>The test for subgroup differences, Q between subgroups.</summary>
    public double BetweenQ { get; }

    /// <summary>Its degrees of freedom, G − 1.</summary>
    public int BetweenDegreesOfFreedom { get; }

    /// <summary>Its P value.</summary>
    public double BetweenPValue { get; }

    /// <summary>Pools each subgroup of <paramref name="studies"/> (labelled by <paramref name="groups"/>, one per study)
    /// and tests the differences between them.</summary>
    /// <exception cref="ArgumentException">The labels do not match the studies, a label is blank, there are fewer than 2
    /// subgroups, or a subgroup has fewer than 2 studies.</exception>
    public static SubgroupAnalysis Fit(IEnumerable<EffectSize> studies, IReadOnlyList<string> groups, MetaAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(groups);
        var list = studies.ToArray();
        if (groups.Count != list.Length)
            throw new ArgumentException($"There are {groups.Count} subgroup labels for {list.Length} studies.", nameof(groups));
        for (int i = 0; i < groups.Count; i++)
            if (string.IsNullOrWhiteSpace(groups[i]))
                throw new ArgumentException($"Study {i + 1} has no subgroup label.", nameof(groups));
        var labels = groups.Select(g => g.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
            throw new ArgumentException("A subgroup analysis needs at least 2 subgroups.", nameof(groups));
        var subgroups = new List<Subgroup>();
        foreach (var label in labels)
        {
            var members = list.Where((_, i) => groups[i].Trim() == label).ToArray();
            if (members.Length < 2)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The subgroup {label} has {members.Length} study; each subgroup needs at least 2."), nameof(groups));
            subgroups.Add(new Subgroup(label, MetaAnalysis.Fit(members, options)));
        }
        double weights = subgroups.Sum(s => 1 / (s.Analysis.StandardError * s.Analysis.StandardError));
        double mean = subgroups.Sum(s => s.Analysis.Estimate / (s.Analysis.StandardError * s.Analysis.StandardError)) / weights;
        double q = subgroups.Sum(s => Math.Pow(s.Analysis.Estimate - mean, 2) / (s.Analysis.StandardError * s.Analysis.StandardError));
        return new SubgroupAnalysis(subgroups, q);
    }
}
