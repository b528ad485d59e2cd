namespace Evidence.Analytics;

/// <summary>A deterministic random number stream (SplitMix64), the same on every machine and .NET version.</summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, n), without modulo bias.</summary>
    public int NextInt(int n)
    {
        ulong bound = (ulong)n, limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do value = Next(); while (value >= limit);
        return (int)(value % bound);
    }

    /// <summary>Shuffles a list in place (Fisher–Yates).</summary>
    public void Shuffle(IList<int> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>A classifier trained on the labelled records and scoring every record; higher scores rank first.</summary>
internal abstract class RankingClassifier
{
    /// <summary>Trains on the labelled records (in labelling order) with their sample weights.</summary>
    public abstract void Fit(SparseRows features, IReadOnlyList<int> labelled, IReadOnlyList<bool> relevant, double[] weights);

    /// <summary>The score of one record.</summary>
    public abstract double Score(SparseRows features, int record);

    public static RankingClassifier Create(ScreeningModel model, int columns, ulong seed) => model.Classifier switch
    {
        ScreeningClassifier.Svm => new LinearSvm(model.C, model.Tolerance, model.MaxIterations, columns, seed),
        ScreeningClassifier.NaiveBayes => new NaiveBayes(model.Alpha, columns),
        _ => new LogisticRegression(model.C, model.MaxIterations, columns),
    };

    /// <summary>ASReview's balanced sample weights: 1 for relevant, n₁ ÷ (ratio · n₀) for irrelevant, scaled to sum to n;
    /// all 1 without a ratio.</summary>
    public static double[] Weights(IReadOnlyList<bool> relevant, double? ratio)
    {
        var weights = new double[relevant.Count];
        if (ratio is not { } r)
        {
            Array.Fill(weights, 1.0);
            return weights;
        }
        int n1 = relevant.Count(x => x), n0 = relevant.Count - n1;
        double w0 = n0 == 0 ? 1.0 : n1 / (r * n0);
        double sum = 0;
        for (int i = 0; i < weights.Length; i++) sum += weights[i] = relevant[i] ? 1.0 : w0;
        double scale = relevant.Count / sum;
        for (int i = 0; i < weights.Length; i++) weights[i] *= scale;
        return weights;
    }
}

/// <summary>A linear SVM with the squared hinge loss, trained by dual coordinate descent as liblinear trains it (Hsieh et
/// al. 2008): the intercept is a regularised feature of value 1, each record's C is C times its weight, records are
/// visited in a seeded random order each pass, records that stay at zero are shrunk out of the passes, and passes stop
/// when the projected gradient's spread over all records is at most the tolerance. The dual variables of records already labelled are kept from the previous fit (a warm start: the
/// optimum is unique, so only the number of passes changes).</summary>
internal sealed class LinearSvm(double c, double tolerance, int maxIterations, int columns, ulong seed) : RankingClassifier
{
    private readonly double[] _w = new double[columns];
    private readonly List<double> _alpha = [];
    private readonly SplitMix _random = new(seed);
    private double[] _norms = [];
    private double _bias;

    public int Passes { get; private set; }

    public override void Fit(SparseRows x, IReadOnlyList<int> labelled, IReadOnlyList<bool> relevant, double[] weights)
    {
        int n = labelled.Count;
        while (_alpha.Count < n) _alpha.Add(0);
        var diag = new double[n];
        var qd = new double[n];
        if (_norms.Length != x.RowCount)
        {
            // ‖xᵢ‖² + 1 (the intercept feature) of every record, computed once: records keep their features between fits.
            _norms = new double[x.RowCount];
            for (int r = 0; r < _norms.Length; r++)
            {
                double norm = 1.0;
                for (int k = x.RowStart[r]; k < x.RowStart[r + 1]; k++) norm += x.Values[k] * x.Values[k];
                _norms[r] = norm;
            }
        }
        for (int i = 0; i < n; i++)
        {
            diag[i] = 0.5 / (c * weights[i]);
            qd[i] = _norms[labelled[i]] + diag[i];
        }
        Array.Clear(_w);
        _bias = 0;
        for (int i = 0; i < n; i++)
        {
            if (_alpha[i] == 0) continue;
            double ya = relevant[i] ? _alpha[i] : -_alpha[i];
            x.AddTo(labelled[i], ya, _w);
            _bias += ya;
        }
        // liblinear's shrinking: a record at α = 0 whose gradient exceeds the last pass's largest projected gradient is
        // left out of the passes until the active ones meet the tolerance, then all are checked again.
        var index = Enumerable.Range(0, n).ToArray();
        int active = n;
        double maxOld = double.PositiveInfinity;
        for (Passes = 0; Passes < maxIterations; Passes++)
        {
            for (int i = 0; i < active; i++)
            {
                int j = i + _random.NextInt(active - i);
                (index[i], index[j]) = (index[j], index[i]);
            }
            double max = double.NegativeInfinity, min = double.PositiveInfinity;
            for (int s = 0; s < active; s++)
            {
                int i = index[s];
                double y = relevant[i] ? 1 : -1;
                double g = y * (x.Dot(labelled[i], _w) + _bias) - 1 + diag[i] * _alpha[i];
                double pg = 0;
                if (_alpha[i] == 0)
                {
                    if (g > maxOld)
                    {
                        active--;
                        (index[s], index[active]) = (index[active], index[s]);
                        s--;
                        continue;
                    }
                    if (g < 0) pg = g;
                }
                else pg = g;
                max = Math.Max(max, pg);
                min = Math.Min(min, pg);
                if (Math.Abs(pg) <= 1e-12) continue;
                double old = _alpha[i];
                double updated = Math.Max(old - g / qd[i], 0);
                _alpha[i] = updated;
                double step = (updated - old) * y;
                x.AddTo(labelled[i], step, _w);
                _bias += step;
            }
            if (max - min <= tolerance)
            {
                if (active == n) break;
                active = n;
                maxOld = double.PositiveInfinity;
                continue;
            }
            maxOld = max <= 0 ? double.PositiveInfinity : max;
        }
    }

    public override double Score(SparseRows x, int record) => x.Dot(record, _w) + _bias;
}

/// <summary>Multinomial naive Bayes with additive smoothing alpha and class priors from the (weighted) class counts, as
/// scikit-learn's <c>MultinomialNB</c>; scores are the probability of relevance.</summary>
internal sealed class NaiveBayes(double alpha, int columns) : RankingClassifier
{
    private readonly double[] _logRatio = new double[columns];
    private double _priorRatio;

    public override void Fit(SparseRows x, IReadOnlyList<int> labelled, IReadOnlyList<bool> relevant, double[] weights)
    {
        var count1 = new double[columns];
        var count0 = new double[columns];
        double class1 = 0, class0 = 0;
        for (int i = 0; i < labelled.Count; i++)
        {
            if (relevant[i]) { x.AddTo(labelled[i], weights[i], count1); class1 += weights[i]; }
            else { x.AddTo(labelled[i], weights[i], count0); class0 += weights[i]; }
        }
        double total1 = 0, total0 = 0;
        for (int j = 0; j < columns; j++)
        {
            total1 += count1[j] + alpha;
            total0 += count0[j] + alpha;
        }
        double log1 = Math.Log(total1), log0 = Math.Log(total0);
        for (int j = 0; j < columns; j++) _logRatio[j] = (Math.Log(count1[j] + alpha) - log1) - (Math.Log(count0[j] + alpha) - log0);
        _priorRatio = Math.Log(class1 / (class1 + class0)) - Math.Log(class0 / (class1 + class0));
    }

    /// <summary>P(relevant | x) = 1 / (1 + exp(−(jll₁ − jll₀))).</summary>
    public override double Score(SparseRows x, int record) => 1.0 / (1.0 + Math.Exp(-(x.Dot(record, _logRatio) + _priorRatio)));
}

/// <summary>L2-regularised logistic regression, minimising ½‖w‖² + C Σ wᵢ log(1 + exp(−yᵢ(w·xᵢ + b))) with the intercept not
/// penalised, by L-BFGS (memory 10) from the previous fit's solution; scores are the decision value (ranking as the
/// probability does).</summary>
internal sealed class LogisticRegression(double c, int maxIterations, int columns) : RankingClassifier
{
    private double[] _theta = new double[columns + 1];

    public override void Fit(SparseRows x, IReadOnlyList<int> labelled, IReadOnlyList<bool> relevant, double[] weights)
    {
        int dim = columns + 1;
        double Evaluate(double[] theta, double[] gradient)
        {
            double value = 0;
            Array.Clear(gradient);
            for (int j = 0; j < columns; j++)
            {
                value += 0.5 * theta[j] * theta[j];
                gradient[j] = theta[j];
            }
            for (int i = 0; i < labelled.Count; i++)
            {
                double y = relevant[i] ? 1 : -1;
                double z = y * (x.Dot(labelled[i], theta) + theta[columns]);
                value += c * weights[i] * (z > 0 ? double.LogP1(Math.Exp(-z)) : -z + double.LogP1(Math.Exp(z)));
                double s = -c * weights[i] * y / (1 + Math.Exp(z));
                x.AddTo(labelled[i], s, gradient);
                gradient[columns] += s;
            }
            return value;
        }
        _theta = Lbfgs.Minimise(Evaluate, _theta, dim, maxIterations, 1e-4);
    }

    public override double Score(SparseRows x, int record) => x.Dot(record, _theta) + _theta[columns];
}

/// <summary>Limited-memory BFGS with a backtracking (Armijo) line search.</summary>
internal static class Lbfgs
{
    public static double[] Minimise(Func<double[], double[], double> evaluate, double[] start, int dim, int maxIterations, double gradientTolerance, int memory = 10)
    {
        var theta = (double[])start.Clone();
        var gradient = new double[dim];
        double value = evaluate(theta, gradient);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var direction = new double[dim];
        var next = new double[dim];
        var nextGradient = new double[dim];
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            if (MaxAbs(gradient) <= gradientTolerance) break;
            // Two-loop recursion.
            Array.Copy(gradient, direction, dim);
            var rho = new double[s.Count];
            var a = new double[s.Count];
            for (int k = s.Count - 1; k >= 0; k--)
            {
                rho[k] = 1 / Dot(y[k], s[k]);
                a[k] = rho[k] * Dot(s[k], direction);
                Axpy(-a[k], y[k], direction);
            }
            if (s.Count > 0)
            {
                double gamma = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
                for (int j = 0; j < dim; j++) direction[j] *= gamma;
            }
            for (int k = 0; k < s.Count; k++)
            {
                double b = rho[k] * Dot(y[k], direction);
                Axpy(a[k] - b, s[k], direction);
            }
            for (int j = 0; j < dim; j++) direction[j] = -direction[j];
            double slope = Dot(gradient, direction);
            if (slope >= 0)
            {
                for (int j = 0; j < dim; j++) direction[j] = -gradient[j];
                slope = Dot(gradient, direction);
                s.Clear();
                y.Clear();
            }
            double step = 1, nextValue;
            while (true)
            {
                for (int j = 0; j < dim; j++) next[j] = theta[j] + step * direction[j];
                nextValue = evaluate(next, nextGradient);
                if (nextValue <= value + 1e-4 * step * slope || step < 1e-10) break;
                step *= 0.5;
            }
            var sk = new double[dim];
            var yk = new double[dim];
            for (int j = 0; j < dim; j++)
            {
                sk[j] = next[j] - theta[j];
                yk[j] = nextGradient[j] - gradient[j];
            }
            if (Dot(sk, yk) > 1e-12)
            {
                s.Add(sk);
                y.Add(yk);
                if (s.Count > memory) { s.RemoveAt(0); y.RemoveAt(0); }
            }
            (theta, next) = (next, theta);
            (gradient, nextGradient) = (nextGradient, gradient);
            bool stalled = Math.Abs(value - nextValue) <= 1e-12 * Math.Max(1, Math.Abs(value));
            value = nextValue;
            if (stalled) break;
        }
        return theta;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double MaxAbs(double[] a)
    {
        double max = 0;
        foreach (double v in a) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    private static void Axpy(double scale, double[] x, double[] target)
    {
        for (int i = 0; i < x.Length; i++) target[i] += scale * x[i];
    }
}
