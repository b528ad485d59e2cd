using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.RootFinding;

namespace Evidence.Analytics;

/// <summary>Estimates y, v and a design matrix X (k × p) as metafor's <c>rma.uni</c> models them: yᵢ = xᵢ'β + uᵢ + εᵢ,
/// uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ).</summary>
/// <remarks>metafor builds the k × k matrix P = W − WX(X'WX)⁻¹X'W; every quantity it takes from P (Y'PY, Y'PPY, tr P,
/// tr PP, tr PVPV) is computed here from p × p matrices instead, so a model costs O(k·p²), not O(k²).</remarks>
internal sealed class ModelData
{
    public ModelData(double[] y, double[] v, double[,] x)
    {
        Y = y;
        V = v;
        X = x;
        K = y.Length;
        P = x.GetLength(1);
    }

    public double[] Y { get; }

    public double[] V { get; }

    public double[,] X { get; }

    public int K { get; }

    public int P { get; }

    public static ModelData InterceptOnly(double[] y, double[] v)
    {
        var x = new double[y.Length, 1];
        for (int i = 0; i < y.Length; i++) x[i, 0] = 1;
        return new ModelData(y, v, x);
    }

    /// <summary>X' diag(u) X.</summary>
    public Matrix<double> Cross(double[] u)
    {
        var m = Matrix<double>.Build.Dense(P, P);
        for (int i = 0; i < K; i++)
            for (int r = 0; r < P; r++)
            {
                double xr = X[i, r] * u[i];
                for (int c = 0; c <= r; c++) m[r, c] += xr * X[i, c];
            }
        for (int r = 0; r < P; r++)
            for (int c = r + 1; c < P; c++) m[r, c] = m[c, r];
        return m;
    }

    /// <summary>The weighted least-squares fit with weights <paramref name="d"/>.</summary>
    public WeightedFit Fit(double[] d) => new(this, d);

    /// <summary>Weights 1/(vᵢ + τ²).</summary>
    public double[] Weights(double tau2)
    {
        var w = new double[K];
        for (int i = 0; i < K; i++) w[i] = 1 / (V[i] + tau2);
        return w;
    }
}

/// <summary>A weighted least-squares fit b = (X'DX)⁻¹X'Dy and the traces of its projection P = D − DX(X'DX)⁻¹X'D.</summary>
internal sealed class WeightedFit
{
    private readonly ModelData data;

    public WeightedFit(ModelData data, double[] d)
    {
        this.data = data;
        D = d;
        var a = data.Cross(d);
        try
        {
            AInverse = a.Inverse();
        }
        catch (ArgumentException e)
        {
            throw new MetaAnalysisException("The moderators are collinear (X'WX cannot be inverted); drop a redundant moderator.", e);
        }
        if (AInverse.Enumerate().Any(value => !double.IsFinite(value)))
            throw new MetaAnalysisException("The moderators are collinear (X'WX cannot be inverted); drop a redundant moderator.");
        var xdy = Vector<double>.Build.Dense(data.P);
        for (int i = 0; i < data.K; i++)
            for (int r = 0; r < data.P; r++) xdy[r] += data.X[i, r] * d[i] * data.Y[i];
        var b = AInverse * xdy;
        Coefficients = b.ToArray();
        Residuals = new double[data.K];
        double rss = 0;
        for (int i = 0; i < data.K; i++)
        {
            double fitted = 0;
            for (int r = 0; r < data.P; r++) fitted += data.X[i, r] * Coefficients[r];
            Residuals[i] = data.Y[i] - fitted;
            rss += d[i] * Residuals[i] * Residuals[i];
        }
        WeightedRss = rss;
    }

    public double[] D { get; }

    /// <summary>(X'DX)⁻¹.</summary>
    public Matrix<double> AInverse { get; }

    public double[] Coefficients { get; }

    public double[] Residuals { get; }

    /// <summary>Y'PY = Σ dᵢ rᵢ².</summary>
    public double WeightedRss { get; }

    /// <summary>Y'PPY = Σ dᵢ² rᵢ².</summary>
    public double SquaredWeightedRss
    {
        get
        {
            double sum = 0;
            for (int i = 0; i < D.Length; i++) sum += D[i] * D[i] * Residuals[i] * Residuals[i];
            return sum;
        }
    }

    /// <summary>tr(P M) for diagonal M = diag(m) (M = I when m is null).</summary>
    public double TraceP(double[]? m = null) =>
        Sum(i => D[i] * M(m, i)) - (AInverse * data.Cross(Map(i => D[i] * D[i] * M(m, i)))).Trace();

