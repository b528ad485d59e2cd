using Xunit;

namespace Evidence.Analytics.Tests.Charts;

public sealed class ChartGalleryTests
{
    /// <summary>Writes every chart to $EVIDENCE_CHARTS_OUT for looking at (render with headless Chromium); a no-op otherwise.</summary>
    [Fact]
    public void Gallery_WhenOutputFolderIsSet_WritesEverySvg()
    {
        string? folder = Environment.GetEnvironmentVariable("EVIDENCE_CHARTS_OUT");
        var charts = ChartGallery.All();
        Assert.NotEmpty(charts);
        if (folder is null) return;
        foreach (var (name, chart) in charts)
            chart.SaveSvg(Path.Combine(folder, name + ".svg"));
        Assert.All(charts, c => Assert.True(File.Exists(Path.Combine(folder, c.Name + ".svg"))));
    }
}
