using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Import;

namespace Evidence.Analytics.Tests.Cli;

/// <summary>Damaged input on the command line: exit code 2, one sentence saying what is wrong and where, the same
/// sentence as the only problem of the JSON output, and never a stack trace.</summary>
public sealed class DamagedInputCommandTests
{
    private const string Sentence = "The workbook cannot be read: part xl/sharedStrings.xml is damaged (checksum mismatch).";

    private static string DamagedWorkbook(string extension = ".xlsx")
    {
        var (package, _, _) = DamagedCopies.CraftedLetterFlip(DamagedCopies.Sample(), "xl/sharedStrings.xml");
        string path = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, package);
        return path;
    }

    [Fact]
    public async Task Cli_DamagedWorkbook_ExitsTwoWithOneSentence_AndJson()
    {
        string path = DamagedWorkbook();
        try
        {
            var (exit, output, error) = await CliRunner.Run("validate", path);
            Assert.Equal(EvidenceCli.UsageError, exit);
            Assert.Equal("", error);
            Assert.Equal($"error: {path}: {Sentence}{Environment.NewLine}", output);

            (exit, output, error) = await CliRunner.Run("validate", path, "--json");
            Assert.Equal(EvidenceCli.UsageError, exit);
            Assert.Equal("", error);
            AssertRefusalJson(output, path);

            (exit, output, error) = await CliRunner.Run("summary", path);
            Assert.Equal(EvidenceCli.UsageError, exit);
            Assert.Equal("", output);
            Assert.Equal($"error: {path}: {Sentence}{Environment.NewLine}", error);

            (exit, output, error) = await CliRunner.Run("summary", path, "--json");
            Assert.Equal(EvidenceCli.UsageError, exit);
            Assert.Equal($"error: {path}: {Sentence}{Environment.NewLine}", error);
            AssertRefusalJson(output, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertRefusalJson(string output, string path)
    {
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("rowsRead").GetInt32());
        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray());
        Assert.Equal("unreadableFile", problem.GetProperty("kind").GetString());
        Assert.Equal(Sentence, problem.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("sheet").ValueKind);
    }

    [Theory]
    [InlineData("map")]
    [InlineData("report")]
    [InlineData("convert")]
    public async Task Cli_DamagedWorkbook_EveryCommandExitsTwoWithTheSentence(string command)
    {
        string path = DamagedWorkbook();
        string outputFolder = Path.Combine(Path.GetTempPath(), $"damaged-out-{Guid.NewGuid():N}");
        try
        {
            string[] args = command switch
            {
                "report" => [command, path, "-o", outputFolder],
                "convert" => [command, path, "-o", Path.Combine(outputFolder, "out.xlsx")],
                _ => [command, path],
            };
            var (exit, _, error) = await CliRunner.Run(args);

            Assert.Equal(EvidenceCli.UsageError, exit);
            Assert.Equal($"error: {path}: {Sentence}{Environment.NewLine}", error);
        }
        finally
        {
            File.Delete(path);
            if (Directory.Exists(outputFolder)) Directory.Delete(outputFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Cli_AgreementOnDamagedWorkbook_ExitsTwoWithOneSentence()
    {
        string path = DamagedWorkbook();
        try
        {
            var (exit, output, error) = await CliRunner.Run("agreement", path);

            Assert.Equal(EvidenceCli.UsageError, exit);
            Assert.Equal("", output);
            Assert.Equal($"error: {Path.GetFileName(path)}: {Sentence}{Environment.NewLine}", error);

            (exit, output, _) = await CliRunner.Run("agreement", path, "--json");
            Assert.Equal(EvidenceCli.UsageError, exit);
            using var json = JsonDocument.Parse(output);
            Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
            var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
            Assert.Equal(("unreadableFile", Sentence), (problem.GetProperty("kind").GetString(), problem.GetProperty("message").GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
