using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Evidence.Analytics;

/// <summary>Themes against configuration families: which configurations, and how many distinct studies, each theme
/// has in each family.</summary>
/// <remarks>
/// <para>Themes match ignoring case; a theme is spelled as it first appears. Themes are ordered by the first family they
/// appear in, then by first appearance, so a review's take-up themes come before its impact themes.</para>
/// <para>A configuration tagged with two themes counts in both rows, so row totals can exceed the number of
/// configurations. Configurations with no theme are listed in <see cref="Untagged"/>, not dropped.</para>
/// </remarks>
public sealed partial class ThemeFamilyMatrix
{
    private readonly ImmutableArray<ImmutableArray<ImmutableArray<ConfigurationSupport>>> _cells;

    internal ThemeFamilyMatrix(ImmutableArray<ConfigurationSupport> configurations, ImmutableArray<ConfigurationFamily> families)
    {
        Families = families;
        var themes = new List<string>();
        var rowOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var firstFamily = new List<int>();
        foreach (var support in configurations)
        {
            foreach (string theme in support.Configuration.Themes)
            {
                if (rowOf.ContainsKey(theme)) continue;
                rowOf[theme] = themes.Count;
                themes.Add(theme);
                firstFamily.Add(families.IndexOf(support.Configuration.Family));
            }
        }
        int[] order = [.. Enumerable.Range(0, themes.Count).OrderBy(i => firstFamily[i]).ThenBy(i => i)];
        Themes = [.. order.Select(i => themes[i])];

        var cells = Themes.Select(_ => families.Select(_ => new List<ConfigurationSupport>()).ToArray()).ToArray();
        var row = Themes.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.OrdinalIgnoreCase);
        foreach (var support in configurations)
        {
            int column = families.IndexOf(support.Configuration.Family);
            foreach (string theme in support.Configuration.Themes)
                cells[row[theme]][column].Add(support);
        }
        _cells = [.. cells.Select(r => r.Select(c => c.ToImmutableArray()).ToImmutableArray())];
        Untagged = [.. configurations.Where(s => s.Configuration.Themes.IsEmpty).Select(s => s.Configuration)];
    }

    /// <summary>The themes (rows).</summary>
    public ImmutableArray<string> Themes { get; }

    /// <summary>The families (columns).</summary>
    public ImmutableArray<ConfigurationFamily> Families { get; }

    /// <summary>Configurations with no theme tag.</summary>
    public ImmutableArray<CmoConfiguration> Untagged { get; }

    /// <summary>The configurations tagged with a theme in a family.</summary>
    /// <exception cref="KeyNotFoundException">The theme or family is not in the matrix.</exception>
    public ImmutableArray<CmoConfiguration> Configurations(string theme, ConfigurationFamily family) =>
        [.. Cell(theme, family).Select(s => s.Configuration)];

    /// <summary>The number of configurations tagged with a theme in a family.</summary>
    /// <exception cref="KeyNotFoundException">The theme or family is not in the matrix.</exception>
    public int Count(string theme, ConfigurationFamily family) => Cell(theme, family).Length;

    /// <summary>The number of distinct studies supporting the configurations tagged with a theme in a family.</summary>
    /// <exception cref="KeyNotFoundException">The theme or family is not in the matrix.</exception>
    public int StudyCount(string theme, ConfigurationFamily family) =>
        Cell(theme, family).SelectMany(s => s.Studies).Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>The number of distinct studies supporting any configuration tagged with a theme, in any family.</summary>
    /// <remarks>Not the sum of the theme's <see cref="StudyCount(string, ConfigurationFamily)"/> cells: a study supporting
    /// the theme's configurations in two families counts once here.</remarks>
    /// <exception cref="KeyNotFoundException">The theme is not in the matrix.</exception>
    public int StudyCount(string theme) =>
        _cells[Row(theme)].SelectMany(cell => cell).SelectMany(s => s.Studies).Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>A text table: one line per theme, configurations per family.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Theme").Append(string.Concat(Families.Select(f => " | " + f.Name))).Append('\n');
        foreach (string theme in Themes)
        {
            text.Append(theme);
            foreach (var family in Families)
                text.Append(" | ").Append(Count(theme, family).ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        if (!Untagged.IsEmpty)
            text.Append("(no theme): ").Append(string.Join(", ", Untagged.Select(c => c.Id))).Append('\n');
        return text.ToString();
    }

    private ImmutableArray<ConfigurationSupport> Cell(string theme, ConfigurationFamily family)
    {
        int row = Row(theme);
        ArgumentNullException.ThrowIfNull(family);
        int column = Families.IndexOf(family);
        if (column < 0) throw new KeyNotFoundException($"The family '{family}' is not in the matrix.");
        return _cells[row][column];
    }

    private int Row(string theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        int row = Themes.IndexOf(theme, StringComparer.OrdinalIgnoreCase);
        if (row < 0) throw new KeyNotFoundException($"No configuration has the theme '{theme}'.");
        return row;
    }
}