    /// <summary>tr(P M P M) for diagonal M (M = I when m is null): tr PP or tr PVPV.</summary>
    public double TracePMPM(double[]? m = null)
    {
        var c = AInverse * data.Cross(Map(i => D[i] * D[i] * M(m, i)));
        return Sum(i => Math.Pow(D[i] * M(m, i), 2)) - 2 * (AInverse * data.Cross(Map(i => Math.Pow(D[i], 3) * M(m, i) * M(m, i)))).Trace() + (c * c).Trace();
    }

    /// <summary>tr(P P M) for diagonal M.</summary>
    public double TracePPM(double[] m)
    {
        var c2 = AInverse * data.Cross(Map(i => D[i] * D[i]));
        var c2m = AInverse * data.Cross(Map(i => D[i] * D[i] * m[i]));
        return Sum(i => D[i] * D[i] * m[i]) - 2 * (AInverse * data.Cross(Map(i => Math.Pow(D[i], 3) * m[i]))).Trace() + (c2 * c2m).Trace();
    }

    public double SumD => Sum(i => D[i]);

    private static double M(double[]? m, int i) => m is null ? 1 : m[i];

    private double Sum(Func<int, double> term)
    {
        double sum = 0;
        for (int i = 0; i < D.Length; i++) sum += term(i);
        return sum;
    }

    private double[] Map(Func<int, double> term)
    {
        var values = new double[D.Length];
        for (int i = 0; i < values.Length; i++) values[i] = term(i);
        return values;
    }
}

/// <summary>τ² estimated by one estimator, with its standard error and how it was reached.</summary>
internal readonly record struct TauSquaredEstimate(double Value, double StandardError, int Iterations);

/// <summary>The τ² estimators of metafor's <c>rma.uni</c>, each as metafor computes it.</summary>
internal static class TauSquaredEstimation
{
    /// <summary>metafor's <c>tol</c>, the margin of its check that ML/REML did not stop below the likelihood at τ² = 0.</summary>
    private const double LikelihoodTolerance = 1.220703125e-4;

    public static TauSquaredEstimate Estimate(ModelData data, TauSquaredEstimator estimator, MetaAnalysisOptions options)
    {
        int k = data.K, p = data.P;
        switch (estimator)
        {
            case TauSquaredEstimator.EqualEffects:
                return new(0, double.NaN, 0);
            case TauSquaredEstimator.DerSimonianLaird:
            {
                var fit = data.Fit(data.Weights(0));
                double trP = fit.TraceP();
                double tau2 = Math.Max(0, (fit.WeightedRss - (k - p)) / trP);
                double se = Math.Sqrt((2 * (k - p) + 4 * tau2 * trP + 2 * tau2 * tau2 * fit.TracePMPM()) / (trP * trP));
                return new(tau2, se, 0);
            }
            case TauSquaredEstimator.HunterSchmidt:
            {
                var fit = data.Fit(data.Weights(0));
                double tau2 = Math.Max(0, (fit.WeightedRss - k) / fit.SumD);
                double se = Math.Sqrt((2 * (k - p) + 4 * tau2 * fit.TraceP() + 2 * tau2 * tau2 * fit.TracePMPM()) / (fit.SumD * fit.SumD));
                return new(tau2, se, 0);
            }
            case TauSquaredEstimator.Hedges:
            {
                double tau2 = Math.Max(0, Hedges(data, out var ols));
                double se = Math.Sqrt((2 * ols.TracePMPM(data.V) + 4 * tau2 * ols.TraceP(data.V) + 2 * tau2 * tau2 * (k - p)) / ((double)(k - p) * (k - p)));
                return new(tau2, se, 0);
            }
            case TauSquaredEstimator.SidikJonkman:
            {
                double mean = data.Y.Average();
                double tau0 = data.Y.Sum(y => (y - mean) * (y - mean)) / k;
                var fit = data.Fit(data.Weights(tau0));
                double tau2 = Math.Max(0, tau0 * fit.WeightedRss / (k - p));
                double se = Math.Sqrt(tau0 * tau0 / ((double)(k - p) * (k - p))
                    * (2 * fit.TracePMPM(data.V) + 4 * tau2 * fit.TracePPM(data.V) + 2 * tau2 * tau2 * fit.TracePMPM()));
                return new(tau2, se, 0);
            }
            case TauSquaredEstimator.PauleMandel:
            {
                double tau2 = GeneralisedQRoot(data, k - p, "Paule–Mandel");
                return new(tau2, MomentStandardError(data, tau2), 0);
            }
            default:
                return FisherScoring(data, estimator, options);
        }
    }

