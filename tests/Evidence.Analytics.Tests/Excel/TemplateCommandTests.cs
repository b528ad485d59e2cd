using Evidence.Analytics.Cli;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

public class TemplateCommandTests
{
    [Fact]
    public async Task Template_WithOutput_WritesTheTemplateAndExitsZero()
    {
        string path = Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.xlsx");
        try
        {
            var output = new StringWriter();
            int exit = await EvidenceCli.RunAsync(["template", "-o", path], output, new StringWriter());
            Assert.Equal(EvidenceCli.Success, exit);
            Assert.Equal(ExtractionTemplateTests.Template(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Template_WithoutOutput_IsAUsageError()
    {
        var error = new StringWriter();
        int exit = await EvidenceCli.RunAsync(["template"], new StringWriter(), error);
        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("--output", error.ToString());
    }
}
