namespace Evidence.Analytics;

/// <summary>Maps a continuous domain linearly onto a pixel range.</summary>
internal readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double this[double value] =>
        DomainMax == DomainMin ? RangeMin : RangeMin + (value - DomainMin) / (DomainMax - DomainMin) * (RangeMax - RangeMin);

    /// <summary>"Nice" tick values covering [<paramref name="min"/>, <paramref name="max"/>]: steps of 1, 2 or 5 × 10^k,
    /// at most about <paramref name="maxTicks"/> of them (Heckbert 1990, "Nice numbers for graph labels").</summary>
    /// <param name="min">The smallest value to cover.</param>
    /// <param name="max">The largest value to cover.</param>
    /// <param name="maxTicks">About how many ticks at most.</param>
    /// <param name="integers">Whether ticks must be whole numbers (counts): the step is then at least 1.</param>
    public static IReadOnlyList<double> NiceTicks(double min, double max, int maxTicks = 6, bool integers = false)
    {
        if (!(max > min)) return [min];
        double step = NiceStep((max - min) / Math.Max(1, maxTicks - 1));
        if (integers) step = Math.Max(1, Math.Round(step));
        double first = Math.Floor(min / step) * step, last = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (int i = 0; first + i * step <= last + step * 1e-9; i++)
            ticks.Add(Math.Round(first + i * step, 10));
        return ticks;
    }

    private static double NiceStep(double rough)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}

/// <summary>Divides a pixel range into equal bands, one per category, with inner padding.</summary>
internal readonly record struct BandScale(int Count, double RangeMin, double RangeMax, double Padding = 0.2)
{
    public double Step => Count == 0 ? 0 : (RangeMax - RangeMin) / Count;
    public double Bandwidth => Step * (1 - Padding);
    public double Start(int index) => RangeMin + index * Step + Step * Padding / 2;
    public double Centre(int index) => RangeMin + (index + 0.5) * Step;
}
