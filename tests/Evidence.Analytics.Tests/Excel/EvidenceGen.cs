using FsCheck;
using FsCheck.Fluent;

namespace Evidence.Analytics.Tests.Excel;

/// <summary>FsCheck generators of random, valid evidence bases that use every field of the workbook format, with text
/// chosen to be awkward: formula-like starts, XML specials, non-Latin scripts, emoji, line breaks and literal
/// <c>_xHHHH_</c> sequences.</summary>
internal static class EvidenceGen
{
    private static readonly string[] Pieces =
    [
        "peer", "support", "Ωmega", "naïve café", "母亲", "😀", "=SUM(A1)", "+44", "-2", "@home", "<b>", "&amp;", "\"quoted\"", "'apos",
        "line\nbreak", "tab\tinside", "_x0041_", "bell\u0007", "100%", "1.5", "  ", "é", "→", "A&E", "[draft]",
    ];

    // Added vocabulary terms: none of these is a spelling of a seeded term.
    private static readonly InterventionType[] AddedTypes = [new("Doula support"), new("Financial advice")];
    private static readonly OutcomeDomain[] AddedDomains = [new("Infant feeding"), new("Housing stability")];
    private static readonly ConfigurationFamily[] AddedFamilies = [new("Unintended effects")];

    public static Gen<string> Text =>
        from count in Gen.Choose(1, 4)
        from pieces in Gen.ArrayOf(Gen.Elements(Pieces), count)
        let text = string.Join(" ", pieces).Trim()
        select text.Length == 0 ? "x" : text;

    private static Gen<string?> Optional(Gen<string> gen) =>
        Gen.Frequency((1, Gen.Constant<string?>(null)), (3, gen.Select(s => (string?)s)));

    private static Gen<T?> OptionalValue<T>(Gen<T> gen) where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    private static Gen<T[]> SubsetOf<T>(IReadOnlyList<T> values) =>
        values.Count == 0 ? Gen.Constant(Array.Empty<T>()) : Gen.ArrayOf(Gen.Elements(values.ToArray())).Select(a => a.Distinct().ToArray());

    private static Gen<T> Enum<T>() where T : struct, System.Enum => Gen.Elements(System.Enum.GetValues<T>());

    // Multi-valued cells are split on ';', so their values cannot hold one.
    private static Gen<string> Word => Text.Select(t => t.Replace(";", ",", StringComparison.Ordinal));

    private static Gen<Intervention> InterventionGen(string id) =>
        from name in Text
        from types in SubsetOf([.. InterventionType.Seeded, .. AddedTypes])
        from formats in SubsetOf(System.Enum.GetValues<DeliveryFormat>())
        from modes in SubsetOf(System.Enum.GetValues<DeliveryMode>())
        from deliverers in SubsetOf(System.Enum.GetValues<Deliverer>())
        from routes in SubsetOf(System.Enum.GetValues<ReferralRoute>())
        from linkWorker in OptionalValue(Gen.Elements(true, false))
        from needs in OptionalValue(Enum<NeedsAssessment>())
        from followUp in OptionalValue(Enum<FollowUp>())
        from timing in OptionalValue(Enum<PopulationTiming>())
        from setting in Optional(Text)
        from level in OptionalValue(Enum<TypologyLevel>())
        select new Intervention(id, name, types, formats, modes, deliverers, routes, linkWorker, needs, followUp, timing, setting, level);

    private static Gen<Study> StudyGen(string id, string[] interventionIds) =>
        from authors in Text
        from year in Gen.Choose(Citation.MinYear, Citation.MaxYear)
        from title in Text
        from doi in Optional(Gen.Choose(1, 99999).Select(n => $"10.{1000 + n % 9000}/x.{n}"))
        from design in Enum<StudyDesign>()
        from countries in Gen.ArrayOf(Word, 3).Select(a => a.Take(a.Length % 4).ToArray())
        from interventions in SubsetOf(interventionIds)
        from timing in OptionalValue(Enum<PopulationTiming>())
        from months in OptionalValue(Gen.Choose(0, 24))
        from sample in OptionalValue(Gen.Choose(0, 100_000))
        from publication in OptionalValue(Enum<PublicationType>())
        from bias in OptionalValue(Enum<RiskOfBias>())
        select new Study(id, new Citation(authors, year, title, doi), design, countries, interventions, timing, months, sample, publication, bias);

