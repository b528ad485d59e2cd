using Xunit;

namespace Evidence.Analytics.Tests.Maps;

public class EvidenceMapTests
{
    private static readonly EvidenceBase Evidence = HandCountedEvidence.Create();

    [Fact]
    public void Map_Default_IsInterventionTypeByOutcomeInDisplayOrder()
    {
        var map = Evidence.Map();

        Assert.Equal(Dimension.InterventionType, map.Rows);
        Assert.Equal(Dimension.OutcomeDomain, map.Columns);
        Assert.Equal<string>(["Social support", "Education/information", "Physical wellbeing", "Creative/recreational", "Therapeutic support", "Service navigation"], map.RowLabels);
        Assert.Equal<string>(["Social connection", "Mental health", "Parenting confidence", "Mother-infant bonding", "Physical health", "Quality of life", "Service use"], map.ColumnLabels);
        Assert.Equal(map.RowLabels.Length * map.ColumnLabels.Length, map.Cells.Length);
    }

    [Fact]
    public void Map_HandCountedBase_CellsCountDistinctStudies()
    {
        var map = Evidence.Map();

        // Social support × social connection: S1 (I1, two findings), S2 (finding about I1), S4 (I2, two findings).
        var cell = map["Social support", "Social connection"];
        Assert.Equal<string>(["S1", "S2", "S4"], cell.StudyIds);
        Assert.Equal(new DesignGroupCounts(rct: 2, qualitative: 0, other: 1), cell.ByDesignGroup);
        // S1 two of two improved, S2 one of one improved, S4 one improved and one no difference (50% < 70%) → mixed.
        Assert.Equal(new DirectionCounts(improved: 2, noDifference: 0, worsened: 0, mixed: 1), cell.ByDirection);
        Assert.Equal(5, cell.Findings);

        Assert.Equal<string>(["S1", "S2"], map["Education/information", "Social connection"].StudyIds);
        Assert.Equal<string>(["S4"], map["Physical wellbeing", "Social connection"].StudyIds);
        Assert.Equal<string>(["S3"], map["Service navigation", "Social connection"].StudyIds);
        // S2's mental-health finding names no intervention, so it applies to I1 and I2: social support, education, physical wellbeing.
        Assert.Equal<string>(["S1", "S2", "S4"], map["Social support", "Mental health"].StudyIds);
        Assert.Equal(new DirectionCounts(1, 1, 1, 0), map["Social support", "Mental health"].ByDirection);
        Assert.Equal<string>(["S1", "S2"], map["Education/information", "Mental health"].StudyIds);
        Assert.Equal<string>(["S2", "S4"], map["Physical wellbeing", "Mental health"].StudyIds);
        // S2's physical-health finding names I2 only: physical wellbeing and social support, not education.
        Assert.Equal<string>(["S2"], map["Physical wellbeing", "Physical health"].StudyIds);
        Assert.Equal<string>(["S2"], map["Social support", "Physical health"].StudyIds);
        Assert.True(map["Education/information", "Physical health"].IsEmpty);
        Assert.All(Enumerable.Range(0, map.ColumnLabels.Length), c => Assert.True(map[3, c].IsEmpty));
    }

    [Fact]
    public void Map_HandCountedBase_TotalsAreDistinctStudiesNotSums()
    {
        var map = Evidence.Map();

        // Rows: social support S1,S2,S4 (its cells sum to 3+3+1 = 7); education S1,S2; physical S2,S4; creative none;
        // therapeutic none; service navigation S3.
        Assert.Equal<int>([3, 2, 2, 0, 0, 1], map.RowTotals);
        // Columns: social connection S1–S4; mental health S1,S2,S4; physical health S2.
        Assert.Equal<int>([4, 3, 0, 0, 1, 0, 0], map.ColumnTotals);
        Assert.Equal(4, map.TotalStudies);
        Assert.Equal(3 + 2 + 1 + 1 + 3 + 2 + 2 + 1 + 1, map.CellEntries);
        Assert.Equal(10, map.Findings);
        Assert.Equal<string>(["S5"], map.UnmappedStudyIds);
    }

