namespace Evidence.Analytics;

// In a notebook a chart shows as its SVG and, where HTML is not rendered, as its title and description.
[TypeFormatterSource(typeof(DisplayFormatterSource<Chart>))]
public abstract partial class Chart;
