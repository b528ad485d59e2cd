using System.Globalization;

namespace Evidence.Analytics;

/// <summary>How displayed statistics are written, the same in every table and sentence.</summary>
internal static class DisplayNumbers
{
    /// <summary>A P value to four decimals, or "&lt; 0.0001" when it would round to zero (never "0.0000").</summary>
    public static string PValue(double p) =>
        p < 0.00005 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
