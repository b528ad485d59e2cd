using System.Collections.Immutable;
using System.Globalization;

namespace Evidence.Analytics;

/// <summary>The classifier that ranks the records not yet screened.</summary>
public enum ScreeningClassifier
{
    /// <summary>A linear support vector machine (squared hinge loss), ranking by its decision value: ASReview's default (ELAS u4).</summary>
    Svm,
    /// <summary>Multinomial naive Bayes, ranking by the probability of relevance (ELAS u3).</summary>
    NaiveBayes,
    /// <summary>L2-regularised logistic regression, ranking by the probability of relevance.</summary>
    Logistic,
}

/// <summary>How the next record to screen is chosen from the ranking.</summary>
public enum QueryStrategy
{
    /// <summary>The record ranked highest ("max"; ties go to the record earlier in the file).</summary>
    Max,
    /// <summary>The highest-ranked record with probability 0.95, otherwise a record drawn at random ("max_random").</summary>
    MaxRandom,
}

/// <summary>A screening model: the text features, the classifier and its parameters, the class balancing and the query
/// strategy. Every simulation records the model it ran (<see cref="Parameters"/>), since presets drift between versions.</summary>
/// <remarks>Features are TF-IDF of title and abstract (word unigrams and bigrams, sublinear tf, max_df, smoothed idf,
/// L2 norm), fitted once on all records. The balancer weighs relevant records 1 and irrelevant ones
/// n₁ ÷ (ratio · n₀), then scales all weights to sum to n (ASReview's <c>Balanced</c>).</remarks>
public sealed partial record ScreeningModel
{
    /// <summary>The preset's name ("elas_u4"), or a name of one's own.</summary>
    public required string Name { get; init; }

    /// <summary>The classifier.</summary>
    public required ScreeningClassifier Classifier { get; init; }

    /// <summary>The regularisation constant C of the SVM or logistic regression.</summary>
    public double C { get; init; } = 1.0;

    /// <summary>The additive smoothing (alpha) of naive Bayes.</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>The balancer's ratio, or null for no balancing (every record weighs 1).</summary>
    public double? BalanceRatio { get; init; }

    /// <summary>The query strategy.</summary>
    public QueryStrategy Query { get; init; } = QueryStrategy.Max;

    /// <summary>The longest word n-gram of the features (2: unigrams and bigrams).</summary>
    public int MaxNgram { get; init; } = 2;

    /// <summary>Whether term frequency is 1 + ln(count).</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>Terms in more than this proportion of the records are dropped.</summary>
    public double MaxDocumentFrequency { get; init; } = 0.95;

    /// <summary>Whether English stop words (scikit-learn's list) are dropped.</summary>
    public bool EnglishStopWords { get; init; }

    /// <summary>The SVM's stopping tolerance and most passes (scikit-learn's defaults 1e-4 and 1000).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>The most optimiser passes (SVM) or iterations (logistic regression).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>ASReview's default, ELAS u4: TF-IDF (1–2-grams, sublinear tf, max_df 0.95), linear SVM with C = 0.11,
    /// balanced with ratio 9.8, query max.</summary>
    public static ScreeningModel ElasU4 { get; } = new() { Name = "elas_u4", Classifier = ScreeningClassifier.Svm, C = 0.11, BalanceRatio = 9.8 };

    /// <summary>ELAS u3 ("mimics v1"): TF-IDF without English stop words, multinomial naive Bayes with alpha 3.822,
    /// balanced with ratio 1.2, query max.</summary>
    public static ScreeningModel ElasU3 { get; } = new() { Name = "elas_u3", Classifier = ScreeningClassifier.NaiveBayes, Alpha = 3.822, BalanceRatio = 1.2, EnglishStopWords = true };

    /// <summary>TF-IDF as u4 with logistic regression at scikit-learn's defaults (C = 1, L2, intercept not penalised,
    /// at most 100 iterations), no balancing, query max.</summary>
    public static ScreeningModel LogisticRegression { get; } = new() { Name = "logistic", Classifier = ScreeningClassifier.Logistic, C = 1.0, MaxIterations = 100 };

