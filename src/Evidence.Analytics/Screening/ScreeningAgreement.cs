using System.Globalization;
using System.Text;
using MathNet.Numerics.Distributions;

namespace Evidence.Analytics;

/// <summary>How well two screeners agree on include/exclude decisions: percent agreement, Cohen's kappa with its
/// standard error and confidence interval, PABAK and the prevalence and bias indices.</summary>
/// <remarks>
/// <para>The 2×2 table: a = both include, b = first includes and second excludes, c = first excludes and second
/// includes, d = both exclude; N = a + b + c + d; proportions p_ij = count/N (GUIDE.md §6).</para>
/// <list type="bullet">
/// <item>p_o = (a + d)/N; p_e = Σ p_i+·p_+i; κ = (p_o − p_e)/(1 − p_e) (Cohen 1960).</item>
/// <item><see cref="StandardError"/>: Fleiss, Cohen &amp; Everitt (1969), √(A + B − C)/((1 − p_e)√N) with
/// A = Σ p_ii[1 − (p_i+ + p_+i)(1 − κ)]², B = (1 − κ)² Σ_{i≠j} p_ij(p_+i + p_j+)², C = [κ − p_e(1 − κ)]². It matches Stata's
/// <c>kapci</c> and statpsych's <c>ci.kappa</c>; the interval is κ ± z·SE.</item>
/// <item><see cref="NullStandardError"/>: the SE under H₀ κ = 0, √(p_e + p_e² − Σ p_i+p_+i(p_i+ + p_+i))/((1 − p_e)√N), used for
/// <see cref="Z"/> and its two-sided normal <see cref="PValue"/> (Stata's <c>kap</c>).</item>
/// <item>PABAK = 2p_o − 1 (Byrt, Bishop &amp; Carlin 1993); prevalence index = (a − d)/N; bias index = (b − c)/N.</item>
/// </list>
/// <para>Screening data are very unbalanced (33 included of 13,851), which drives p_e towards 1 and κ down even when the
/// screeners almost always agree; read κ with PABAK and the prevalence index. When p_e = 1 (a screener gave one decision
/// to every record) κ is undefined and its statistics are null.</para>
/// <para>Immutable.</para>
/// </remarks>
public sealed partial class ScreeningAgreement
{
    private ScreeningAgreement(int bothInclude, int firstOnly, int secondOnly, int bothExclude, double level, string firstScreener, string secondScreener)
    {
        BothInclude = bothInclude;
        FirstIncludesOnly = firstOnly;
        SecondIncludesOnly = secondOnly;
        BothExclude = bothExclude;
        Level = level;
        FirstScreener = firstScreener;
        SecondScreener = secondScreener;

        double n = Records;
        double pa = bothInclude / n, pb = firstOnly / n, pc = secondOnly / n, pd = bothExclude / n;
        double row1 = pa + pb, row2 = pc + pd; // first screener: include, exclude
        double col1 = pa + pc, col2 = pb + pd; // second screener: include, exclude
        ObservedAgreement = pa + pd;
        ExpectedAgreement = row1 * col1 + row2 * col2;
        Pabak = 2 * ObservedAgreement - 1;
        PrevalenceIndex = (bothInclude - bothExclude) / n;
        BiasIndex = (firstOnly - secondOnly) / n;
        if (ExpectedAgreement >= 1) return;

        double pe = ExpectedAgreement, k = (ObservedAgreement - pe) / (1 - pe);
        Kappa = k;
        double a = pa * Square(1 - (row1 + col1) * (1 - k)) + pd * Square(1 - (row2 + col2) * (1 - k));
        double b = Square(1 - k) * (pb * Square(col1 + row2) + pc * Square(col2 + row1));
        double c = Square(k - pe * (1 - k));
        double se = Math.Sqrt(Math.Max(0, a + b - c)) / ((1 - pe) * Math.Sqrt(n));
        StandardError = se;
        double z = Proportion.NormalQuantile(level);
        Lower = k - z * se;
        Upper = k + z * se;
        double nullVariance = pe + pe * pe - (row1 * col1 * (row1 + col1) + row2 * col2 * (row2 + col2));
        double nullSe = Math.Sqrt(Math.Max(0, nullVariance)) / ((1 - pe) * Math.Sqrt(n));
        NullStandardError = nullSe;
        if (nullSe > 0)
        {
            Z = k / nullSe;
            PValue = 2 * Normal.CDF(0, 1, -Math.Abs(k / nullSe));
        }
        Band = k switch
        {
            < 0 => AgreementBand.Poor,
            <= 0.20 => AgreementBand.Slight,
            <= 0.40 => AgreementBand.Fair,
            <= 0.60 => AgreementBand.Moderate,
            <= 0.80 => AgreementBand.Substantial,
            _ => AgreementBand.AlmostPerfect,
        };
    }