    /// <summary>Hedges' estimator from the ordinary least-squares fit: (RSS − tr PV)/(k − p), not truncated.</summary>
    private static double Hedges(ModelData data, out WeightedFit ols)
    {
        var ones = new double[data.K];
        Array.Fill(ones, 1.0);
        ols = data.Fit(ones);
        return (ols.WeightedRss - ols.TraceP(data.V)) / (data.K - data.P);
    }

    private static double MomentStandardError(ModelData data, double tau2)
    {
        double sum = data.Weights(tau2).Sum();
        return Math.Sqrt(2.0 * data.K * data.K / (data.K - data.P) / (sum * sum));
    }

    /// <summary>τ² where the generalised Q, Σ wᵢ(yᵢ − xᵢ'b)² with wᵢ = 1/(vᵢ + τ²), equals <paramref name="target"/>;
    /// 0 when Q at τ² = 0 is already below it.</summary>
    internal static double GeneralisedQRoot(ModelData data, double target, string what)
    {
        double Q(double tau2) => data.Fit(data.Weights(tau2)).WeightedRss - target;
        if (Q(0) < 0) return 0;
        double upper = 100;
        while (Q(upper) > 0)
        {
            upper *= 10;
            if (upper > 1e15)
                throw new MetaAnalysisException($"{what}: no τ² up to 1e15 brings the generalised Q down to {target:0.###}.");
        }
        return Brent.FindRoot(Q, 0, upper, 1e-12, 1000);
    }

