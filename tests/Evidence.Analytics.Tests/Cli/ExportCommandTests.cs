using Evidence.Analytics.Cli;
using Evidence.Analytics.Tests.Interop;
using Xunit;

namespace Evidence.Analytics.Tests.Cli;

public sealed class ExportCommandTests
{
    private static string Sample => Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx");

    private static string NewFolder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "evidence-export-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public async Task Export_AllThreeFormats_WritesEachAndTheyReadBackAsTheReview()
    {
        string folder = NewFolder();
        try
        {
            string json = Path.Combine(folder, "review.json"), csv = Path.Combine(folder, "prisma.csv"), ris = Path.Combine(folder, "studies.ris");

            var (exit, output, error) = await CliRunner.Run("export", Sample, "--eppi-json", json, "--prisma2020-csv", csv, "--ris", ris);

            Assert.True(exit == EvidenceCli.Success, error);
            Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var evidence = EvidenceWorkbook.Read(Sample).GetEvidenceOrThrow();
            var fromJson = EppiReviewerJson.Read(json);
            Assert.True(fromJson.IsValid, string.Join("\n", fromJson.Problems));
            Assert.Equal(evidence.Studies.Select(s => s.Id), fromJson.Evidence!.Studies.Select(s => s.Id));
            Assert.Equal(evidence.Findings.Length, fromJson.Evidence.Findings.Length);
            var flow = Prisma2020Csv.Read(csv, out var problems);
            Assert.Empty(problems);
            Assert.Equal((evidence.Flow!.Screened, evidence.Flow.StudiesIncluded, evidence.Flow.IdentifiedTotal), (flow!.Screened, flow.StudiesIncluded, flow.IdentifiedTotal));
            Assert.Equal(evidence.Studies.Length, RecordFile.Read(ris).Records.Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_NoFormat_IsAUsageErrorSayingWhatToGive()
    {
        var (exit, _, error) = await CliRunner.Run("export", Sample);

        Assert.Equal(EvidenceCli.UsageError, exit);
        Assert.Contains("Give at least one of --eppi-json, --prisma2020-csv and --ris", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_EppiJsonWithMappingFlowAndCitations_WritesTheWorkbook()
    {
        string folder = NewFolder();
        try
        {
            string json = Path.Combine(folder, "handmade.json"), mapping = Path.Combine(folder, "mapping.csv"), workbook = Path.Combine(folder, "review.xlsx");
            string flow = Path.Combine(folder, "prisma.csv"), ris = Path.Combine(folder, "cited.ris");
            File.WriteAllText(json, EppiReviewerJsonTests.HandMade);
            File.WriteAllText(mapping, EppiReviewerJsonTests.HandMadeMapping);
            File.WriteAllText(flow, Prisma2020Csv.ToCsv(Prisma2020CsvTests.FullFlow()));
            File.WriteAllText(ris, "TY  - JOUR\nID  - S2\nAU  - Chen C\nPY  - 2022\nTI  - Home visits and classes: final report\nER  - \n");

            var (exit, output, error) = await CliRunner.Run("convert", json, "--mapping", mapping, "--flow", flow, "--citations", ris, "-o", workbook);

            Assert.True(exit == EvidenceCli.Success, error);
            Assert.Contains("3 studies, 3 interventions, 4 findings", output, StringComparison.Ordinal);
            Assert.Contains("Citations of 1 of 3 studies", error, StringComparison.Ordinal);
            var back = EvidenceWorkbook.Read(workbook);
            Assert.True(back.IsValid, string.Join("\n", back.Problems));
            Assert.Equal("Home visits and classes: final report", back.Evidence!.Study("S2").Citation.Title);
            // The Flow sheet keeps the registers, the previous version and the other methods.
            var read = back.Evidence.Flow!;
            Assert.Equal((5, 6, 50, 10), (read.PreviousStudies, read.PreviousReports, read.RegistersTotal, read.OtherMethods!.Assessed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Convert_EppiJsonWithAnUnmappedCode_ListsTheLocatedErrorAndExitsOne()
    {
        string folder = NewFolder();
        try
        {
            string json = Path.Combine(folder, "handmade.json");
            File.WriteAllText(json, EppiReviewerJsonTests.HandMade);

            var (exit, _, error) = await CliRunner.Run("convert", json, "-o", Path.Combine(folder, "out.xlsx"));

            Assert.Equal(EvidenceCli.InputProblems, exit);
            Assert.Contains("References, row 3, column 'Codes': Reference ItemId 9000000003: the code 'Screening > Include' maps to no field", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