    [Fact]
    public void Map_GapThreshold_ListsEmptyNoRctAndThinCells()
    {
        var map = Evidence.Map(gapThreshold: 3);

        Assert.Equal(6 * 7 - 9, map.Gaps.Count(g => g.Kind == GapKind.Absolute));
        Assert.DoesNotContain(map.Gaps, g => g.Row == "Social support" && g.Column == "Social connection");
        var navigation = Assert.Single(map.Gaps, g => g.Row == "Service navigation" && g.Column == "Social connection");
        Assert.Equal(GapKind.NoRct | GapKind.Thin, navigation.Kind);
        var education = Assert.Single(map.Gaps, g => g.Row == "Education/information" && g.Column == "Social connection");
        Assert.Equal(GapKind.Thin, education.Kind);
        Assert.DoesNotContain(map.Gaps, g => g.Row == "Social support" && g.Column == "Mental health");
        Assert.Equal(GapKind.NoRct | GapKind.Thin, Assert.Single(map.Gaps, g => g.Row == "Physical wellbeing" && g.Column == "Social connection").Kind);
    }

    [Fact]
    public void Map_DesignGroupFilter_KeepsOnlyRcts()
    {
        var map = Evidence.Map(filter: EvidenceFilter.All with { DesignGroups = [DesignGroup.Rct] });

        Assert.Equal<string>(["S1", "S2"], map["Social support", "Social connection"].StudyIds);
        Assert.Equal(2, map.TotalStudies);
        Assert.Empty(map.UnmappedStudyIds);
        Assert.True(map["Physical wellbeing", "Social connection"].IsEmpty);
    }

    [Fact]
    public void Map_InterventionFilter_CountsOnlyFindingsAboutThatIntervention()
    {
        var map = Evidence.Map(filter: EvidenceFilter.All with { InterventionIds = ["i2"] });

        // S2's finding about I1 drops out; its finding naming no intervention now applies to I2 alone.
        Assert.Equal<string>(["S4"], map["Social support", "Social connection"].StudyIds);
        Assert.Equal<string>(["S2", "S4"], map["Social support", "Mental health"].StudyIds);
        Assert.True(map["Education/information", "Mental health"].IsEmpty);
        Assert.Equal(2, map.TotalStudies);
    }

    [Fact]
    public void Map_TypologyAndCountryFilters_CombineWithAnd()
    {
        var light = Evidence.Map(filter: EvidenceFilter.All with { TypologyLevels = [TypologyLevel.Light] });
        Assert.Equal(3, light.TotalStudies);
        Assert.True(light["Service navigation", "Social connection"].IsEmpty);

        var lightInUk = Evidence.Map(filter: EvidenceFilter.All with { TypologyLevels = [TypologyLevel.Light], Countries = ["uk"] });
        Assert.Equal<string>(["S1", "S4"], lightInUk["Social support", "Social connection"].StudyIds);
        Assert.Equal(2, lightInUk.TotalStudies);
    }

    [Fact]
    public void Map_YearAndTimingFilters_KeepMatchingStudies()
    {
        var map = Evidence.Map(filter: EvidenceFilter.All with { FromYear = 2015, ToYear = 2020, Timings = [PopulationTiming.Antenatal, PopulationTiming.Postnatal] });

        // S2 (2016, antenatal) passes; S3 (2018) has no timing; S4 (2021) and S1 (2010) are outside the years; S5 has no findings.
        Assert.Equal(1, map.TotalStudies);
        Assert.Equal<string>(["S5"], map.UnmappedStudyIds);
    }

