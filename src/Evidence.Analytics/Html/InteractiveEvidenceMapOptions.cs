using System.Collections.Immutable;

namespace Evidence.Analytics;

/// <summary>How an evidence gap map cell shows its number of studies.</summary>
public enum EvidenceMapCellStyle
{
    /// <summary>A circle whose area is proportional to the number of distinct studies (the usual EGM display).</summary>
    Bubble,
    /// <summary>A shaded cell whose darkness grows with the number of distinct studies (a heat map).</summary>
    Heat,
}

/// <summary>Options for <see cref="InteractiveEvidenceMap"/>: the title, the initial cell style and the descriptions
/// shown for rows and columns.</summary>
/// <remarks>Every option only sets the page's starting state; the reader can change the cell style, the rows and
/// columns and the filters in the page itself.</remarks>
public sealed class InteractiveEvidenceMapOptions
{
    /// <summary>The options used when none are given.</summary>
    public static InteractiveEvidenceMapOptions Default { get; } = new();

    /// <summary>The page title.</summary>
    /// <value>The default is null: the review's title.</value>
    public string? Title { get; init; }

    /// <summary>The initial cell style.</summary>
    /// <value>The default is <see cref="EvidenceMapCellStyle.Bubble"/>.</value>
    public EvidenceMapCellStyle CellStyle { get; init; } = EvidenceMapCellStyle.Bubble;

    /// <summary>The confidence level of the intervals in the shares panel, strictly between 0 and 1.</summary>
    /// <value>The default is 0.95.</value>
    /// <exception cref="ArgumentOutOfRangeException">The level is not strictly between 0 and 1.</exception>
    public double ConfidenceLevel
    {
        get => _confidenceLevel;
        init
        {
            if (!(value > 0 && value < 1))
                throw new ArgumentOutOfRangeException(nameof(value), value, "A confidence level must be strictly between 0 and 1.");
            _confidenceLevel = value;
        }
    }

    private readonly double _confidenceLevel = 0.95;

    /// <summary>Descriptions of intervention types, outcome domains or other row and column labels, by label (ignoring
    /// case); they override the built-in descriptions of the seeded vocabulary.</summary>
    /// <value>The default is empty.</value>
    public ImmutableDictionary<string, string> Descriptions { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
}