    /// <summary>Every parameter, by name, as text written with the invariant culture: what a run records.</summary>
    public ImmutableSortedDictionary<string, string> Parameters
    {
        get
        {
            string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
            var parameters = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            parameters["name"] = Name;
            parameters["feature_extractor"] = "tfidf";
            parameters["feature_extractor.ngram_range"] = string.Create(CultureInfo.InvariantCulture, $"(1, {MaxNgram})");
            parameters["feature_extractor.sublinear_tf"] = SublinearTf ? "true" : "false";
            parameters["feature_extractor.max_df"] = N(MaxDocumentFrequency);
            parameters["feature_extractor.min_df"] = "1";
            parameters["feature_extractor.norm"] = "l2";
            parameters["feature_extractor.smooth_idf"] = "true";
            parameters["feature_extractor.stop_words"] = EnglishStopWords ? "english" : "none";
            parameters["classifier"] = Classifier switch { ScreeningClassifier.Svm => "svm", ScreeningClassifier.NaiveBayes => "nb", _ => "logistic" };
            switch (Classifier)
            {
                case ScreeningClassifier.Svm:
                    parameters["classifier.C"] = N(C);
                    parameters["classifier.loss"] = "squared_hinge";
                    parameters["classifier.tol"] = N(Tolerance);
                    parameters["classifier.max_iter"] = MaxIterations.ToString(CultureInfo.InvariantCulture);
                    parameters["classifier.intercept_scaling"] = "1";
                    break;
                case ScreeningClassifier.NaiveBayes:
                    parameters["classifier.alpha"] = N(Alpha);
                    parameters["classifier.fit_prior"] = "true";
                    break;
                default:
                    parameters["classifier.C"] = N(C);
                    parameters["classifier.penalty"] = "l2";
                    parameters["classifier.max_iter"] = MaxIterations.ToString(CultureInfo.InvariantCulture);
                    break;
            }
            parameters["balancer"] = BalanceRatio is null ? "none" : "balanced";
            if (BalanceRatio is { } ratio) parameters["balancer.ratio"] = N(ratio);
            parameters["querier"] = Query == QueryStrategy.Max ? "max" : "max_random";
            if (Query == QueryStrategy.MaxRandom) parameters["querier.probability"] = "0.95";
            return parameters.ToImmutable();
        }
    }

    /// <summary>A preset by its name: "svm" or "elas_u4", "nb" or "elas_u3", "logistic".</summary>
    /// <exception cref="ArgumentException">The name is not a preset.</exception>
    public static ScreeningModel Named(string name) => name.Trim().ToLowerInvariant() switch
    {
        "svm" or "elas_u4" or "u4" => ElasU4,
        "nb" or "naive bayes" or "elas_u3" or "u3" => ElasU3,
        "logistic" or "lr" => LogisticRegression,
        _ => throw new ArgumentException($"'{name}' is not a screening model; expected svm (elas_u4), nb (elas_u3) or logistic.", nameof(name)),
    };

    /// <summary>The options of the model's TF-IDF features.</summary>
    internal TfidfOptions FeatureOptions => new(MaxNgram, SublinearTf, MaxDocumentFrequency, 1, EnglishStopWords);

    internal void Check()
    {
        if (!(C > 0) || !(Alpha > 0) || BalanceRatio is <= 0 || double.IsNaN(BalanceRatio ?? 1) || MaxNgram < 1 || !(MaxDocumentFrequency > 0 && MaxDocumentFrequency <= 1) || !(Tolerance > 0) || MaxIterations < 1)
            throw new ArgumentException($"The model {Name} has a parameter out of range: C and alpha must be positive, the balance ratio positive or absent, max_df in (0, 1], the n-gram length, tolerance and iterations positive.");
    }
}
