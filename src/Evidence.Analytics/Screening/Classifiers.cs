using System.Numerics;

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

    /// <summary>Scores the records that <paramref name="include"/> marks (all when it is null) into
    /// <paramref name="scores"/>, and the rest as −∞.</summary>
    /// <remarks>From <see cref="ParallelScoring"/> records on, blocks of records are scored in parallel: each score is
    /// computed on its own, exactly as <see cref="Score"/> computes it, so the scores do not depend on how the blocks are
    /// shared out. Below that, handing the blocks to other threads costs more than it saves: in a Nagtegaal simulation
    /// (2,019 records scored 1,124 times, with w rebuilt and the Gram matrix extended in parallel likewise) waking the
    /// threads took a tenth of the time, and the simulation was 0–40% slower in parallel (naive Bayes 2.8 → 4.0 s).</remarks>
    public virtual void ScoreAll(SparseRows features, bool[]? include, double[] scores)
    {
        void ScoreRange(int from, int to)
        {
            for (int i = from; i < to; i++) scores[i] = include is null || include[i] ? Score(features, i) : double.NegativeInfinity;
        }

        const int Block = 4096;
        int records = features.RowCount;
        if (records < ParallelScoring) ScoreRange(0, records);
        else Parallel.For(0, (records + Block - 1) / Block, block => ScoreRange(block * Block, Math.Min(records, (block + 1) * Block)));
    }

    /// <summary>The fewest records scored in parallel (see <see cref="ScoreAll"/>).</summary>
    internal const int ParallelScoring = 20_000;

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
/// when the projected gradient's spread over all records is at most the tolerance. The dual variables of records already
/// labelled are kept from the previous fit (a warm start: the optimum is unique, so only the number of passes changes).</summary>
/// <remarks>
/// <para>Each visit needs the record's margin w·xᵢ + b, and each update changes it for every record. liblinear computes the
/// margin as a sparse dot product with w and adds the record to w (two passes over its ~350 entries, scattered over a
/// vector of ~200,000 terms). When the labelled records grow a few at a time, as in a simulation, this class keeps
/// instead their Gram matrix Kᵢⱼ = xᵢ·xⱼ + 1 (extended by one sparse pass per new record) and every record's margin: a
/// visit reads its margin, an update adds a contiguous row of K to the margins. Same problem, same visiting order and
/// stopping rule; only rounding differs. A fit starting from many unseen records (more than
/// <see cref="GramNewRecords"/>), or with more than <see cref="GramLimit"/> labelled records (K would pass 64 MB), runs
/// liblinear's way. Either way w and b are rebuilt from the dual variables at the end, for scoring.</para>
/// <para>The margins' update is element by element (no sums across records), so vector width cannot change a result.</para>
/// <para>K and the margins are kept in single precision: each pass streams K through the cache, and halving its size (and
/// doubling the lanes of each update) more than halved the fits of a Nagtegaal simulation (4.1–5.2 s to 1.8–2.1 s, in one
/// process; double margins beside a single-precision K were 30–90% slower). Over that simulation the decision values
/// differ from double precision's by at most 3·10⁻⁵, well inside the stopping tolerance of 10⁻⁴; w, b and the scores
/// stay double. Single-precision margins cannot resolve a projected gradient much below 10⁻⁶, so a tolerance under
/// <see cref="GramTolerance"/> is always met liblinear's way.</para>
/// <para>While the records × labelled records fit in <see cref="KernelLimit"/>, each labelled record's kernel column
/// is kept too, and <see cref="ScoreAll"/> scores every record from them (see <see cref="ExtendKernel"/>): a Nagtegaal
/// simulation went from 2.9–3.3 s to 1.4–1.9 s in one process, to the same screening order.</para>
/// </remarks>
internal sealed class LinearSvm(double c, double tolerance, int maxIterations, int columns, ulong seed) : RankingClassifier
{
    /// <summary>The most labelled records kept in the Gram matrix.</summary>
    internal const int GramLimit = 4096;

    /// <summary>The most records new to the Gram matrix that a fit adds to it (each costs about one pass).</summary>
    internal const int GramNewRecords = 8;

    /// <summary>The smallest stopping tolerance met with the Gram matrix (see the remarks).</summary>
    internal const double GramTolerance = 1e-5;