    /// <summary>ML, REML and EB as metafor iterates them: start at Hedges' estimate (at least 0), step by Fisher scoring,
    /// halve a step that would take τ² below 0, stop when τ² changes by less than the threshold.</summary>
    private static TauSquaredEstimate FisherScoring(ModelData data, TauSquaredEstimator estimator, MetaAnalysisOptions options)
    {
        int k = data.K, p = data.P;
        double tau2 = Math.Max(0, Hedges(data, out _));
        double change = double.PositiveInfinity;
        int iterations = 0;
        WeightedFit fit = data.Fit(data.Weights(tau2));
        while (change > options.Threshold)
        {
            iterations++;
            if (iterations > options.MaxIterations)
                throw new MetaAnalysisException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{estimator.Code()}: Fisher scoring did not converge in {options.MaxIterations} iterations (τ² = {tau2:0.######}, last change {change:0.###e+0}). Use another estimator (DL, PM) or more iterations."));
            double previous = tau2;
            double adjustment = estimator switch
            {
                TauSquaredEstimator.MaximumLikelihood => (fit.SquaredWeightedRss - fit.SumD) / fit.D.Sum(w => w * w),
                TauSquaredEstimator.RestrictedMaximumLikelihood => (fit.SquaredWeightedRss - fit.TraceP()) / fit.TracePMPM(),
                _ => (fit.WeightedRss * k / (k - p) - k) / fit.SumD,
            };
            if (!double.IsFinite(adjustment)) adjustment = 0;
            while (tau2 + adjustment < 0) adjustment /= 2;
            tau2 += adjustment;
            change = Math.Abs(previous - tau2);
            fit = data.Fit(data.Weights(tau2));
        }
        if (estimator != TauSquaredEstimator.EmpiricalBayes && tau2 > options.Threshold
            && LogLikelihood(data, 0, estimator) - LogLikelihood(data, tau2, estimator) > LikelihoodTolerance)
        {
            // Stuck at a local maximum below the likelihood at τ² = 0: metafor sets τ² = 0.
            tau2 = 0;
            fit = data.Fit(data.Weights(0));
        }
        double se = estimator switch
        {
            TauSquaredEstimator.MaximumLikelihood => Math.Sqrt(2 / fit.D.Sum(w => w * w)),
            TauSquaredEstimator.RestrictedMaximumLikelihood => Math.Sqrt(2 / fit.TracePMPM()),
            _ => MomentStandardError(data, tau2),
        };
        return new(tau2, se, iterations);
    }

    /// <summary>The log-likelihood at τ²: the ML one for ML, the restricted one otherwise.</summary>
    public static double LogLikelihood(ModelData data, double tau2, TauSquaredEstimator estimator)
    {
        var fit = data.Fit(data.Weights(tau2));
        double logDetV = data.V.Sum(v => Math.Log(v + tau2));
        if (estimator == TauSquaredEstimator.MaximumLikelihood)
            return -0.5 * data.K * Math.Log(2 * Math.PI) - 0.5 * logDetV - 0.5 * fit.WeightedRss;
        double logDetA = -Math.Log(fit.AInverse.Determinant());
        var ones = new double[data.K];
        Array.Fill(ones, 1.0);
        // metafor's restricted likelihood includes the constant ½·log|X'X| (Harville's form), so its values are comparable.
        double logDetXx = Math.Log(data.Cross(ones).Determinant());
        return -0.5 * (data.K - data.P) * Math.Log(2 * Math.PI) + 0.5 * logDetXx - 0.5 * logDetV - 0.5 * logDetA - 0.5 * fit.WeightedRss;
    }
}

/// <summary>A fitted model: τ², coefficients, their covariance under the chosen test, and heterogeneity.</summary>
internal sealed class ModelFit
{
    public ModelFit(ModelData data, MetaAnalysisOptions options)
    {
        if (data.K - data.P < 1)
            throw new MetaAnalysisException($"A model with {data.P} coefficient(s) needs at least {data.P + 1} studies; there are {data.K}.");
        Data = data;
        Options = options;
        Estimator = options.Estimator;
        TauSquaredEstimate tau;
        try
        {
            tau = TauSquaredEstimation.Estimate(data, options.Estimator, options);
            Converged = true;
        }
        catch (MetaAnalysisException) when (options.Fallback is { } fallback && fallback != options.Estimator)
        {
            tau = TauSquaredEstimation.Estimate(data, fallback, options);
            Estimator = fallback;
            Converged = false;
        }
        TauSquared = tau.Value;
        TauSquaredStandardError = tau.StandardError;
        Iterations = tau.Iterations;
        int k = data.K, p = data.P;

        Fit = data.Fit(data.Weights(TauSquared));
        var covariance = Fit.AInverse;
        Df = k - p;
        if (options.Test == MetaAnalysisTest.KnappHartung)
        {
            covariance = covariance * (Fit.WeightedRss / Df);
            Critical = StudentT.InvCDF(0, 1, Df, 1 - (1 - options.Level) / 2);
        }
        else
        {
            Critical = Normal.InvCDF(0, 1, 1 - (1 - options.Level) / 2);
        }
        Covariance = covariance;

        var fixedFit = data.Fit(data.Weights(0));
        Q = fixedFit.WeightedRss;
        QPValue = ChiSquaredUpper(Q, Df);
        TypicalVariance = Df / fixedFit.TraceP();
        if (Estimator == TauSquaredEstimator.EqualEffects)
        {
            ISquared = Math.Max(0, 100 * (Q - Df) / Q);
            HSquared = Q / Df;
        }
        else
        {
            ISquared = 100 * TauSquared / (TypicalVariance + TauSquared);
            HSquared = TauSquared / TypicalVariance + 1;
        }
    }

    public ModelData Data { get; }

    public MetaAnalysisOptions Options { get; }

    public TauSquaredEstimator Estimator { get; }

    public bool Converged { get; }

    public double TauSquared { get; }

    public double TauSquaredStandardError { get; }

    public int Iterations { get; }

    public WeightedFit Fit { get; }

    public Matrix<double> Covariance { get; }

    public int Df { get; }

    public double Critical { get; }

    public double Q { get; }

    public double QPValue { get; }

    /// <summary>metafor's vt, the typical within-study variance (k − p)/tr P under equal-effects weights.</summary>
    public double TypicalVariance { get; }

    public double ISquared { get; }

    public double HSquared { get; }

    public double StandardError(int coefficient) => Math.Sqrt(Covariance[coefficient, coefficient]);

    public double Statistic(int coefficient) => Fit.Coefficients[coefficient] / StandardError(coefficient);

    public double PValue(int coefficient)
    {
        double t = Math.Abs(Statistic(coefficient));
        return Options.Test == MetaAnalysisTest.KnappHartung
            ? 2 * StudentT.CDF(0, 1, Df, -t)
            : 2 * Normal.CDF(0, 1, -t);
    }

    /// <summary>The Q-profile confidence interval of τ² (Viechtbauer 2007), as metafor's <c>confint</c>.</summary>
    public (double Lower, double Upper) TauSquaredInterval()
    {
        double alpha = 1 - Options.Level;
        double lower = TauSquaredEstimation.GeneralisedQRoot(Data, ChiSquared.InvCDF(Df, 1 - alpha / 2), "Q-profile interval");
        double upper = TauSquaredEstimation.GeneralisedQRoot(Data, ChiSquared.InvCDF(Df, alpha / 2), "Q-profile interval");
        return (lower, upper);
    }

    public double ISquaredAt(double tau2) => 100 * tau2 / (TypicalVariance + tau2);

    public double HSquaredAt(double tau2) => tau2 / TypicalVariance + 1;

    internal static double ChiSquaredUpper(double q, int df) => df > 0 ? MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(df / 2.0, q / 2) : double.NaN;
}
