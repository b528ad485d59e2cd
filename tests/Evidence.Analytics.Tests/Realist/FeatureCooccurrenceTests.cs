namespace Evidence.Analytics.Tests.Realist;

/// <summary>Programme features against configuration families, on <see cref="HandMadeReview"/>.</summary>
/// <remarks>Worked by hand. Programmes behind some configuration: P1, P2, P3, P4, P6 (P5's only study supports none).
/// Behind take-up: P1, P2, P4 (3). Behind positive impact: P1, P2, P3, P6 (4). Behind negative impact: P1, P3 (2).
/// Behind some configuration but no negative-impact one: P2, P4, P6 (3).</remarks>
public sealed class FeatureCooccurrenceTests
{
    private static readonly FeatureCooccurrence Table = HandMadeReview.Create().RealistSynthesis().Features;

    private static FeatureCooccurrenceRow Row(string dimension, string label) => Table[ProgrammeFeature.Of(dimension, label)];

    [Fact]
    public void Denominators_AreDistinctProgrammesBehindEachFamily()
    {
        Assert.Equal(ConfigurationFamily.NegativeImpact, Table.Focus);
        Assert.Equal(3, Table.ProgrammesBehind(ConfigurationFamily.TakeUp));
        Assert.Equal(4, Table.ProgrammesBehind(ConfigurationFamily.PositiveImpact));
        Assert.Equal(2, Table.ProgrammesBehind(ConfigurationFamily.NegativeImpact));
        Assert.Equal(3, Table.ProgrammesWithoutFocus);
    }

    [Fact]
    public void Group_AllNegativeImpactProgrammes_OneThirdOfTheRest()
    {
        // Group programmes: P1, P3, P6. Take-up P1 → 1/3; positive P1, P3, P6 → 3/4; negative P1, P3 → 2/2; rest P6 → 1/3.
        var row = Row("Format", "Group");

        Assert.Equal([new FeatureShare(1, 3), new FeatureShare(3, 4), new FeatureShare(2, 2)], row.ByFamily.ToArray());
        Assert.Equal(new FeatureShare(2, 2), row.WithFocus);
        Assert.Equal(new FeatureShare(1, 3), row.WithoutFocus);
        Assert.Equal("Format: Group: 2 of 2 (100%) with, 1 of 3 (33%) without", row.ToString());
    }

    [Fact]
    public void OneToOneAndTelephone_ExcludeProgrammesBehindNoConfiguration()
    {
        // P5 (one-to-one, telephone) supports nothing, so it is in no column. One-to-one: P2, P4; telephone: P2.
        Assert.Equal([new FeatureShare(2, 3), new FeatureShare(1, 4), new FeatureShare(0, 2)], Row("Format", "One-to-one").ByFamily.ToArray());
        Assert.Equal(new FeatureShare(2, 3), Row("Format", "One-to-one").WithoutFocus);
        Assert.Equal([new FeatureShare(1, 3), new FeatureShare(1, 4), new FeatureShare(0, 2)], Row("Mode", "Telephone").ByFamily.ToArray());
        Assert.Equal(new FeatureShare(1, 3), Row("Mode", "Telephone").WithoutFocus);
    }

    [Fact]
    public void Deliverers_CountVolunteersPaidPeersAndProfessionals()
    {
        // Peer volunteers: P1, P2, P6. Paid peer: P4. Professional: P3. Link worker: none.
        Assert.Equal([new FeatureShare(2, 3), new FeatureShare(3, 4), new FeatureShare(1, 2)], Row("Deliverer", "Peer volunteer").ByFamily.ToArray());
        Assert.Equal(new FeatureShare(2, 3), Row("Deliverer", "Peer volunteer").WithoutFocus);
        Assert.Equal(new FeatureShare(0, 2), Row("Deliverer", "Paid peer").WithFocus);
        Assert.Equal(new FeatureShare(1, 3), Row("Deliverer", "Paid peer").WithoutFocus);
        Assert.Equal(new FeatureShare(1, 2), Row("Deliverer", "Professional").WithFocus);
        Assert.Equal([new FeatureShare(0, 3), new FeatureShare(0, 4), new FeatureShare(0, 2)], Row("Deliverer", "Link worker").ByFamily.ToArray());
    }

    [Fact]
    public void NotReported_AppearsOnlyForDimensionsSomeProgrammeLacks()
    {
        // Only P4 has no timing; every programme has a format, mode and deliverer.
        Assert.Equal(new FeatureShare(1, 3), Row("Timing", "Not reported").ByFamily[0]);
        Assert.Equal(new FeatureShare(1, 3), Row("Timing", "Not reported").WithoutFocus);
        Assert.Throws<KeyNotFoundException>(() => Row("Format", "Not reported"));
        Assert.Equal(13, Table.Rows.Length); // 2 formats + 3 modes + 4 deliverers + 3 timings + timing not reported
    }

    [Fact]
    public void FeaturesFor_AnotherFocus_ComparesThatFamily()
    {
        // Focus take-up: behind take-up P1, P2, P4; the rest P3, P6. Group: P1 → 1/3 with; P3, P6 → 2/2 without.
        var table = HandMadeReview.Create().RealistSynthesis().FeaturesFor(ConfigurationFamily.TakeUp);
        var row = table[ProgrammeFeature.Of("format", "group")];

        Assert.Equal(new FeatureShare(1, 3), row.WithFocus);
        Assert.Equal(new FeatureShare(2, 2), row.WithoutFocus);
    }

    [Fact]
    public void FeatureShare_EmptyGroup_HasNoProportion()
    {
        Assert.Null(new FeatureShare(0, 0).Proportion);
        Assert.Equal("0 of 0", new FeatureShare(0, 0).ToString());
        Assert.Equal("2 of 3 (67%)", new FeatureShare(2, 3).ToString());
        Assert.Equal("1 of 8 (13%)", new FeatureShare(1, 8).ToString()); // 12.5% rounds away from zero
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureShare(3, 2));
        Assert.Null(new FeatureShare(0, 0).Interval());
    }

    [Fact]
    public void FeatureShare_Interval_IsWilsonByDefault()
    {
        // Wilson 95% for 2/2: (1 + z²/4 ± z·√(z²/16)) / (1 + z²/2) with z = 1.959964 → lower 2/(2 + z²) = 0.342380, upper 1.
        var interval = new FeatureShare(2, 2).Interval()!;
        Assert.Equal(0.342380, interval.Lower, 5);
        Assert.Equal(1.0, interval.Upper, 9);
    }

    [Fact]
    public void ProgrammeFeature_Unknown_ThrowsListingTheFeatures()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ProgrammeFeature.Of("Mode", "Carrier pigeon"));
        Assert.Contains("Mode: Telephone", error.Message, StringComparison.Ordinal);
    }
}