    private readonly double[] _w = new double[columns];
    private readonly SplitMix _random = new(seed);
    private double[] _alpha = [];
    private double[] _norms = [];
    private double _bias;
    private int[] _gramRecords = [];
    private int _gramCount;
    private float[] _gram = [];
    private double[]? _scatter;
    private SparseRows? _terms;
    private SparseRows? _termsOf;
    private float[] _kernel = [];
    private int _kernelCapacity;
    private int _kernelCount;
    private double[] _column = [];
    private bool _wStale;
    private (SparseRows X, int[] Rows, double[] Y, int N) _last;

    public int Passes { get; private set; }

    /// <summary>Whether the last fit used the Gram matrix.</summary>
    internal bool UsedGram { get; private set; }

    public override void Fit(SparseRows x, IReadOnlyList<int> labelled, IReadOnlyList<bool> relevant, double[] weights)
    {
        int n = labelled.Count;
        var rows = new int[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = labelled[i];
            y[i] = relevant[i] ? 1 : -1;
        }
        if (_alpha.Length < n) Array.Resize(ref _alpha, Math.Max(n, 2 * _alpha.Length));
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
            _gramCount = 0;
            _kernelCount = 0;
        }
        var diag = new double[n];
        var qd = new double[n];
        for (int i = 0; i < n; i++)
        {
            diag[i] = 0.5 / (c * weights[i]);
            qd[i] = _norms[rows[i]] + diag[i];
        }
        int known = 0;
        while (known < Math.Min(n, _gramCount) && _gramRecords[known] == rows[known]) known++;
        UsedGram = n <= GramLimit && n - known <= GramNewRecords && tolerance >= GramTolerance;
        _last = (x, rows, y, n);
        if (UsedGram)
        {
            ScoresFromKernel = (long)x.RowCount * KernelCapacityFor(n) <= KernelLimit;
            if (ScoresFromKernel) ExtendKernel(x, rows, known);
            else ExtendGram(x, rows, known);
            Solve(new GramMargins(_gram, _gramRecords.Length, y, _alpha, n), y, diag, qd, n);
            _wStale = ScoresFromKernel;
            if (!ScoresFromKernel) Rebuild(x, rows, y, n);
        }
        else
        {
            _gramCount = 0;
            _kernelCount = 0;
            ScoresFromKernel = false;
            _wStale = false;
            Rebuild(x, rows, y, n);
            Solve(new SparseMargins(x, rows, _w, this), y, diag, qd, n);
        }
    }

    /// <summary>Grows the Gram matrix to hold <paramref name="n"/> records, keeping the first <paramref name="known"/>.</summary>
    private void EnsureGram(int n, int known)
    {
        int stride = _gramRecords.Length;
        if (stride >= n) return;
        int grown = Grown(stride, n);
        var gram = new float[grown * grown];
        for (int i = 0; i < known; i++) Array.Copy(_gram, i * stride, gram, i * grown, known);
        _gram = gram;
        Array.Resize(ref _gramRecords, grown);
    }

    /// <summary>The most entries (records × labelled records) of the kernel columns kept for scoring: 64 MB.</summary>
    internal const long KernelLimit = 1L << 24;

    /// <summary>Whether the last fit's scores come from the kernel columns (see <see cref="ExtendKernel"/>).</summary>
    internal bool ScoresFromKernel { get; private set; }

    /// <summary>Adds the Gram matrix's rows and columns for the records from position <paramref name="known"/> on, from
    /// each new labelled record's kernel column: its products xⱼ·xₚ + 1 with every record j, kept (single precision)
    /// for scoring.</summary>
    /// <remarks>A column is summed term by term from the records that have each of the record's terms (the features
    /// transposed once): on Nagtegaal a record's terms occur in about 150 records each, so a column costs some 52,000
    /// products where a dot product with every record costs 700,000. With the columns kept, the scores of all records
    /// are Σ βq·column q, a dense sum, and w need not be rebuilt after each fit: the three sparse passes per fit (extend
    /// the Gram matrix, rebuild w, score every record through w) were 40% of a simulation.</remarks>
    private void ExtendKernel(SparseRows x, int[] rows, int known)
    {
        int n = rows.Length, records = x.RowCount;
        // Columns are kept for the first _kernelCount positions of the Gram matrix (fewer when it grew without them).
        known = Math.Min(known, _kernelCount);
        EnsureGram(n, known);
        if (_kernelCapacity < n)
        {
            int grown = KernelCapacityFor(n);
            var kernel = new float[(long)grown * records];
            Array.Copy(_kernel, kernel, (long)known * records);
            _kernel = kernel;
            _kernelCapacity = grown;
        }
        if (!ReferenceEquals(_termsOf, x))
        {
            _terms = x.Transpose();
            _termsOf = x;
        }
        if (_column.Length != records) _column = new double[records];
        int stride = _gramRecords.Length;
        for (int p = known; p < n; p++)
        {
            int record = rows[p];
            Array.Clear(_column);
            for (int k = x.RowStart[record]; k < x.RowStart[record + 1]; k++) _terms!.AddTo(x.Columns[k], x.Values[k], _column);
            var column = _kernel.AsSpan(p * records, records);
            for (int j = 0; j < records; j++) column[j] = (float)(_column[j] + 1);
            for (int q = 0; q < p; q++) _gram[p * stride + q] = _gram[q * stride + p] = column[rows[q]];
            _gram[p * stride + p] = (float)_norms[record];
            _gramRecords[p] = record;
        }
        _gramCount = _kernelCount = n;
    }

    /// <summary>The kernel columns held after growing to <paramref name="n"/> labelled records (doubling).</summary>
    private int KernelCapacityFor(int n) => _kernelCapacity >= n ? _kernelCapacity : Grown(_kernelCapacity, n);

    /// <summary>A capacity grown to hold <paramref name="n"/> labelled records: doubled, at least n, at most the Gram matrix's limit.</summary>
    private static int Grown(int capacity, int n) => Math.Min(Math.Max(n, 2 * capacity), GramLimit);

    /// <summary>Every record's score: from the kernel columns after a fit that kept them (Σ βq·(xⱼ·x_q + 1), summed over
    /// q in order, element by element), else through w.</summary>
    public override void ScoreAll(SparseRows features, bool[]? include, double[] scores)
    {
        if (!ScoresFromKernel || !ReferenceEquals(features, _last.X))
        {
            EnsureW();
            base.ScoreAll(features, include, scores);
            return;
        }
        var (_, _, y, n) = _last;
        int records = features.RowCount;
        var sums = scores.AsSpan(0, records);
        sums.Clear();
        for (int q = 0; q < n; q++)
        {
            if (_alpha[q] == 0) continue;
            double beta = y[q] * _alpha[q];
            var column = _kernel.AsSpan(q * records, records);
            int j = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var scale = new Vector<double>(beta);
                for (; j + Vector<float>.Count <= records; j += Vector<float>.Count)
                {
                    Vector.Widen(new Vector<float>(column[j..]), out var low, out var high);
                    var lowSums = sums[j..];
                    var highSums = sums[(j + Vector<double>.Count)..];
                    (new Vector<double>(lowSums) + scale * low).CopyTo(lowSums);
                    (new Vector<double>(highSums) + scale * high).CopyTo(highSums);
                }
            }
            for (; j < records; j++) sums[j] += beta * column[j];
        }
        if (include is null) return;
        for (int j = 0; j < records; j++)
        {
            if (!include[j]) sums[j] = double.NegativeInfinity;
        }
    }

    /// <summary>Rebuilds w after a fit that scored from the kernel columns, for <see cref="Score"/>.</summary>
    private void EnsureW()
    {
        if (!_wStale) return;
        Rebuild(_last.X, _last.Rows, _last.Y, _last.N);
        _wStale = false;
    }

    /// <summary>Dual coordinate descent with liblinear's shrinking: a record at α = 0 whose gradient exceeds the last
    /// pass's largest projected gradient is left out of the passes until the active ones meet the tolerance, then all
    /// are checked again.</summary>
    private void Solve<TMargins>(TMargins margins, double[] y, double[] diag, double[] qd, int n) where TMargins : IMargins
    {
        var index = new int[n];
        for (int i = 0; i < n; i++) index[i] = i;
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
                double g = y[i] * margins.Margin(i) - 1 + diag[i] * _alpha[i];
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
                margins.Add(i, (updated - old) * y[i]);
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

    /// <summary>w = Σ yᵢαᵢxᵢ and b = Σ yᵢαᵢ from the dual variables.</summary>
    private void Rebuild(SparseRows x, int[] rows, double[] y, int n)
    {
        Array.Clear(_w);
        _bias = 0;
        for (int i = 0; i < n; i++)
        {
            if (_alpha[i] == 0) continue;
            double ya = y[i] * _alpha[i];
            x.AddTo(rows[i], ya, _w);
            _bias += ya;
        }
    }

    /// <summary>Adds the Gram matrix's rows and columns for the records from position <paramref name="known"/> on: each
    /// new record is spread into a dense vector once and dotted with the sparse rows before it.</summary>
    private void ExtendGram(SparseRows x, int[] rows, int known)
    {
        int n = rows.Length;
        _kernelCount = Math.Min(_kernelCount, known);
        EnsureGram(n, known);
        int stride = _gramRecords.Length;
        _scatter ??= new double[x.ColumnCount];
        for (int p = known; p < n; p++)
        {
            int record = rows[p];
            for (int k = x.RowStart[record]; k < x.RowStart[record + 1]; k++) _scatter[x.Columns[k]] = x.Values[k];
            for (int q = 0; q < p; q++) _gram[p * stride + q] = _gram[q * stride + p] = (float)(x.Dot(rows[q], _scatter) + 1);
            _gram[p * stride + p] = (float)_norms[record];
            for (int k = x.RowStart[record]; k < x.RowStart[record + 1]; k++) _scatter[x.Columns[k]] = 0;
            _gramRecords[p] = record;
        }
        _gramCount = n;
    }

    public override double Score(SparseRows x, int record)
    {
        EnsureW();
        return x.Dot(record, _w) + _bias;
    }

    /// <summary>The margins w·xᵢ + b of the labelled records during a fit, and their change when one αᵢ changes.</summary>
    private interface IMargins
    {
        double Margin(int i);

        /// <summary>Record i's yᵢαᵢ grew by <paramref name="step"/>.</summary>
        void Add(int i, double step);
    }

    /// <summary>Margins kept for every record and updated with a row of the Gram matrix.</summary>
    private readonly struct GramMargins : IMargins
    {
        private readonly float[] _gram;
        private readonly int _stride;
        private readonly float[] _margins;

        public GramMargins(float[] gram, int stride, double[] y, double[] alpha, int n)
        {
            _gram = gram;
            _stride = stride;
            _margins = new float[n];
            for (int j = 0; j < n; j++)
            {
                if (alpha[j] != 0) Add(j, y[j] * alpha[j]);
            }
        }

        public double Margin(int i) => _margins[i];

        public void Add(int i, double step)
        {
            var row = _gram.AsSpan(i * _stride, _margins.Length);
            var margins = _margins.AsSpan();
            int k = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var scale = new Vector<float>((float)step);
                for (; k + Vector<float>.Count <= margins.Length; k += Vector<float>.Count)
                    (new Vector<float>(margins[k..]) + scale * new Vector<float>(row[k..])).CopyTo(margins[k..]);
            }
            for (; k < margins.Length; k++) margins[k] += (float)step * row[k];
        }
    }

    /// <summary>Margins computed from w as liblinear does.</summary>
    private readonly struct SparseMargins(SparseRows x, int[] rows, double[] w, LinearSvm svm) : IMargins
    {
        public double Margin(int i) => x.Dot(rows[i], w) + svm._bias;

        public void Add(int i, double step)
        {
            x.AddTo(rows[i], step, w);
            svm._bias += step;
        }
    }
}

/// <summary>Multinomial naive Bayes with additive smoothing alpha and class priors from the (weighted) class counts, as
/// scikit-learn's <c>MultinomialNB</c>; scores are the probability of relevance.</summary>
internal sealed class NaiveBayes(double alpha, int columns) : RankingClassifier
{
    private readonly double[] _logRatio = new double[columns];
    private readonly double[] _count1 = new double[columns];
    private readonly double[] _count0 = new double[columns];
    private double _priorRatio;

    /// <remarks>The count vectors are kept between fits and cleared, not allocated: a simulation fits ~1,500 times, and two
    /// fresh vectors of ~200,000 terms each time made ~3 GB of garbage.</remarks>
    public override void Fit(SparseRows x, IReadOnlyList<int> labelled, IReadOnlyList<bool> relevant, double[] weights)
    {
        var count1 = _count1;
        var count0 = _count0;
        Array.Clear(count1);
        Array.Clear(count0);
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