    /// <summary>Agreement statistics from the four cells of the 2×2 table.</summary>
    /// <param name="bothInclude">a: both screeners include.</param>
    /// <param name="firstIncludesOnly">b: the first includes, the second excludes.</param>
    /// <param name="secondIncludesOnly">c: the first excludes, the second includes.</param>
    /// <param name="bothExclude">d: both exclude.</param>
    /// <param name="level">The confidence level for κ's interval.</param>
    /// <param name="firstScreener">The first screener's name.</param>
    /// <param name="secondScreener">The second screener's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, all are zero, or the level is outside (0, 1).</exception>
    public static ScreeningAgreement FromCounts(int bothInclude, int firstIncludesOnly, int secondIncludesOnly, int bothExclude,
        double level = 0.95, string firstScreener = "Screener 1", string secondScreener = "Screener 2")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bothInclude);
        ArgumentOutOfRangeException.ThrowIfNegative(firstIncludesOnly);
        ArgumentOutOfRangeException.ThrowIfNegative(secondIncludesOnly);
        ArgumentOutOfRangeException.ThrowIfNegative(bothExclude);
        if ((long)bothInclude + firstIncludesOnly + secondIncludesOnly + bothExclude == 0)
            throw new ArgumentOutOfRangeException(nameof(bothInclude), "Agreement needs at least one record screened by both screeners.");
        Proportion.CheckLevel(level);
        ArgumentException.ThrowIfNullOrWhiteSpace(firstScreener);
        ArgumentException.ThrowIfNullOrWhiteSpace(secondScreener);
        return new ScreeningAgreement(bothInclude, firstIncludesOnly, secondIncludesOnly, bothExclude, level, firstScreener.Trim(), secondScreener.Trim());
    }

    /// <summary>The first screener.</summary>
    public string FirstScreener { get; }

    /// <summary>The second screener.</summary>
    public string SecondScreener { get; }

    /// <summary>a: records both screeners included.</summary>
    public int BothInclude { get; }

    /// <summary>b: records the first screener included and the second excluded.</summary>
    public int FirstIncludesOnly { get; }

    /// <summary>c: records the first screener excluded and the second included.</summary>
    public int SecondIncludesOnly { get; }

    /// <summary>d: records both screeners excluded.</summary>
    public int BothExclude { get; }

    /// <summary>N: records screened by both.</summary>
    public int Records => BothInclude + FirstIncludesOnly + SecondIncludesOnly + BothExclude;

    /// <summary>Records the screeners disagree on (b + c), to be resolved by discussion or a third screener.</summary>
    public int Disagreements => FirstIncludesOnly + SecondIncludesOnly;

    /// <summary>p_o: the proportion of records with the same decision.</summary>
    public double ObservedAgreement { get; }

    /// <summary>p_o as a percentage.</summary>
    public double PercentAgreement => 100 * ObservedAgreement;

    /// <summary>p_e: the agreement expected by chance from the screeners' margins.</summary>
    public double ExpectedAgreement { get; }

    /// <summary>Cohen's κ, or null when p_e = 1.</summary>
    public double? Kappa { get; }

    /// <summary>The Fleiss–Cohen–Everitt standard error of κ (for the interval), or null.</summary>
    public double? StandardError { get; }

    /// <summary>The lower limit of κ's confidence interval (κ − z·SE; may fall below −1 for tiny tables), or null.</summary>
    public double? Lower { get; }

    /// <summary>The upper limit of κ's confidence interval, or null.</summary>
    public double? Upper { get; }

    /// <summary>The confidence level.</summary>
    public double Level { get; }

    /// <summary>The standard error of κ under H₀ κ = 0 (for the z test), or null.</summary>
    public double? NullStandardError { get; }

    /// <summary>z = κ / null SE, or null.</summary>
    public double? Z { get; }

    /// <summary>The two-sided normal P value of <see cref="Z"/>, or null.</summary>
    public double? PValue { get; }

    /// <summary>The prevalence-adjusted bias-adjusted kappa, 2p_o − 1.</summary>
    public double Pabak { get; }

    /// <summary>The prevalence index, (a − d)/N: near −1 when almost every record is excluded by both.</summary>
    public double PrevalenceIndex { get; }

    /// <summary>The bias index, (b − c)/N: how much more often the first screener includes than the second.</summary>
    public double BiasIndex { get; }

    /// <summary>The Landis–Koch band of κ, or null.</summary>
    public AgreementBand? Band { get; }

    /// <summary>The band as words ("fair", "almost perfect"), or "undefined".</summary>
    public string BandLabel => Band switch
    {
        null => "undefined",
        AgreementBand.AlmostPerfect => "almost perfect",
        { } band => band.ToString().ToLowerInvariant(),
    };

    /// <summary>A short report: the table, percent agreement, κ with SE and interval, PABAK and the indices.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"Screening agreement, {FirstScreener} vs {SecondScreener}: {Records} records, {Disagreements} disagreements").AppendLine();
        text.Append(c, $"  both include {BothInclude}, only {FirstScreener} includes {FirstIncludesOnly}, only {SecondScreener} includes {SecondIncludesOnly}, both exclude {BothExclude}").AppendLine();
        text.Append(c, $"  agreement {PercentAgreement:0.0}% (chance {100 * ExpectedAgreement:0.0}%)").AppendLine();
        if (Kappa is { } k)
        {
            text.Append(c, $"  Cohen's kappa {k:0.000} (SE {StandardError:0.0000}, {Level * 100:0.##}% CI {Lower:0.000} to {Upper:0.000}; Fleiss-Cohen-Everitt), {BandLabel} (Landis-Koch)").AppendLine();
            text.Append(c, $"  test of kappa = 0: null SE {NullStandardError:0.0000}, z = {Z:0.00}, {(PValue is { } p ? PValues.Statement(p) : "P –")}").AppendLine();
        }
        else
        {
            text.AppendLine("  Cohen's kappa undefined: chance agreement is 100% (a screener gave every record the same decision)");
        }
        text.Append(c, $"  PABAK {Pabak:0.000}; prevalence index {PrevalenceIndex:0.000}; bias index {BiasIndex:0.000}");
        return text.ToString();
    }

    private static double Square(double x) => x * x;
}
