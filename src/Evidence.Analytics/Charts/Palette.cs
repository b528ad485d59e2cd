namespace Evidence.Analytics;

/// <summary>A pattern drawn over a series colour, so no series is told apart by colour alone.</summary>
internal enum FillPattern
{
    Solid,
    Hatch,
    Dots,
    CrossHatch,
}

/// <summary>The colour and pattern of one series.</summary>
internal readonly record struct SeriesStyle(string Colour, FillPattern Pattern = FillPattern.Solid);

/// <summary>Colours of the chart layer: the Okabe–Ito palette (Okabe &amp; Ito 2008, "Color Universal Design"),
/// distinguishable with the common forms of colour-vision deficiency, plus neutral greys for ink and grid.</summary>
internal static class Palette
{
    public const string Ink = "#1a1a1a";
    public const string Muted = "#595959";
    public const string Grid = "#d9d9d9";
    public const string Faint = "#f2f2f2";

    // Okabe–Ito.
    public const string Orange = "#E69F00";
    public const string SkyBlue = "#56B4E9";
    public const string BluishGreen = "#009E73";
    public const string Yellow = "#F0E442";
    public const string Blue = "#0072B2";
    public const string Vermillion = "#D55E00";
    public const string ReddishPurple = "#CC79A7";

    /// <summary>The fill of a gap, a cell with no evidence: light grey hatching.</summary>
    public static readonly SeriesStyle Gap = new("#e3e3e3", FillPattern.Hatch);

    /// <summary>The series styles in order: each a distinct Okabe–Ito colour and a distinct pattern.</summary>
    public static readonly SeriesStyle[] Series =
    [
        new(Blue, FillPattern.Solid),
        new(Orange, FillPattern.Hatch),
        new(BluishGreen, FillPattern.Dots),
        new(ReddishPurple, FillPattern.CrossHatch),
        new(SkyBlue, FillPattern.Solid),
        new(Vermillion, FillPattern.Hatch),
        new(Yellow, FillPattern.Dots),
    ];

    /// <summary>The style of series <paramref name="index"/>, cycling when there are more series than styles.</summary>
    public static SeriesStyle SeriesAt(int index) => Series[index % Series.Length];

    /// <summary>The style of a design group: RCTs solid blue, qualitative hatched orange, other dotted green.</summary>
    public static SeriesStyle Of(DesignGroup group) => SeriesAt((int)group);

    /// <summary>The colour of a direction of effect (the shape carries the meaning too).</summary>
    public static SeriesStyle Of(Direction direction) => direction switch
    {
        Direction.Improved => new(BluishGreen, FillPattern.Solid),
        Direction.Worsened => new(Vermillion, FillPattern.Hatch),
        Direction.NoDifference => new("#8c8c8c", FillPattern.Dots),
        Direction.Mixed => new(Orange, FillPattern.CrossHatch),
        _ => new("#cccccc", FillPattern.Solid),
    };

    /// <summary>The light row tint for a risk-of-bias judgement in an effect direction plot (the judgement is also printed).</summary>
    public static string Tint(RiskOfBias? risk) => risk switch
    {
        RiskOfBias.Low => "#d4efe6",          // bluish green, light
        RiskOfBias.SomeConcerns => "#fbf3c2", // yellow, light
        RiskOfBias.High => "#f7d9c4",         // vermillion, light
        _ => "#ffffff",
    };
}
