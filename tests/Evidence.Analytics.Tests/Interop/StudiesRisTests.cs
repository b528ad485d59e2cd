using System.Text;
using Xunit;

namespace Evidence.Analytics.Tests.Interop;

public class StudiesRisTests
{
    private static EvidenceBase Sample() =>
        EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx")).GetEvidenceOrThrow();

    private static RecordImport ReadRis(string text) => RecordFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "studies.ris");

    [Fact]
    public void Write_ThenReadByTheRisReader_GivesEachStudysCitation()
    {
        var evidence = Sample();

        var records = ReadRis(StudiesRis.ToRis(evidence));

        Assert.Empty(records.Problems);
        Assert.Equal(evidence.Studies.Length, records.Records.Length);
        foreach (var (study, record) in evidence.Studies.Zip(records.Records))
        {
            Assert.Equal(study.Id, record.ReferenceId);
            Assert.Equal(study.Citation.Title, record.Title);
            Assert.Equal(study.Citation.Year, record.Year);
            Assert.Equal(study.Citation.Doi, record.Doi);
            Assert.Equal(study.Citation.Authors.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), record.Authors.ToArray());
        }
    }

    [Fact]
    public void Write_DoiAndLineBreaks_AreOneLineTagsWithTheDoiLink()
    {
        var evidence = new EvidenceBase([new Study("S1", new Citation("Ng A; Ode B", 2020, "A title\nover two lines", "https://doi.org/10.1000/xyz"), StudyDesign.Rct)]);

        Assert.Equal("TY  - JOUR\nID  - S1\nAU  - Ng A\nAU  - Ode B\nPY  - 2020\nTI  - A title over two lines\nDO  - 10.1000/xyz\nUR  - https://doi.org/10.1000/xyz\nER  - \n\n",
            StudiesRis.ToRis(evidence));
    }

    [Fact]
    public void Citations_RecordsWhoseIdIsAStudys_ReplaceItsCitation_OthersAreWarnings()
    {
        var evidence = Sample();
        var records = ReadRis("TY  - JOUR\nID  - S02\nAU  - Okafor N\nAU  - Lund P\nPY  - 2019\nTI  - Peer support by telephone\nDO  - 10.1000/s02\nER  - \n\n"
            + "TY  - JOUR\nID  - S99\nTI  - Not in the review\nER  - \n\nTY  - JOUR\nTI  - No id\nER  - \n");
        var problems = new List<ImportProblem>();

        var cited = RisCitations.Apply(evidence, records, problems, out int matched);

        Assert.Equal(1, matched);
        Assert.Equal("Okafor N; Lund P (2019). Peer support by telephone. doi:10.1000/s02", cited.Study("S02").Citation.ToString());
        Assert.Equal(evidence.Study("S01").Citation.ToString(), cited.Study("S01").Citation.ToString());
        // The records start on lines 10 and 15 (the first record has 8 lines and a blank one after it).
        Assert.Equal([("S99", 10), (null, 15)], problems.Select(p => (p.Value, p.Row!.Value)));
        Assert.All(problems, p => Assert.False(p.IsError));
    }
}