    [Fact]
    public void Map_StudyLevelDimensions_IncludeStudiesWithoutFindings()
    {
        var map = Evidence.Map(Dimension.DesignGroup, Dimension.Country);

        Assert.Equal<string>(["RCT", "Qualitative", "Other"], map.RowLabels);
        Assert.Equal<string>(["Australia", "UK", "USA"], map.ColumnLabels);
        Assert.Equal<string>(["S2"], map["RCT", "Australia"].StudyIds);
        Assert.Equal<string>(["S1"], map["RCT", "UK"].StudyIds);
        Assert.Equal<string>(["S3"], map["Qualitative", "UK"].StudyIds);
        Assert.Equal<string>(["S5"], map["Qualitative", "USA"].StudyIds);
        Assert.Equal<string>(["S4"], map["Other", "UK"].StudyIds);
        Assert.Equal<string>(["S4"], map["Other", "USA"].StudyIds);
        Assert.Equal<int>([2, 2, 1], map.RowTotals);
        Assert.Equal<int>([1, 3, 2], map.ColumnTotals);
        Assert.Equal(5, map.TotalStudies);
        // S1 has two improved findings and one no difference: 2/3 = 67% < 70%, so mixed; S5 has no findings.
        Assert.Equal(new DirectionCounts(0, 0, 0, 1, 0), map["RCT", "UK"].ByDirection);
        Assert.Equal(new DirectionCounts(0, 0, 0, 0, 1), map["Qualitative", "USA"].ByDirection);
    }

    [Fact]
    public void Map_WithinStudyThreshold_IsAParameter()
    {
        var map = Evidence.Map(Dimension.DesignGroup, Dimension.Country, withinStudyThreshold: 0.6);

        // At 60%, S1's two of three improved findings (67%) are enough.
        Assert.Equal(new DirectionCounts(1, 0, 0, 0, 0), map["RCT", "UK"].ByDirection);
    }

    [Fact]
    public void Map_YearBandsAndTiming_LabelEveryBandAndMissingTiming()
    {
        var years = Evidence.Map(Dimension.YearBand, Dimension.DesignGroup);
        Assert.Equal<string>(["2010–2014", "2015–2019", "2020–2024"], years.RowLabels);
        Assert.Equal<int>([1, 3, 1], years.RowTotals);

        var timing = Evidence.Map(Dimension.PopulationTiming, Dimension.OutcomeDomain);
        Assert.Equal<string>(["Antenatal", "Postnatal", "Antenatal and postnatal", "Not reported"], timing.RowLabels);
        Assert.Equal<string>(["S3"], timing["Not reported", "Social connection"].StudyIds);
    }

    [Fact]
    public void Map_DirectionColumns_UseEachFindingsOwnDirection()
    {
        var map = Evidence.Map(Dimension.OutcomeDomain, Dimension.Direction);

        // S4 has an improved and a no-difference social-connection finding, so it is in both columns but once in the row total.
        Assert.Equal<string>(["S1", "S2", "S4"], map["Social connection", "Improved"].StudyIds);
        Assert.Equal<string>(["S4"], map["Social connection", "No difference"].StudyIds);
        Assert.Equal(4, map.RowTotals[0]);
    }

    [Fact]
    public void Map_TypologyRows_ClassifyEachIntervention()
    {
        var map = Evidence.Map(Dimension.TypologyLevel, Dimension.DesignGroup);

        Assert.Equal<string>(["RCT", "Qualitative", "Other"], map.ColumnLabels);
        Assert.Equal<int>([0, 3, 0, 1, 1], map.RowTotals); // Light: S1, S2, S4; Holistic: S3; Unclassifiable: S5.
    }

    [Fact]
    public void Map_UnknownLabel_ThrowsListingLabels()
    {
        var map = Evidence.Map();

        var error = Assert.Throws<KeyNotFoundException>(() => map["Yoga", "Social connection"]);
        Assert.Contains("Social support", error.Message);
    }

    [Fact]
    public void ToString_HandCountedBase_PrintsTableWithTotals()
    {
        string text = Evidence.Map(Dimension.DesignGroup, Dimension.Country).ToString();

        Assert.Contains("Design group \\ Country", text);
        string[] lines = text.Split(Environment.NewLine);
        Assert.Equal<string>(["RCT", "1", "1", "0", "2"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal<string>(["Total", "1", "3", "2", "5"], lines[5].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Total", text);
    }
}
