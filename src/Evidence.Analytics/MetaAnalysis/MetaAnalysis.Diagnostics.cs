namespace Evidence.Analytics;

public sealed partial class MetaAnalysis
{
    /// <summary>Egger's regression test with the model's estimator and test (metafor's <c>regtest</c> default).</summary>
    /// <exception cref="MetaAnalysisException">Fewer than 3 studies, or the estimator did not converge.</exception>
    public EggerTest EggerTest()
    {
        var fit = WithStandardErrorModerator(Studies);
        return new EggerTest(fit.Statistic(1), fit.PValue(1), Options.Test == MetaAnalysisTest.KnappHartung ? fit.Df : null, fit.Fit.Coefficients[0]);
    }

    /// <summary>The rank correlation test for funnel-plot asymmetry (metafor's <c>ranktest</c>).</summary>
    public RankCorrelationTest RankCorrelationTest()
    {
        var data = ModelData.InterceptOnly(Studies.Select(s => s.Estimate).ToArray(), Studies.Select(s => s.Variance).ToArray());
        var fixedFit = data.Fit(data.Weights(0));
        double mean = fixedFit.Coefficients[0], variance = 1 / fixedFit.SumD;
        var deviates = Studies.Select(s => (s.Estimate - mean) / Math.Sqrt(s.Variance - variance)).ToArray();
        var (tau, p) = KendallTest.Run(deviates, data.V);
        return new RankCorrelationTest(tau, p);
    }

    /// <summary>Trim-and-fill with the L0 estimator, the side chosen as metafor chooses it.</summary>
    /// <exception cref="MetaAnalysisException">Fewer than 3 studies, an estimator did not converge, or the algorithm did
    /// not settle within 100 rounds.</exception>
    public TrimAndFill TrimAndFill()
    {
        var side = WithStandardErrorModerator(Studies).Fit.Coefficients[1] < 0 ? FunnelSide.Right : FunnelSide.Left;
        double sign = side == FunnelSide.Right ? -1 : 1;
        int k = StudyCount;
        // Studies sorted by (flipped) estimate; the k0 largest are trimmed in each round.
        var order = Enumerable.Range(0, k).OrderBy(i => sign * Studies[i].Estimate).ToArray();
        var y = order.Select(i => sign * Studies[i].Estimate).ToArray();
        var v = order.Select(i => Studies[i].Variance).ToArray();
        int k0 = 0, previous = -1, rounds = 0;
        double centre = 0;
        var trimmedOptions = Options with { Estimator = Estimator, Fallback = null };
        while (k0 != previous)
        {
            if (++rounds > 100) throw new MetaAnalysisException("Trim-and-fill did not settle within 100 rounds.");
            previous = k0;
            var trimmed = new ModelFit(ModelData.InterceptOnly(y[..(k - k0)], v[..(k - k0)]), trimmedOptions);
            centre = trimmed.Fit.Coefficients[0];
            var deviations = y.Select(value => value - centre).ToArray();
            var ranks = Enumerable.Range(0, k).OrderBy(i => Math.Abs(deviations[i])).ToArray();
            double positiveRanks = 0;
            for (int r = 0; r < k; r++)
                if (deviations[ranks[r]] > 0) positiveRanks += r + 1;
            double l0 = (4 * positiveRanks - k * (k + 1.0)) / (2 * k - 1.0);
            k0 = Math.Max(0, (int)Math.Round(l0, MidpointRounding.ToEven));
            if (k0 >= k) throw new MetaAnalysisException("Trim-and-fill estimated as many missing studies as there are studies.");
        }
        if (k0 == 0) return new TrimAndFill(0, side, [], this);
        var filled = Enumerable.Range(k - k0, k0)
            .Select(i => EffectSize.FromVariance(Measure, sign * (2 * centre - y[i]), v[i]))
            .ToArray();
        var adjusted = Fit(Studies.Concat(filled), trimmedOptions);
        return new TrimAndFill(k0, side, filled, adjusted);
    }

    /// <summary>The meta-analysis without each study in turn, τ² re-estimated (metafor's <c>leave1out</c>).</summary>
    /// <exception cref="MetaAnalysisException">Fewer than 3 studies, or an estimator did not converge.</exception>
    public IReadOnlyList<MetaAnalysis> LeaveOneOut()
    {
        if (StudyCount < 3) throw new MetaAnalysisException("Leaving one study out needs at least 3 studies.");
        var options = Options with { Estimator = Estimator, Fallback = null };
        return Enumerable.Range(0, StudyCount).Select(i => Fit(Studies.Where((_, j) => j != i), options)).ToArray();
    }

    /// <summary>Each study's weight, leverage and Cook's distance (metafor's <c>influence</c>).</summary>
    /// <exception cref="MetaAnalysisException">Fewer than 3 studies, or an estimator did not converge.</exception>
    public IReadOnlyList<StudyInfluence> Influence()
    {
        var without = LeaveOneOut();
        double variance = fit.Covariance[0, 0];
        return without.Select((other, i) => new StudyInfluence(
            Weights[i], Weights[i] / 100, Math.Pow(Estimate - other.Estimate, 2) / variance, other)).ToArray();
    }

    private ModelFit WithStandardErrorModerator(IReadOnlyList<EffectSize> studies)
    {
        if (studies.Count < 3) throw new MetaAnalysisException("A test of funnel-plot asymmetry needs at least 3 studies.");
        var x = new double[studies.Count, 2];
        for (int i = 0; i < studies.Count; i++)
        {
            x[i, 0] = 1;
            x[i, 1] = studies[i].StandardError;
        }
        var data = new ModelData(studies.Select(s => s.Estimate).ToArray(), studies.Select(s => s.Variance).ToArray(), x);
        return new ModelFit(data, Options with { Estimator = Estimator, Fallback = null });
    }
}
