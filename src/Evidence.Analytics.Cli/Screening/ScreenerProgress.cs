using System.Collections.Immutable;
using System.Globalization;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Cli;

/// <summary>A stopping rule (as <c>--stop</c> writes it, and in plain words) and whether it would stop the screener now.</summary>
internal sealed record RuleStatus(string Rule, string Description, bool Met);

/// <summary>One screener's progress in a project: records screened, included, excluded and maybe; an estimate of recall;
/// and each stopping rule's status.</summary>
/// <remarks>For the stopping rules a maybe counts as possibly relevant (it ends a run of irrelevant records). The recall
/// estimate is found ÷ (found + rate × unscreened), where rate is the share of includes (and maybes) among the screener's
/// last <see cref="Window"/> decisions: the records not yet screened are ranked lower by the model, so they are assumed
/// no richer than the last ones read, and the estimate errs low while the model still finds relevant records.</remarks>
internal sealed record ScreenerProgress(string Screener, int Records, int Screened, int Included, int Excluded, int Maybe, double? EstimatedRecall, ImmutableArray<RuleStatus> Rules)
{
    public const int Window = 100;

    /// <summary>The stopping rules used when none are given: 100 irrelevant records in a row, and 95% recall with 95% confidence.</summary>
    public static ImmutableArray<StoppingRule> DefaultRules { get; } = [StoppingRule.ConsecutiveIrrelevant(100), StoppingRule.TargetRecall(0.95, 0.95)];

    /// <summary>The progress of a screener with these standing decisions (in the order made) in a project of <paramref name="records"/> records.</summary>
    public static ScreenerProgress Of(string screener, IReadOnlyList<ScreeningEvent> standing, int records, IReadOnlyList<StoppingRule> rules)
    {
        bool[] labels = [.. standing.Select(e => e.Choice != ScreeningChoice.Exclude)];
        int found = labels.Count(l => l);
        double? estimate = null;
        if (labels.Length > 0)
        {
            int window = Math.Min(Window, labels.Length);
            double rate = labels.Skip(labels.Length - window).Count(l => l) / (double)window;
            double remaining = rate * (records - labels.Length);
            estimate = found + remaining > 0 ? found / (found + remaining) : null;
        }
        var statuses = rules.Select(r => new RuleStatus(r.ToString(), r.Description, labels.Length > 0 && r.ShouldStop(labels, records, null))).ToImmutableArray();
        return new ScreenerProgress(screener, records, standing.Count, standing.Count(e => e.Choice == ScreeningChoice.Include),
            standing.Count(e => e.Choice == ScreeningChoice.Exclude), standing.Count(e => e.Choice == ScreeningChoice.Maybe), estimate, statuses);
    }

    /// <summary>Reads <c>--stop</c> rules; "relevant" needs every label and is refused for a live project.</summary>
    public static ImmutableArray<StoppingRule> ParseRules(IEnumerable<string>? texts)
    {
        var rules = (texts ?? []).Select(StoppingRule.Parse).ToImmutableArray();
        if (rules.Any(r => r.ToString() == "relevant"))
            throw new FormatException("The stopping rule 'relevant' needs every record's label; it is for simulations. Use irrelevant:N, fraction:F or recall:R[@C].");
        return rules.IsEmpty ? DefaultRules : rules;
    }

    /// <summary>Reads <c>--stop</c> rules, or writes why not to <paramref name="stderr"/> and returns false.</summary>
    public static bool TryParseRules(IEnumerable<string>? texts, TextWriter stderr, out ImmutableArray<StoppingRule> rules)
    {
        try
        {
            rules = ParseRules(texts);
            return true;
        }
        catch (FormatException e)
        {
            stderr.WriteLine(e.Message);
            rules = [];
            return false;
        }
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Screener}: {Screened:N0} of {Records:N0} screened, {Included:N0} included, {Excluded:N0} excluded, {Maybe:N0} maybe; estimated recall {(EstimatedRecall is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "–")}; stopping rules: {string.Join("; ", Rules.Select(s => $"{s.Description} ({s.Rule}) {(s.Met ? "met" : "not met")}"))}");
}
