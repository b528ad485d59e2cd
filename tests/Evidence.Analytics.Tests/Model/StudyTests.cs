namespace Evidence.Analytics.Tests.Model;

public sealed class StudyTests
{
    private static readonly Citation Citation = new("Dennis CL", 2009, "Title");

    [Fact]
    public void Countries_WithBlanksSpacesAndRepeats_AreEachKeptOnceAsFirstGiven()
    {
        var study = new Study("S01", Citation, StudyDesign.Rct, countries: [" UK", "uk", "", "  ", "Australia ", "UK"]);

        Assert.Equal(["UK", "Australia"], study.Countries.ToArray());
    }

    [Fact]
    public void InterventionIds_ManyWithRepeats_AreEachKeptOnceInTheOrderGiven()
    {
        // Ten ids, more than the pairwise path compares: I03 and i01 repeat earlier ids.
        string[] given = ["I01", "I02", "I03", "I04", "I05", "I03", "I06", "i01", "I07", " I08 "];

        var study = new Study("S01", Citation, StudyDesign.Rct, interventionIds: given);

        Assert.Equal(["I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08"], study.InterventionIds.ToArray());
        Assert.Equal(["I02", "I01"], new Study("S02", Citation, StudyDesign.Rct, interventionIds: ["I02", "I01", "i02"]).InterventionIds.ToArray());
    }
}
