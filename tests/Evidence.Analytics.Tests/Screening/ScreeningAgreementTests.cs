namespace Evidence.Analytics.Tests.Screening;

public class ScreeningAgreementTests
{
    [Fact]
    public void FromCounts_StataTable_MatchesKapAndKapci()
    {
        // GUIDE.md §6: Stata table [[1395, 118], [261, 158]], n = 1932: p_o = 0.80383, p_e = 0.70223, κ = 0.34120,
        // Fleiss–Cohen–Everitt SE = 0.026291 → 95% CI 0.290–0.393 (Stata kapci); null SE = 0.022037 (Stata kap).
        var agreement = ScreeningAgreement.FromCounts(1395, 118, 261, 158);

        Assert.Equal(1932, agreement.Records);
        Assert.Equal(0.80383, agreement.ObservedAgreement, 5);
        Assert.Equal(0.70223, agreement.ExpectedAgreement, 5);
        Assert.Equal(0.34120, agreement.Kappa!.Value, 5);
        Assert.Equal(0.026291, agreement.StandardError!.Value, 6);
        Assert.Equal(0.290, agreement.Lower!.Value, 3);
        Assert.Equal(0.393, agreement.Upper!.Value, 3);
        Assert.Equal(0.022037, agreement.NullStandardError!.Value, 6);
        Assert.Equal(AgreementBand.Fair, agreement.Band);
    }

    [Fact]
    public void FromCounts_StataTable_GivesPabakAndIndicesByHand()
    {
        var agreement = ScreeningAgreement.FromCounts(1395, 118, 261, 158);

        // By hand (GUIDE.md §6 formulas): PABAK = 2·(1553/1932) − 1 = 0.607660; prevalence = (1395 − 158)/1932 = 0.640269;
        // bias = (118 − 261)/1932 = −0.074017; z = 0.341204/0.022037 = 15.48.
        Assert.Equal(0.607660, agreement.Pabak, 6);
        Assert.Equal(0.640269, agreement.PrevalenceIndex, 6);
        Assert.Equal(-0.074017, agreement.BiasIndex, 6);
        Assert.Equal(15.48, agreement.Z!.Value, 2);
        Assert.True(agreement.PValue < 1e-10);
        Assert.Equal(379, agreement.Disagreements);
    }

    [Fact]
    public void FromCounts_StatpsychExample_MatchesCiKappa()
    {
        // GUIDE.md §6: statpsych ci.kappa(.05, 31, 12, 4, 58): κ = 0.67568, SE = 0.073448, CI 0.5317–0.8196.
        // ci.kappa's arguments are f00, f01, f10, f11; κ and its SE do not depend on which category is called "include".
        var agreement = ScreeningAgreement.FromCounts(bothInclude: 58, firstIncludesOnly: 4, secondIncludesOnly: 12, bothExclude: 31);

        Assert.Equal(0.67568, agreement.Kappa!.Value, 5);
        Assert.Equal(0.073448, agreement.StandardError!.Value, 6);
        Assert.Equal(0.5317, agreement.Lower!.Value, 4);
        Assert.Equal(0.8196, agreement.Upper!.Value, 4);
        Assert.Equal(AgreementBand.Substantial, agreement.Band);
        // GUIDE.md §6 formulas evaluated in R 4.2.2 (Statistics/reference-values.R): null SE 0.0962983179, PABAK 0.6952380952.
        Assert.Equal(0.0962983, agreement.NullStandardError!.Value, 6);
        Assert.Equal(0.6952381, agreement.Pabak, 6);
    }

    [Fact]
    public void FromCounts_PerfectAgreement_HasKappaOneAndZeroSe()
    {
        var agreement = ScreeningAgreement.FromCounts(10, 0, 0, 90);

        Assert.Equal(1, agreement.Kappa!.Value, 12);
        Assert.Equal(0, agreement.StandardError!.Value, 12);
        Assert.Equal(100, agreement.PercentAgreement, 12);
        Assert.Equal(AgreementBand.AlmostPerfect, agreement.Band);
        Assert.Equal("almost perfect", agreement.BandLabel);
    }

    [Fact]
    public void FromCounts_OneScreenerExcludesEverything_KappaIsUndefined()
    {
        // Both excluded everything: p_e = 1, so κ = 0/0; PABAK is still 1.
        var agreement = ScreeningAgreement.FromCounts(0, 0, 0, 50);

        Assert.Null(agreement.Kappa);
        Assert.Null(agreement.Band);
        Assert.Equal(1, agreement.Pabak);
        Assert.Contains("undefined", agreement.ToString());
    }

    [Fact]
    public void FromCounts_NoRecords_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScreeningAgreement.FromCounts(0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScreeningAgreement.FromCounts(-1, 0, 0, 3));
    }

    [Fact]
    public void ToString_StataTable_ReportsKappaWithMethodAndBand()
    {
        string text = ScreeningAgreement.FromCounts(1395, 118, 261, 158).ToString();

        Assert.Contains("1932 records, 379 disagreements", text);
        Assert.Contains("Cohen's kappa 0.341 (SE 0.0263, 95% CI 0.290 to 0.393; Fleiss-Cohen-Everitt), fair (Landis-Koch)", text);
        Assert.Contains("PABAK 0.608", text);
    }
}
