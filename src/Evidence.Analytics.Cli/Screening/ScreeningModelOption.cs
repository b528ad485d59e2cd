using System.CommandLine;

namespace Evidence.Analytics.Cli;

/// <summary>The <c>--model</c> option of <c>evidence screen simulate</c> and <c>evidence screen serve</c>.</summary>
internal static class ScreeningModelOption
{
    /// <summary>The option, "svm" by default, with <paramref name="description"/> before the list of models.</summary>
    public static Option<string> Create(string description) => new("--model")
    {
        Description = description + ": svm (linear SVM, ASReview's ELAS u4), nb (naive Bayes, ELAS u3) or logistic (logistic regression).",
        DefaultValueFactory = _ => "svm",
    };

    /// <summary>The model a value names, or false with the reason written to <paramref name="stderr"/>.</summary>
    public static bool TryParse(string? text, TextWriter stderr, out ScreeningModel model)
    {
        try
        {
            model = ScreeningModel.Named(text ?? "");
            return true;
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(e.Message.Split(" (Parameter", 2)[0]);
            model = ScreeningModel.ElasU4;
            return false;
        }
    }
}
