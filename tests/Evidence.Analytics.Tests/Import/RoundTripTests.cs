using System.Globalization;
using Evidence.Analytics.Excel;
using Evidence.Analytics.Testing;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Import;

/// <summary>Round trip: random valid evidence bases written as a workbook (by the Excel writer) and read back are equal,
/// field by field.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void WriteThenRead_RandomEvidenceBases_ReadBackEqual()
    {
        var seeds = Gen.Choose(1, 1_000_000).Select(seed => seed).ToArbitrary();
        Prop.ForAll(seeds, seed =>
        {
            var evidence = SyntheticEvidence.Generate(studies: 12, seed: seed);
            var result = WriteAndRead(evidence);
            return result.IsValid && result.Problems.IsEmpty && Describe(result.Evidence!).SequenceEqual(Describe(evidence));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public void WriteThenRead_OneSyntheticBase_ReadBackEqual()
    {
        var evidence = SyntheticEvidence.Generate(studies: 12, seed: 7);
        var result = WriteAndRead(evidence);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Equal(Describe(evidence), Describe(result.Evidence!));
    }

    [Fact]
    public void WriteThenRead_Sample_ReadBackEqual()
    {
        var sample = EvidenceWorkbook.Read(SampleDataTests.SampleFolder).GetEvidenceOrThrow();
        var result = WriteAndRead(sample);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(Describe(sample), Describe(result.Evidence!));
        Assert.Equal(sample.Review, result.Evidence!.Review);
    }

    private static ImportResult WriteAndRead(EvidenceBase evidence)
    {
        using var stream = new MemoryStream();
        EvidenceWorkbookWriter.Write(evidence, stream);
        stream.Position = 0;
        return EvidenceWorkbook.Read(stream, "round-trip.xlsx");
    }

    /// <summary>Every field of every record, one line each, in the invariant culture.</summary>
    internal static IEnumerable<string> Describe(EvidenceBase evidence)
    {
        string List<T>(IEnumerable<T> values) => string.Join("|", values);
        foreach (var s in evidence.Studies)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"S {s.Id} {s.Citation} {s.Design} {List(s.Countries)} {List(s.InterventionIds)} {s.Timing} {s.MonthsAfterBirth} {s.SampleSize} {s.PublicationType} {s.RiskOfBias}");
        foreach (var i in evidence.Interventions)
            yield return $"I {i.Id} {i.Name} {List(i.Types)} {List(i.Formats)} {List(i.Modes)} {List(i.Deliverers)} {List(i.ReferralRoutes)} {i.HasLinkWorker} {i.NeedsAssessment} {i.FollowUp} {i.Timing} {i.Setting} {i.CodedLevel} {i.Typology}";
        foreach (var f in evidence.Findings)
            yield return $"F {f} {f.Estimate}";
        if (evidence.Flow is { } flow)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"P {List(flow.Identified)} {flow.DuplicatesRemoved} {flow.AutomationRemoved} {flow.OtherRemoved} {flow.Screened} {flow.ExcludedAtScreening} {flow.Sought} {flow.NotRetrieved} {flow.Assessed} {List(flow.ExclusionReasons)} {flow.StudiesIncluded} {flow.ReportsIncluded}");
    }
}
