namespace Evidence.Analytics.Tests.Screening;

public sealed class ScreeningModelTests
{
    private static SparseRows Rows(params double[][] rows)
    {
        var start = new List<int> { 0 };
        var columns = new List<int>();
        var values = new List<double>();
        foreach (var row in rows)
        {
            for (int j = 0; j < row.Length; j++)
            {
                if (row[j] == 0) continue;
                columns.Add(j);
                values.Add(row[j]);
            }
            start.Add(columns.Count);
        }
        return new SparseRows([.. start], [.. columns], [.. values], rows[0].Length);
    }

    [Fact]
    public void Weights_Balanced_AreOneForRelevantAndTheRatioForIrrelevant_ScaledToN()
    {
        // One relevant, two irrelevant, ratio 1.2: irrelevant weigh 1 / (1.2 × 2) before scaling to a sum of 3.
        double[] weights = RankingClassifier.Weights([true, false, false], 1.2);

        double scale = 3 / (1 + 2 / 2.4);
        Assert.Equal([scale, scale / 2.4, scale / 2.4], weights, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal([1.0, 1.0], RankingClassifier.Weights([true, false], null));
    }

    [Fact]
    public void NaiveBayes_TwoRecords_MatchesTheHandComputation()
    {
        // Relevant [1, 0], irrelevant [0, 1], alpha 1: log P(term | relevant) = ln(2/3), ln(1/3) and the reverse; equal priors.
        var x = Rows([1, 0], [0, 1], [0.6, 0.8]);
        var nb = new NaiveBayes(1.0, 2);

        nb.Fit(x, [0, 1], [true, false], [1, 1]);

        // jll₁ − jll₀ = 0.6 ln 2 − 0.8 ln 2, so P(relevant) = 1 / (1 + 2^0.2).
        Assert.Equal(1 / (1 + Math.Pow(2, 0.2)), nb.Score(x, 2), 1e-15);
    }

    [DatasetFact("Nagtegaal_2019.csv")]
    public void NaiveBayesAndSvm_OnNagtegaal_MatchScikitLearn()
    {
        var reference = Reference.Load();
        var records = RecordFile.Read(SharedDatasets.PathOf("Nagtegaal_2019.csv"), labelColumn: "label_included").GetRecordsOrThrow();
        int[] train = [.. reference.GetProperty("train").EnumerateArray().Select(e => e.GetInt32())];
        int[] test = [.. reference.GetProperty("test").EnumerateArray().Select(e => e.GetInt32())];
        bool[] y = [.. train.Select(i => records[i].Included == true)];
        string[] texts = [.. records.Select(r => r.Text)];

        var nbFeatures = TfidfFeatures.Fit(texts, new TfidfOptions(EnglishStopWords: true)).Matrix;
        var nb = new NaiveBayes(3.822, nbFeatures.ColumnCount);
        nb.Fit(nbFeatures, train, y, RankingClassifier.Weights(y, 1.2));
        var svmFeatures = TfidfFeatures.Fit(texts, new TfidfOptions()).Matrix;
        var svm = new LinearSvm(0.11, 1e-6, 10_000, svmFeatures.ColumnCount, 7);
        svm.Fit(svmFeatures, train, y, RankingClassifier.Weights(y, 9.8));

        double[] nbExpected = [.. reference.GetProperty("naiveBayesProbability").EnumerateArray().Select(e => e.GetDouble())];
        double[] svmExpected = [.. reference.GetProperty("svmDecision").EnumerateArray().Select(e => e.GetDouble())];
        for (int k = 0; k < test.Length; k++)
        {
            Assert.Equal(nbExpected[k], nb.Score(nbFeatures, test[k]), 1e-9);
            // liblinear stops at tolerance 1e-4; this solver is run to 1e-6, so both are within ~1e-3 of the optimum.
            Assert.Equal(svmExpected[k], svm.Score(svmFeatures, test[k]), 2e-3);
        }
    }

    /// <summary>The SVM grown one record at a time keeps the records' Gram matrix; fitted from cold on the same records it
    /// computes margins from w as liblinear does. Both solve the same problem, so they give the same decision values, to
    /// their tolerance (10⁻⁵: each stops within about 10⁻⁵ of the optimum).</summary>
    [Theory]
    [InlineData(40, 30)]
    [InlineData(400, 300)]
    public void LinearSvm_GrownOneRecordAtATime_MatchesTheSvmFittedFromCold(int records, int labelled)
    {
        var (x, order, relevant) = RandomProblem(records, labelled);

        var grown = new LinearSvm(0.11, LinearSvm.GramTolerance, 100_000, 12, 1);
        for (int n = 2; n <= order.Length; n++)
        {
            bool[] labels = [.. order[..n].Select(r => relevant[r])];
            grown.Fit(x, order[..n], labels, RankingClassifier.Weights(labels, 9.8));
            Assert.True(grown.UsedGram);
        }
        var cold = new LinearSvm(0.11, LinearSvm.GramTolerance, 100_000, 12, 1);
        bool[] all = [.. order.Select(r => relevant[r])];
        cold.Fit(x, order, all, RankingClassifier.Weights(all, 9.8));

        Assert.False(cold.UsedGram);
        for (int r = 0; r < records; r++) Assert.Equal(cold.Score(x, r), grown.Score(x, r), 1e-4);
    }

    /// <summary>Below the tolerance that single-precision margins can resolve, a grown SVM fits liblinear's way, and
    /// then agrees with the cold fit to that tighter tolerance.</summary>
    [Fact]
    public void LinearSvm_ToleranceBelowTheGramMatrixs_FitsLiblinearsWay()
    {
        var (x, order, relevant) = RandomProblem(40, 30);

        var grown = new LinearSvm(0.11, 1e-10, 100_000, 12, 1);
        for (int n = 2; n <= order.Length; n++)
        {
            bool[] labels = [.. order[..n].Select(r => relevant[r])];
            grown.Fit(x, order[..n], labels, RankingClassifier.Weights(labels, 9.8));
            Assert.False(grown.UsedGram);
        }
        var cold = new LinearSvm(0.11, 1e-10, 100_000, 12, 1);
        bool[] all = [.. order.Select(r => relevant[r])];
        cold.Fit(x, order, all, RankingClassifier.Weights(all, 9.8));

        for (int r = 0; r < 40; r++) Assert.Equal(cold.Score(x, r), grown.Score(x, r), 1e-8);
    }

    /// <summary>Random sparse records of 12 terms, labelled by their first four terms, and a screening order that starts
    /// with one relevant and one irrelevant record, as a simulation's priors.</summary>
    private static (SparseRows X, int[] Order, bool[] Relevant) RandomProblem(int records, int labelled)
    {
        var random = new SplitMix(3);
        var rows = Enumerable.Range(0, records).Select(_ => Enumerable.Range(0, 12).Select(_ => random.NextDouble() < 0.3 ? random.NextDouble() : 0).ToArray()).ToArray();
        bool[] relevant = [.. rows.Select(r => r[0] + r[1] > r[2] + r[3])];
        int first = Array.IndexOf(relevant, true), second = Array.IndexOf(relevant, false);
        int[] order = [first, second, .. Enumerable.Range(0, records).Where(r => r != first && r != second).Take(labelled - 2)];
        return (Rows(rows), order, relevant);
    }

    [Fact]
    public void ScoreAll_EnoughRecordsToScoreInParallel_GivesEachRecordsOwnScore()
    {
        var (x, order, relevant) = RandomProblem(RankingClassifier.ParallelScoring + 500, 50);
        var svm = new LinearSvm(0.11, 1e-4, 1000, 12, 1);
        bool[] labels = [.. order.Select(r => relevant[r])];
        svm.Fit(x, order, labels, RankingClassifier.Weights(labels, 9.8));
        bool[] include = [.. Enumerable.Range(0, x.RowCount).Select(r => r % 3 != 0)];
        var scores = new double[x.RowCount];

        svm.ScoreAll(x, include, scores);

        Assert.Equal(Enumerable.Range(0, x.RowCount).Select(r => include[r] ? svm.Score(x, r) : double.NegativeInfinity), scores);
    }

    [Fact]
    public void ScoreAll_FromTheKernelColumns_MatchesTheScoresThroughW()
    {
        var (x, order, relevant) = RandomProblem(60, 40);
        var svm = new LinearSvm(0.11, 1e-4, 1000, 12, 1);
        for (int n = 2; n <= order.Length; n++)
        {
            bool[] labels = [.. order[..n].Select(r => relevant[r])];
            svm.Fit(x, order[..n], labels, RankingClassifier.Weights(labels, 9.8));
        }
        bool[] include = [.. Enumerable.Range(0, 60).Select(r => r % 4 != 1)];
        var scores = new double[60];

        svm.ScoreAll(x, include, scores);

        Assert.True(svm.ScoresFromKernel);
        // Σ βq·(xⱼ·x_q + 1) from single-precision columns against xⱼ·w + b in double precision.
        for (int r = 0; r < 60; r++)
        {
            if (include[r]) Assert.Equal(svm.Score(x, r), scores[r], 1e-6);
            else Assert.Equal(double.NegativeInfinity, scores[r]);
        }
    }

    [Fact]
    public void Transpose_ListsEachColumnsRowsAndValues()
    {
        var x = Rows([1, 0, 2], [0, 3, 4]);

        var t = x.Transpose();

        Assert.Equal((3, 2), (t.RowCount, t.ColumnCount));
        Assert.Equal([0, 1, 2, 4], t.RowStart);
        Assert.Equal([0, 1, 0, 1], t.Columns);
        Assert.Equal([1.0, 3, 2, 4], t.Values);
    }

    [Fact]
    public void Parameters_RecordEveryParameterOfThePreset()
    {
        var parameters = ScreeningModel.ElasU4.Parameters;

        Assert.Equal("0.11", parameters["classifier.C"]);
        Assert.Equal("9.8", parameters["balancer.ratio"]);
        Assert.Equal("(1, 2)", parameters["feature_extractor.ngram_range"]);
        Assert.Equal("0.95", parameters["feature_extractor.max_df"]);
        Assert.Equal("3.822", ScreeningModel.ElasU3.Parameters["classifier.alpha"]);
        Assert.Equal("english", ScreeningModel.ElasU3.Parameters["feature_extractor.stop_words"]);
    }
}
