using System.Globalization;
using BenchmarkDotNet.Attributes;
using Evidence.Analytics.Testing;

namespace Evidence.Analytics.Benchmarks;

/// <summary>The realist analysis of a large review: 10,000 studies of 5,000 programmes and 2,000 configurations, each
/// supported by 1–15 studies and tagged with one of 40 themes.</summary>
[MemoryDiagnoser]
public class RealistSynthesisBenchmarks
{
    private EvidenceBase _evidence = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generated = SyntheticEvidence.Generate(10_000, findingsPerStudy: 1);
        var random = new Random(7);
        var configurations = Enumerable.Range(0, 2_000).Select(i => new CmoConfiguration(
            "C" + i.ToString(CultureInfo.InvariantCulture),
            ConfigurationFamily.Seeded[i % 3],
            "context", "mechanism", "outcome",
            Enumerable.Range(0, 1 + random.Next(15)).Select(_ => generated.Studies[random.Next(generated.Studies.Length)].Id),
            ["Theme " + random.Next(40).ToString(CultureInfo.InvariantCulture)]));
        _evidence = new EvidenceBase(generated.Studies, generated.Interventions, generated.Findings, configurations: configurations);
    }

    /// <summary>Tallies, per-configuration support, configurations per programme and the theme matrix.</summary>
    [Benchmark(Baseline = true)]
    public RealistSynthesis Synthesis() => RealistSynthesis.Of(_evidence);

    /// <summary>The above plus the programme-feature table for negative impact.</summary>
    [Benchmark]
    public FeatureCooccurrence SynthesisAndFeatures() => RealistSynthesis.Of(_evidence).Features;
}
