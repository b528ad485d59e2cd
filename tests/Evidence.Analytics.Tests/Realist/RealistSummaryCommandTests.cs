using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Import;

namespace Evidence.Analytics.Tests.Realist;

/// <summary><c>evidence summary</c> on a realist review: CMO configurations per family next to studies and interventions.</summary>
public sealed class RealistSummaryCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await EvidenceCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task SummaryJson_RealistSample_CountsConfigurationsPerFamily()
    {
        // McLeish, Ayers & McCourt 2023 abstract: 29 studies, 22 programmes, 13 + 13 + 8 configurations.
        var (exit, output, error) = await Run("summary", PerinatalPeerSupportSampleTests.SampleFolder, "--json");

        Assert.Equal((EvidenceCli.Success, ""), (exit, error));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(29, root.GetProperty("studies").GetInt32());
        Assert.Equal(22, root.GetProperty("interventions").GetInt32());
        Assert.Equal(["studies", "interventions", "cmoConfigurations"], root.EnumerateObject().Take(3).Select(p => p.Name));
        Assert.Equal([("Take-up", 13), ("Positive impact", 13), ("Negative impact", 8)],
            root.GetProperty("cmoConfigurations").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
    }

    [Fact]
    public async Task SummaryJson_ReviewWithoutConfigurations_HasEmptyObject()
    {
        var (_, output, _) = await Run("summary", SampleDataTests.SampleFolder, "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("cmoConfigurations").EnumerateObject());
    }

    [Fact]
    public async Task Summary_RealistSample_PrintsFamilyTable()
    {
        var (exit, output, _) = await Run("summary", PerinatalPeerSupportSampleTests.SampleFolder);

        Assert.Equal(EvidenceCli.Success, exit);
        Assert.Matches(@"Negative impact\s+│\s+8", output);
    }
}
