using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How a P value is written wherever the library reports one (the CLI, notebook tables, sheets and charts):
/// two significant figures, and "P &lt; 0.0001" below that, so a P value never reads as "P = 0".</summary>
internal static class PValues
{
    /// <summary>The smallest P value written as a number; smaller ones are written "&lt; 0.0001".</summary>
    public const double Floor = 0.0001;

    /// <summary>"0.0074", "0.22", "0.063", "0.00038", "1", or "&lt; 0.0001" (invariant culture).</summary>
    public static string Format(double p)
    {
        if (double.IsNaN(p)) return "–";
        if (p < Floor) return "< 0.0001";
        // Two significant figures: round first, so 0.0995 becomes 0.10 rather than 0.100. Exact P values sit on
        // midpoints (5 of 5: 2 · 0.5⁵ = 0.0625) that the computed value can miss by an ulp (0.06249999…), so a
        // relative nudge far below the shown precision rounds them as the exact value rounds: 0.063.
        int magnitude = (int)Math.Floor(Math.Log10(p));
        double rounded = Math.Round(p * (1 + 1e-9), 1 - magnitude, MidpointRounding.AwayFromZero);
        if (rounded >= 1) return "1";
        int decimals = 1 - (int)Math.Floor(Math.Log10(rounded));
        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>"P = 0.0074", or "P &lt; 0.0001".</summary>
    public static string Statement(double p) => p < Floor ? "P < 0.0001" : "P = " + Format(p);
}