    private static Gen<EffectEstimate?> EstimateGen =>
        Gen.Frequency(
            (2, Gen.Constant<EffectEstimate?>(null)),
            (1, from metric in Gen.Elements("SMD", "MD", "OR", "RR")
                from value in Gen.Choose(-100_000, 100_000).Select(v => v / 997.0)
                from below in OptionalValue(Gen.Choose(0, 5000).Select(v => v / 1000.0))
                from above in OptionalValue(Gen.Choose(0, 5000).Select(v => v / 1000.0))
                select (EffectEstimate?)new EffectEstimate(metric, value, value - below, value + above)));

    private static Gen<Finding> FindingGen(Study study) =>
        from interventionId in Gen.Elements([null, .. study.InterventionIds.Select(i => (string?)i)])
        from domain in Gen.Elements([.. OutcomeDomain.Seeded, .. AddedDomains])
        from direction in Enum<Direction>()
        from measure in Optional(Text)
        from estimate in EstimateGen
        select new Finding(study.Id, interventionId, domain, direction, measure, estimate);

    private static Gen<PrismaFlow?> FlowGen =>
        Gen.Frequency(
            (1, Gen.Constant<PrismaFlow?>(null)),
            (3, from identified in Gen.ArrayOf(Gen.Zip(Text, Gen.Choose(0, 20_000)), 3).Select(a => a.Take(a.Length % 4).Select(p => new FlowCount(p.Item1, p.Item2)).ToArray())
                from counts in Gen.ArrayOf(OptionalValue(Gen.Choose(0, 20_000)), 10)
                from reasons in Gen.ArrayOf(Gen.Zip(Text, Gen.Choose(0, 500)), 3).Select(a => a.Take(a.Length % 4).Select(p => new FlowCount(p.Item1, p.Item2)).ToArray())
                select (PrismaFlow?)new PrismaFlow(identified, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7], reasons, counts[8], counts[9])));

    private static Gen<CmoConfiguration> ConfigurationGen(string id, string[] studyIds) =>
        from family in Gen.Elements([.. ConfigurationFamily.Seeded, .. AddedFamilies])
        from context in Text
        from mechanism in Text
        from outcome in Text
        // The importer asks every configuration for at least one supporting study.
        from studies in Gen.NonEmptyListOf(Gen.Elements(studyIds)).Select(l => l.Distinct().ToArray())
        from themes in Gen.ArrayOf(Word, 3).Select(a => a.Take(a.Length % 4).ToArray())
        from strength in Optional(Text)
        select new CmoConfiguration(id, family, context, mechanism, outcome, studies, themes, strength);

    /// <summary>A random evidence base: 1 to 12 interventions, 1 to 15 studies, up to 4 findings each (at least one for the
    /// first study: the importer refuses an empty required sheet), maybe a flow, up to 5 realist configurations.</summary>
    public static Gen<EvidenceBase> EvidenceBase =>
        from interventionCount in Gen.Choose(1, 12)
        from interventions in Gen.CollectToArray(Enumerable.Range(1, interventionCount).Select(i => InterventionGen($"I{i}")))
        from studyCount in Gen.Choose(1, 15)
        from studies in Gen.CollectToArray(Enumerable.Range(1, studyCount).Select(i => StudyGen($"S{i}", interventions.Select(x => x.Id).ToArray())))
        from findings in Gen.CollectToArray(studies.Select((s, i) => Gen.Choose(i == 0 ? 1 : 0, 4).SelectMany(n => Gen.ArrayOf(FindingGen(s), n))))
        from flow in FlowGen
        from configurationCount in Gen.Choose(0, studies.Length == 0 ? 0 : 5)
        from configurations in Gen.CollectToArray(Enumerable.Range(1, configurationCount).Select(i => ConfigurationGen($"C{i}", studies.Select(s => s.Id).ToArray())))
        from title in Text
        from notes in Optional(Text)
        select new EvidenceBase(studies, interventions, findings.SelectMany(f => f), flow, configurations, new ReviewInfo(title, notes));
}
