namespace Evidence.Analytics;

/// <summary>How a confidence interval for a proportion is computed.</summary>
/// <remarks>Brown, Cai &amp; DasGupta (2001, <i>Statistical Science</i> 16:101–133) recommend Wilson or Agresti–Coull
/// for small n; the Cochrane Handbook (ch. 12) reports vote-counting proportions with a Wilson interval. Clopper–Pearson
/// is the "exact" interval R's <c>binom.test</c> reports: it is conservative (wider than nominal).</remarks>
public enum IntervalMethod
{
    /// <summary>The Wilson score interval (the default).</summary>
    Wilson,
    /// <summary>The Clopper–Pearson exact interval, from Beta quantiles.</summary>
    ClopperPearson,
    /// <summary>The Agresti–Coull adjusted Wald interval ("add z²/2 successes and failures").</summary>
    AgrestiCoull,
}

/// <summary>Labels and spellings of <see cref="IntervalMethod"/> values.</summary>
public static class IntervalMethods
{
    /// <summary>The accepted spellings ("wilson", "clopper-pearson", "exact", "agresti-coull").</summary>
    public static Vocabulary<IntervalMethod> Vocabulary { get; } = new("interval method",
    [
        (IntervalMethod.Wilson, "Wilson", ["wilson score", "score"]),
        (IntervalMethod.ClopperPearson, "Clopper-Pearson", ["exact", "clopper pearson exact", "cp"]),
        (IntervalMethod.AgrestiCoull, "Agresti-Coull", ["agresti", "ac", "adjusted wald"]),
    ]);

    /// <summary>The method's name as printed with results ("Wilson", "Clopper-Pearson", "Agresti-Coull").</summary>
    public static string Label(this IntervalMethod method) => Vocabulary.Label(method);
}
