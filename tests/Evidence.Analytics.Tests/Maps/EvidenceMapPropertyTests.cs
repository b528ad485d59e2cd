using Evidence.Analytics.Testing;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Evidence.Analytics.Tests.Maps;

public class EvidenceMapPropertyTests
{
    private static readonly Gen<(int Studies, int Seed, Dimension Rows, Dimension Columns)> Cases =
        from studies in Gen.Choose(0, 60)
        from seed in Gen.Choose(1, 100_000)
        from rows in Gen.Elements(Enum.GetValues<Dimension>())
        from columns in Gen.Elements(Enum.GetValues<Dimension>())
        select (studies, seed, rows, columns);

    [Fact]
    public void Map_AnyEvidence_TotalsLieBetweenLargestCellAndSumOfCells()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var map = SyntheticEvidence.Generate(c.Studies, c.Seed, findingsPerStudy: 3).Map(c.Rows, c.Columns);
            bool rowsOk = Enumerable.Range(0, map.RowLabels.Length).All(r =>
            {
                var cells = Enumerable.Range(0, map.ColumnLabels.Length).Select(col => map[r, col].Studies).ToList();
                return map.RowTotals[r] >= cells.DefaultIfEmpty().Max() && map.RowTotals[r] <= cells.Sum();
            });
            bool columnsOk = Enumerable.Range(0, map.ColumnLabels.Length).All(col =>
            {
                var cells = Enumerable.Range(0, map.RowLabels.Length).Select(r => map[r, col].Studies).ToList();
                return map.ColumnTotals[col] >= cells.DefaultIfEmpty().Max() && map.ColumnTotals[col] <= cells.Sum();
            });
            bool grandOk = map.TotalStudies >= (map.RowTotals.IsEmpty ? 0 : map.RowTotals.Max())
                && map.TotalStudies <= map.RowTotals.Sum() && map.TotalStudies <= map.CellEntries;
            return rowsOk && columnsOk && grandOk;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Map_AnyEvidence_BreakdownsAddUpToStudiesAndStudiesAreDistinct()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var map = SyntheticEvidence.Generate(c.Studies, c.Seed, findingsPerStudy: 3).Map(c.Rows, c.Columns);
            return map.Cells.All(cell =>
                cell.ByDesignGroup.Total == cell.Studies
                && cell.ByDirection.Total == cell.Studies
                && cell.StudyIds.Distinct().Count() == cell.Studies
                && cell.Findings >= (cell.IsEmpty || !(map.Rows is Dimension.OutcomeDomain or Dimension.Direction || map.Columns is Dimension.OutcomeDomain or Dimension.Direction) ? 0 : cell.Studies));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Map_StudiesInAnotherOrder_GiveTheSameCounts()
    {
        var cases = from c in Cases from shuffleSeed in Gen.Choose(1, 1000) select (c, shuffleSeed);

        Prop.ForAll(cases.ToArbitrary(), x =>
        {
            var evidence = SyntheticEvidence.Generate(x.c.Studies, x.c.Seed, findingsPerStudy: 3);
            var random = new Random(x.shuffleSeed);
            var shuffled = new EvidenceBase(
                evidence.Studies.OrderBy(_ => random.Next()), evidence.Interventions.OrderBy(_ => random.Next()), evidence.Findings.OrderBy(_ => random.Next()));
            var a = evidence.Map(x.c.Rows, x.c.Columns);
            var b = shuffled.Map(x.c.Rows, x.c.Columns);
            return a.RowLabels.SequenceEqual(b.RowLabels) && a.ColumnLabels.SequenceEqual(b.ColumnLabels)
                && a.RowTotals.SequenceEqual(b.RowTotals) && a.ColumnTotals.SequenceEqual(b.ColumnTotals) && a.TotalStudies == b.TotalStudies
                && a.Cells.Zip(b.Cells).All(p => p.First.StudyIds.Order().SequenceEqual(p.Second.StudyIds.Order())
                    && p.First.ByDirection == p.Second.ByDirection && p.First.ByDesignGroup == p.Second.ByDesignGroup && p.First.Findings == p.Second.Findings);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Map_CellStudies_MatchANaiveRecount()
    {
        // Differential test: recount intervention type × outcome cells straight from the model, one finding at a time.
        Prop.ForAll(Gen.Choose(1, 100_000).ToArbitrary(), seed =>
        {
            var evidence = SyntheticEvidence.Generate(40, seed, findingsPerStudy: 3);
            var map = evidence.Map();
            return map.Cells.All(cell =>
            {
                var expected = evidence.Findings
                    .Where(f => f.Domain.Name == cell.Column && evidence.InterventionsOf(f).SelectMany(i => i.Types).Any(t => t.Name == cell.Row))
                    .Select(f => f.StudyId).Distinct().OrderBy(id => id, StringComparer.Ordinal);
                return expected.SequenceEqual(cell.StudyIds.Order(StringComparer.Ordinal));
            });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Map_InterventionFilter_MatchesANaiveRecount()
    {
        // Differential test of the intervention-filter semantics: only findings about passing interventions count, and a
        // finding naming no intervention counts for the study's passing ones.
        var cases = from seed in Gen.Choose(1, 100_000) from level in Gen.Elements(Enum.GetValues<TypologyLevel>()) select (seed, level);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var evidence = SyntheticEvidence.Generate(40, c.seed, findingsPerStudy: 3);
            var map = evidence.Map(filter: EvidenceFilter.All with { TypologyLevels = [c.level] });
            return map.Cells.All(cell =>
            {
                var expected = evidence.Findings
                    .Where(f => f.Domain.Name == cell.Column && evidence.InterventionsOf(f)
                        .Where(i => i.Typology.Level == c.level).SelectMany(i => i.Types).Any(t => t.Name == cell.Row))
                    .Select(f => f.StudyId).Distinct().OrderBy(id => id, StringComparer.Ordinal);
                return expected.SequenceEqual(cell.StudyIds.Order(StringComparer.Ordinal));
            });
        }).QuickCheckThrowOnFailure();
    }
}
