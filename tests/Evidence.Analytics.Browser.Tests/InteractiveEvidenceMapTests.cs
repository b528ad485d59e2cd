using System.IO.Compression;
using Evidence.Analytics.Testing;
using Microsoft.Playwright;

namespace Evidence.Analytics.Browser.Tests;

/// <summary>The interactive evidence map in headless Chromium: counts, filters, the study list, escaping, keyboard
/// use and export, each checked against an independent computation from the model.</summary>
[Collection(ChromiumTests.Name)]
public sealed class InteractiveEvidenceMapTests(BrowserFixture fixture)
{
    private readonly EvidenceBase _evidence = AwkwardEvidence.Create();

    // The expected studies of a cell, worked out directly from the model: the studies passing the filter that have a
    // finding on the domain whose interventions (its own, or all its study's when it names none) include the type.
    private string[] Independent(Func<Study, bool> filter, InterventionType type, OutcomeDomain domain) =>
        _evidence.Studies
            .Where(filter)
            .Where(study => _evidence.Findings.Any(finding =>
                finding.StudyId == study.Id && finding.Domain == domain &&
                (finding.InterventionId is null ? study.InterventionIds.ToArray() : [finding.InterventionId])
                    .Any(id => _evidence.Interventions.Single(i => i.Id == id).Types.Contains(type))))
            .Select(study => study.Id)
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public async Task Cell_AfterRctFilter_ListsTheStudiesTheModelGives()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-rct-filter");
        await map.TickAsync("designGroup", "RCT");
        await map.Cell("Social support", "Social connection").ClickAsync();

        string[] listed = [.. (await map.ListedStudyIdsAsync()).Order(StringComparer.Ordinal)];
        var library = _evidence.Map(filter: EvidenceFilter.All with { DesignGroups = [DesignGroup.Rct] });
        string[] expected = [.. library["Social support", "Social connection"].StudyIds.Order(StringComparer.Ordinal)];
        // By hand: S1 (a finding on I1 and one on all its interventions) and S2 (its only intervention is I1); S5 has
        // the pair too but is a cohort study, and S4's intervention is physical wellbeing only.
        Assert.Equal(["S1", "S2"], expected);
        Assert.Equal(Independent(s => s.DesignGroup == DesignGroup.Rct, InterventionType.SocialSupport, OutcomeDomain.SocialConnection), expected);
        Assert.Equal(expected, listed);
        Assert.Contains("Social support × Social connection", await map.Page.Locator("#studies-heading").TextContentAsync());
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Map_EveryCell_CountsTheDistinctStudiesTheModelGives()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-all-cells");
        var types = InterventionType.Seeded;
        var domains = OutcomeDomain.Seeded;
        for (int r = 0; r < types.Count; r++)
        {
            for (int c = 0; c < domains.Count; c++)
            {
                int shown = await map.Page.EvaluateAsync<int>($"() => window.evidenceMap.cellCount({r}, {c})");
                Assert.True(Independent(_ => true, types[r], domains[c]).Length == shown, $"{types[r]} × {domains[c]}: page shows {shown}");
            }
        }
        // Totals are distinct studies, not sums: S1 alone sits in nine cells; S6 has no findings and is in none.
        var totals = await map.Page.EvaluateAsync<Totals>("() => window.evidenceMap.totals()");
        Assert.Equal(5, totals.Total);
        Assert.Equal(3, totals.Rows[0]); // social support: S1, S2, S5
        Assert.Equal(5, totals.Cols[0]); // social connection: S1–S5
        Assert.Equal("5", await map.Page.Locator("td.grand").TextContentAsync());
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Filters_AndOr_CombineFacetsAsDocumented()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-and-or");
        await map.TickAsync("designGroup", "Qualitative");
        await map.TickAsync("country", "Canada");
        // AND: qualitative and in Canada; none is both.
        Assert.Empty(await map.FilteredStudyIdsAsync());
        await map.Page.Locator("input[name=mode][value=or]").CheckAsync();
        Assert.Equal(["S3", "S4"], await map.FilteredStudyIdsAsync());

        // A year range is one more filter: OR keeps S3 and S4 and adds S5 (2021); AND with it leaves nothing.
        await map.Page.FillAsync("#year-from", "2021");
        await map.Page.DispatchEventAsync("#year-from", "change");
        Assert.Equal(["S3", "S4", "S5"], await map.FilteredStudyIdsAsync());
        await map.Page.ClickAsync("#reset");
        Assert.Equal(6, (await map.FilteredStudyIdsAsync()).Length);
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Filters_TypologyLevel_KeepsOnlyFindingsAboutInterventionsAtThatLevel()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-typology");
        // Holistic: I2 only, evaluated by S1 and S4. S1's findings on all its interventions now count for I2 alone
        // (physical wellbeing), and its finding about I1 not at all, so S1 leaves the social-support row.
        await map.TickAsync("typologyLevel", "Holistic");
        Assert.Equal(["S1", "S4"], await map.FilteredStudyIdsAsync());
        // S1 and S2 are there without the filter, so the cell is filtered out, not a gap.
        Assert.Equal("Social support and Mental health: no studies in the current filter (filtered out; 2 studies without filters)",
            await map.Cell("Social support", "Mental health").GetAttributeAsync("aria-label"));
        await AssertMatchesLibraryAsync(map, Dimension.InterventionType, Dimension.OutcomeDomain, EvidenceFilter.All with { TypologyLevels = [TypologyLevel.Holistic] });
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Filter_EmptyingCellsWithStudies_DrawsThemFilteredOutAndLeavesTrueGapsAsGaps()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-filtered-out");
        // Unfiltered: physical wellbeing × physical health holds S1; creative/recreational × mental health holds no study.
        Assert.Equal(["S1"], Independent(_ => true, InterventionType.PhysicalWellbeing, OutcomeDomain.PhysicalHealth));
        Assert.Empty(Independent(_ => true, InterventionType.CreativeRecreational, OutcomeDomain.MentalHealth));
        await map.TickAsync("country", "Canada");
        Assert.Equal(["S4"], await map.FilteredStudyIdsAsync());

        var filteredOut = map.Cell("Physical wellbeing", "Physical health");
        Assert.Equal("Physical wellbeing and Physical health: no studies in the current filter (filtered out; 1 study without filters)", await filteredOut.GetAttributeAsync("aria-label"));
        Assert.Equal("cell filtered-out", await filteredOut.GetAttributeAsync("class"));
        Assert.Equal("filtered out", await filteredOut.TextContentAsync());
        var gap = map.Cell("Creative/recreational", "Mental health");
        Assert.Equal("Creative/recreational and Mental health: no studies (gap)", await gap.GetAttributeAsync("aria-label"));
        Assert.Equal("cell gap", await gap.GetAttributeAsync("class"));
        Assert.Contains("“filtered out” have studies, but none in the current filter", await map.Page.Locator("#legend").TextContentAsync());
        // Every empty cell is one or the other, as the unfiltered library map says.
        var unfiltered = _evidence.Map();
        var labels = await map.Page.EvaluateAsync<Labels>("() => window.evidenceMap.labels()");
        foreach (string row in labels.Rows)
        {
            foreach (string col in labels.Cols)
            {
                string cssClass = (await map.Cell(row, col).GetAttributeAsync("class"))!;
                if (cssClass == "cell") continue;
                Assert.Equal(unfiltered[row, col].StudyIds.Length == 0 ? "cell gap" : "cell filtered-out", cssClass);
            }
        }
        // Without the filter there is nothing to draw as filtered out.
        await map.Page.ClickAsync("#reset");
        Assert.Equal(0, await map.Page.Locator("button.cell.filtered-out").CountAsync());
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task YearRange_FromAfterTo_IsRefusedAndSaidSoUntilCorrected()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-year-range");
        await map.Page.FillAsync("#year-from", "2030");
        await map.Page.DispatchEventAsync("#year-from", "change");
        await map.Page.FillAsync("#year-to", "2024");
        await map.Page.DispatchEventAsync("#year-to", "change");

        // Refused: every study is still in, the reader is told why, and the box is marked invalid.
        Assert.Equal(6, (await map.FilteredStudyIdsAsync()).Length);
        Assert.True(await map.Page.Locator("#year-error").IsVisibleAsync());
        Assert.StartsWith("From 2030 is after To 2024: no year can match.", await map.Page.Locator("#year-error").TextContentAsync());
        Assert.Equal("true", await map.Page.Locator("#year-to").GetAttributeAsync("aria-invalid"));
        Assert.Equal("No filters: every study is included.", await map.Page.Locator("#filter-summary").TextContentAsync());

        // Corrected: the message goes and the range filters (2018–2021: S2, S3, S5).
        await map.Page.FillAsync("#year-from", "2018");
        await map.Page.DispatchEventAsync("#year-from", "change");
        await map.Page.FillAsync("#year-to", "2021");
        await map.Page.DispatchEventAsync("#year-to", "change");
        Assert.False(await map.Page.Locator("#year-error").IsVisibleAsync());
        Assert.Null(await map.Page.Locator("#year-to").GetAttributeAsync("aria-invalid"));
        Assert.Equal(["S2", "S3", "S5"], await map.FilteredStudyIdsAsync());
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Bubbles_SmallCounts_DigitsNeverDrawnOverABubbleNarrowerThanThem()
    {
        // 300 studies by design × country: cells from 1 study to many, so the smallest bubbles are far smaller than the largest.
        await using var map = await MapPage.OpenAsync(fixture.Browser, SyntheticEvidence.Generate(300), "synthetic-small-bubbles");
        await map.Page.SelectOptionAsync("#rows-dim", "design");
        await map.Page.SelectOptionAsync("#cols-dim", "country");
        var bubbles = await map.Page.EvaluateAsync<BubbleBox[]>(@"() => Array.from(document.querySelectorAll('button.cell svg')).map(svg => {
            const c = svg.querySelector('circle'), t = svg.querySelector('text'), b = t.getBBox();
            return { count: +t.textContent.replace(/,/g, ''), cx: +c.getAttribute('cx'), r: +c.getAttribute('r'), left: b.x, width: b.width };
        })");
        Assert.Contains(bubbles, b => b.Count == 1);
        Assert.Contains(bubbles, b => b.Left >= b.Cx + b.R);
        foreach (var b in bubbles)
        {
            bool over = b.Left < b.Cx + b.R;
            // Over the bubble only when the bubble is wider than the digits; otherwise beside it, clear of it.
            if (over) Assert.True(b.Width < 2 * b.R, $"{b.Count}: digits {b.Width:F1} px wide over a bubble {2 * b.R:F1} px wide");
            else Assert.True(b.Left >= b.Cx + b.R, $"{b.Count}: digits beside the bubble overlap it");
        }
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Bubbles_CountsOfThousands_DigitsStayInsideTheirCell()
    {
        // 8,000 studies by intervention type × outcome domain: about 1,300 studies a cell, counts of five characters
        // ("1,312"), wider than the largest bubble, so written beside it.
        await using var map = await MapPage.OpenAsync(fixture.Browser, SyntheticEvidence.Generate(8_000), "synthetic-large-counts");
        var cells = await map.Page.EvaluateAsync<CountBox[]>(@"() => Array.from(document.querySelectorAll('button.cell svg')).map(svg => {
            const t = svg.querySelector('text').getBoundingClientRect(), cell = svg.closest('td').getBoundingClientRect();
            return { count: svg.querySelector('text').textContent, textRight: t.right, cellRight: cell.right };
        })");
        Assert.Contains(cells, c => c.Count.Length >= 5);
        Assert.All(cells, c => Assert.True(c.TextRight <= c.CellRight, $"{c.Count}: the digits end at {c.TextRight:F1} px, past their cell's edge at {c.CellRight:F1} px"));
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Shares_IntervalPlots_HaveALabelledAxisAndDrawTheirDotsWhole()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, ChartSamples(), "sample-interval-axis");
        var pictures = await map.Page.EvaluateAsync<IntervalPicture[]>(@"() => Array.from(document.querySelectorAll('#shares-table svg.interval-svg')).map(svg => {
            const vb = svg.viewBox.baseVal, dot = svg.querySelector('circle.point');
            return { width: vb.width, dotLeft: +dot.getAttribute('cx') - +dot.getAttribute('r'), dotRight: +dot.getAttribute('cx') + +dot.getAttribute('r'),
                     ticks: Array.from(svg.querySelectorAll('text.tick-label')).map(t => t.textContent).join(' ') };
        })");
        Assert.NotEmpty(pictures);
        foreach (var picture in pictures)
        {
            Assert.Equal("0% 50% 100%", picture.Ticks);
            Assert.InRange(picture.DotLeft, 0, picture.Width);
            Assert.InRange(picture.DotRight, 0, picture.Width);
        }
        // The sample has a share of 0% (quality of life: 0 of 2 RCTs) and one of 100% (service use: 1 of 1), the dots at the axis ends.
        var ends = await map.Page.EvaluateAsync<double[]>("() => Array.from(document.querySelectorAll('#shares-table circle.point')).map(c => +c.getAttribute('cx'))");
        Assert.Contains(14, ends);
        Assert.Contains(214, ends);
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Search_OneStudy_SaysOneStudyMatches()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-search-grammar");
        await map.Page.FillAsync("#search", "Dennis");
        Assert.Equal(["S1"], await map.ListedStudyIdsAsync());
        Assert.Equal("1 study matches the search.", await map.Page.Locator("#studies-summary").TextContentAsync());
        await map.Page.FillAsync("#search", "UK");
        Assert.Equal("3 studies match the search.", await map.Page.Locator("#studies-summary").TextContentAsync());
        await map.AssertCleanAsync();
    }

    private static EvidenceBase ChartSamples() =>
        EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", "postpartum-social-prescribing.xlsx")).GetEvidenceOrThrow();

    [Fact]
    public async Task Filters_Timing_DropStudiesThatDoNotReportOne()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-timing");
        // S4 reports no timing, so it fails every timing filter (as in the library) and sits in "Not reported".
        await map.TickAsync("timing", "Antenatal and postnatal");
        Assert.Equal(["S5"], await map.FilteredStudyIdsAsync());
        await map.Page.ClickAsync("#reset");
        await map.Page.SelectOptionAsync("#cols-dim", "timing");
        Assert.Equal("Physical wellbeing and Not reported: 1 study", await map.Cell("Physical wellbeing", "Not reported").GetAttributeAsync("aria-label"));
        await AssertMatchesLibraryAsync(map, Dimension.InterventionType, Dimension.PopulationTiming, EvidenceFilter.All);
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task EveryDimensionAndFilter_CellStudies_MatchTheLibrarysMap()
    {
        var evidence = SyntheticEvidence.Generate(400, seed: 11);
        await using var map = await MapPage.OpenAsync(fixture.Browser, evidence, "synthetic-400-differential");
        await AssertMatchesLibraryAsync(map, Dimension.InterventionType, Dimension.OutcomeDomain, EvidenceFilter.All, evidence);
        await map.TickAsync("designGroup", "RCT");
        await map.TickAsync("country", "UK");
        await map.TickAsync("country", "Sweden");
        var filter = EvidenceFilter.All with { DesignGroups = [DesignGroup.Rct], Countries = ["UK", "Sweden"] };
        await AssertMatchesLibraryAsync(map, Dimension.InterventionType, Dimension.OutcomeDomain, filter, evidence);
        await map.Page.SelectOptionAsync("#rows-dim", "typologyLevel");
        await map.Page.SelectOptionAsync("#cols-dim", "country");
        await AssertMatchesLibraryAsync(map, Dimension.TypologyLevel, Dimension.Country, filter, evidence);
        await map.TickAsync("typologyLevel", "Light");
        await map.Page.SelectOptionAsync("#rows-dim", "design");
        await map.Page.SelectOptionAsync("#cols-dim", "outcomeDomain");
        await AssertMatchesLibraryAsync(map, Dimension.Design, Dimension.OutcomeDomain, filter with { TypologyLevels = [TypologyLevel.Light] }, evidence);
        await map.AssertCleanAsync();
    }

    // Every cell's studies on the page equal the library's map with the same dimensions and filter.
    private async Task AssertMatchesLibraryAsync(MapPage map, Dimension rows, Dimension columns, EvidenceFilter filter, EvidenceBase? evidence = null)
    {
        var library = (evidence ?? _evidence).Map(rows, columns, filter);
        var labels = await map.Page.EvaluateAsync<Labels>("() => window.evidenceMap.labels()");
        Assert.Equal(library.RowLabels, labels.Rows);
        Assert.Equal(library.ColumnLabels, labels.Cols);
        foreach (var cell in library.Cells)
        {
            string[] shown = await map.Page.EvaluateAsync<string[]>($"() => window.evidenceMap.cellStudyIds({cell.RowIndex}, {cell.ColumnIndex})");
            Assert.True(cell.StudyIds.Order(StringComparer.Ordinal).SequenceEqual(shown.Order(StringComparer.Ordinal)),
                $"{cell.Row} × {cell.Column} ({filter}): library [{string.Join(", ", cell.StudyIds)}], page [{string.Join(", ", shown)}]");
        }
        var totals = await map.Page.EvaluateAsync<Totals>("() => window.evidenceMap.totals()");
        Assert.Equal(library.TotalStudies, totals.Total);
        Assert.Equal(library.RowTotals, totals.Rows);
        Assert.Equal(library.ColumnTotals, totals.Cols);
        Assert.Equal(library.CellEntries, totals.Entries);
    }

    [Fact]
    public async Task StudyTitle_WithScriptTags_RendersAsTextAndRunsNothing()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-escaping");
        await map.Cell("Physical wellbeing", "Mental health").ClickAsync();
        Assert.Equal(["S1", "S4"], (await map.ListedStudyIdsAsync()).Order(StringComparer.Ordinal));
        string? title = await map.Page.Locator("tr[data-id=S4] .study-title").TextContentAsync();
        Assert.Equal(AwkwardEvidence.ScriptTitle, title);
        Assert.Equal(0, await map.Page.Locator("#study-table b").CountAsync());
        Assert.Equal(3, await map.Page.Locator("script").CountAsync()); // the data, the records and the page's script
        Assert.Equal("Awkward <review> & friends", await map.Page.TitleAsync());
        await map.AssertCleanAsync(); // no alert dialog, no error
    }

    [Fact]
    public async Task Keyboard_ArrowsAndEnter_MoveBetweenCellsAndListStudies()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-keyboard");
        await map.Page.Locator("button.cell[tabindex='0']").FocusAsync();
        await map.Page.Keyboard.PressAsync("ArrowDown");
        await map.Page.Keyboard.PressAsync("ArrowDown");
        await map.Page.Keyboard.PressAsync("ArrowRight");
        string? focused = await map.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')");
        Assert.StartsWith("Physical wellbeing and Mental health: 2 studies", focused);
        await map.Page.Keyboard.PressAsync("Enter");
        Assert.Equal(["S1", "S4"], (await map.ListedStudyIdsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(1, await map.Page.Locator("button.cell[tabindex='0']").CountAsync());
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task SearchAndSort_NarrowAndOrderTheList()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-search");
        await map.Page.SelectOptionAsync("#sort", "year-desc");
        Assert.Equal(["S5", "S3", "S2", "S1", "S4", "S6"], await map.ListedStudyIdsAsync());
        await map.Page.FillAsync("#search", "uk peer");
        Assert.Equal(["S1"], await map.ListedStudyIdsAsync());
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task ExportCsv_FormulaLikeCells_AreNeutralised()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-export");
        await map.Cell("Creative/recreational", "Quality of life").ClickAsync();
        var download = await map.Page.RunAndWaitForDownloadAsync(() => map.Page.ClickAsync("#export-csv"));
        string csv = await File.ReadAllTextAsync(await download.PathAsync());
        string[] lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        // OWASP CSV injection: a leading = + - @ gets a single quote in front; quotes are doubled inside quoted fields.
        Assert.StartsWith("\"S5\",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",\"2021\",\"'-2+3 a title", lines[1]);

        var ris = await map.Page.RunAndWaitForDownloadAsync(() => map.Page.ClickAsync("#export-ris"));
        string text = await File.ReadAllTextAsync(await ris.PathAsync());
        Assert.StartsWith("TY  - JOUR\r\n", text);
        Assert.Contains("PY  - 2021\r\n", text);
        Assert.EndsWith("ER  - \r\n", text);
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Shares_RctsImproved_MatchCountsAndWilsonIntervals()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-shares");
        var shares = await map.Page.EvaluateAsync<ShareRow[]>("() => window.evidenceMap.shares()");
        // RCTs are S1, S2, S4 and S6 (no findings). Mental health: S1 and S4 improved, S2 worsened. Social
        // connection: S1 and S4 improved, S2 mixed (one improved, one no difference: 50% < 70%). Physical health: S1.
        var mental = shares.Single(s => s.Outcome == "Mental health");
        Assert.Equal((2, 3), (mental.K, mental.N));
        var (lower, upper) = Wilson(2, 3, 1.959963984540054);
        Assert.Equal(lower, mental.Lower, 12);
        Assert.Equal(upper, mental.Upper, 12);
        await AssertSharesMatchLibraryAsync(map, _evidence, EvidenceFilter.All);
        await map.TickAsync("typologyLevel", "Holistic");
        await AssertSharesMatchLibraryAsync(map, _evidence, EvidenceFilter.All with { TypologyLevels = [TypologyLevel.Holistic] });
        // GUIDE.md §2 (Cochrane Handbook's worked example): 13/15 has the Wilson interval 0.621–0.963.
        double[] guide = await map.Page.EvaluateAsync<double[]>("() => window.evidenceMap.wilson(13, 15, 1.959963984540054)");
        Assert.Equal(0.621, guide[0], 3);
        Assert.Equal(0.963, guide[1], 3);
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task RowsAndStyle_Switched_RecountAndRender()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-design-rows",
            new InteractiveEvidenceMapOptions { CellStyle = EvidenceMapCellStyle.Heat });
        Assert.Equal(1, await map.Page.Locator("table.heat").CountAsync());
        await map.Page.SelectOptionAsync("#rows-dim", "designGroup");
        // RCT × Social connection: S1, S2 and S4.
        string? label = await map.Cell("RCT", "Social connection").GetAttributeAsync("aria-label");
        Assert.Equal("RCT and Social connection: 3 studies", label);
        await map.Page.Locator("input[name=style][value=bubble]").CheckAsync();
        Assert.Equal(0, await map.Page.Locator("table.heat").CountAsync());
        Assert.True(await map.Page.Locator("circle.bubble").CountAsync() > 0);
        await map.AssertCleanAsync();
    }

    [Theory]
    [InlineData("postpartum-social-prescribing.xlsx")]
    [InlineData("perinatal-peer-support.xlsx")]
    public async Task SampleWorkbook_RctFilter_EveryCellMatchesTheLibrary(string workbook)
    {
        var evidence = EvidenceWorkbook.Read(Path.Combine(AppContext.BaseDirectory, "data-samples", workbook)).GetEvidenceOrThrow();
        await using var map = await MapPage.OpenAsync(fixture.Browser, evidence, Path.GetFileNameWithoutExtension(workbook));
        await AssertMatchesLibraryAsync(map, Dimension.InterventionType, Dimension.OutcomeDomain, EvidenceFilter.All, evidence);
        await map.TickAsync("designGroup", "RCT");
        await AssertMatchesLibraryAsync(map, Dimension.InterventionType, Dimension.OutcomeDomain, EvidenceFilter.All with { DesignGroups = [DesignGroup.Rct] }, evidence);
        await AssertSharesMatchLibraryAsync(map, evidence, EvidenceFilter.All with { DesignGroups = [DesignGroup.Rct] });
        await map.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, Path.GetFileNameWithoutExtension(workbook) + ".png"), FullPage = true });
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task HeatCells_Counts_MeetWcagAaContrast()
    {
        var evidence = SyntheticEvidence.Generate(300, seed: 9);
        await using var map = await MapPage.OpenAsync(fixture.Browser, evidence, "synthetic-300-heat",
            new InteractiveEvidenceMapOptions { CellStyle = EvidenceMapCellStyle.Heat });
        // WCAG 2 contrast ratio from the computed colours: (L1 + 0.05) / (L2 + 0.05) with sRGB relative luminance.
        double[] ratios = await map.Page.EvaluateAsync<double[]>(@"() => {
            const luminance = rgb => {
                const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map(v => {
                    const c = v / 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            return Array.from(document.querySelectorAll('button.cell:not(.gap)')).map(b => {
                const style = getComputedStyle(b);
                const [hi, lo] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
                return (hi + 0.05) / (lo + 0.05);
            });
        }");
        Assert.NotEmpty(ratios);
        Assert.All(ratios, ratio => Assert.True(ratio >= 4.5, $"contrast {ratio:F2} is below 4.5:1"));
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task Screenshots_DesktopNarrowAndPrint_AreWrittenForLooking()
    {
        var evidence = SyntheticEvidence.Generate(300, seed: 7);
        await using (var map = await MapPage.OpenAsync(fixture.Browser, evidence, "synthetic-300"))
        {
            await map.TickAsync("designGroup", "RCT");
            await map.Cell("Social support", "Mental health").ClickAsync();
            await map.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "map-desktop.png"), FullPage = true });
            await map.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "map-desktop-top.png") });
            await map.Page.Locator("input[name=style][value=heat]").CheckAsync();
            await map.Page.Locator("#map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "map-heat.png") });
            await map.Page.Locator("input[name=style][value=bubble]").CheckAsync();
            await map.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            await map.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "map-print.png"), FullPage = true });
            Assert.True(await map.Page.Locator("#filters").IsHiddenAsync());
            await map.AssertCleanAsync();
        }
        await using (var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-narrow", width: 420, height: 800))
        {
            await map.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "map-narrow.png"), FullPage = true });
            // Narrow screens stack the filters above the map instead of squeezing the map.
            var filters = await map.Page.Locator("aside.filters").BoundingBoxAsync();
            var table = await map.Page.Locator("#map").BoundingBoxAsync();
            Assert.True(filters!.Y + filters.Height <= table!.Y);
            await map.AssertCleanAsync();
        }
        Assert.True(new FileInfo(Path.Combine(BrowserFixture.OutputDirectory, "map-desktop.png")).Length > 10_000);
    }

    [Fact]
    public async Task FirstList_BeforeTheRecordsAreRead_IsTheListTheRecordsGive()
    {
        var evidence = SyntheticEvidence.Generate(300, seed: 11);
        await using var map = await MapPage.OpenAsync(fixture.Browser, evidence, "synthetic-300-first-list", holdRecords: true);
        Assert.False(await map.Page.EvaluateAsync<bool>("() => window.evidenceMap.recordsRead()"));
        string rows = await map.Page.Locator("#study-table tbody").InnerHTMLAsync();
        string summary = await map.Page.Locator("#studies-summary").TextContentAsync() ?? "";
        string more = await map.Page.Locator("#more").TextContentAsync() ?? "";
        Assert.Equal(100, await map.Page.Locator("#study-table tbody tr").CountAsync());
        Assert.Equal("300 studies.", summary);
        Assert.Equal("Show more (200 not shown)", more);

        // The same list drawn again from the records: another order, then the citation order again.
        await map.Page.SelectOptionAsync("#sort", "year");
        Assert.True(await map.Page.EvaluateAsync<bool>("() => window.evidenceMap.recordsRead()"));
        await map.Page.SelectOptionAsync("#sort", "label");
        Assert.Equal(rows, await map.Page.Locator("#study-table tbody").InnerHTMLAsync());
        Assert.Equal(summary, await map.Page.Locator("#studies-summary").TextContentAsync());
        Assert.Equal(more, await map.Page.Locator("#more").TextContentAsync());
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task ActingBeforeTheRecordsAreRead_ReadsThemFirst()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-held-records", holdRecords: true);
        Assert.False(await map.Page.EvaluateAsync<bool>("() => window.evidenceMap.recordsRead()"));
        await map.TickAsync("designGroup", "RCT");
        Assert.True(await map.Page.EvaluateAsync<bool>("() => window.evidenceMap.recordsRead()"));
        await map.Cell("Social support", "Social connection").ClickAsync();
        Assert.Equal(["S1", "S2"], (await map.ListedStudyIdsAsync()).Order(StringComparer.Ordinal));
        await map.AssertCleanAsync();

        await using var held = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-held-records-cell", holdRecords: true);
        await held.Cell("Physical wellbeing", "Mental health").ClickAsync();
        Assert.Equal(["S1", "S4"], (await held.ListedStudyIdsAsync()).Order(StringComparer.Ordinal));
        await held.AssertCleanAsync();
    }

    [Fact]
    public async Task ActingWhileThePageIsStillArriving_WaitsForTheRecordsThenActs()
    {
        // Served over HTTP in two parts, the records block held back: the page has drawn its first view from the first
        // part, and the reader acts before the rest arrives.
        string html = InteractiveEvidenceMap.ToHtml(_evidence);
        int split = html.IndexOf("<script type=\"application/octet-stream\" id=\"evidence-records\">", StringComparison.Ordinal);
        Assert.True(split > html.IndexOf("id=\"evidence-data\"", StringComparison.Ordinal)); // the records follow the page script
        var release = new TaskCompletionSource();
        using var server = new TwoPartServer(System.Text.Encoding.UTF8.GetBytes(html[..split]), System.Text.Encoding.UTF8.GetBytes(html[split..]), release.Task);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync(server.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.Locator("button.cell").First.WaitForAsync();
            Assert.Equal("loading", await page.EvaluateAsync<string>("() => document.readyState"));

            await page.Locator("fieldset[data-facet='designGroup'] label").Filter(new LocatorFilterOptions { HasTextString = "RCT" }).First.Locator("input").CheckAsync();
            await page.Locator("button.cell[aria-label^=\"Social support and Social connection:\"]").ClickAsync();
            Assert.Equal("loading", await page.EvaluateAsync<string>("() => document.readyState"));

            release.SetResult();
            await page.WaitForFunctionAsync("() => window.evidenceMap !== undefined");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#study-table tbody tr[data-id]').length === 2");
            string[] listed = await page.Locator("#study-table tbody tr[data-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
            Assert.Equal(["S1", "S2"], listed.Order(StringComparer.Ordinal));
            string[] filtered = await page.EvaluateAsync<string[]>("() => window.evidenceMap.filteredStudyIds()");
            Assert.Equal(_evidence.Studies.Where(s => s.DesignGroup == DesignGroup.Rct).Select(s => s.Id).Order(StringComparer.Ordinal), filtered.Order(StringComparer.Ordinal));
            Assert.Empty(errors);
        }
        finally
        {
            release.TrySetResult();
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Inflate_WhatDotNetDeflates_ComesBackByteForByte()
    {
        await using var map = await MapPage.OpenAsync(fixture.Browser, _evidence, "awkward-inflate");
        var random = new Random(20261126);
        byte[] noise = new byte[70_000]; // more than a stored block holds (65,535 bytes)
        random.NextBytes(noise);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < 6_000; i++) text.Append("{\"id\":\"S").Append(random.Next(100_000)).Append("\",\"title\":\"Study of peer support ").Append(i % 97).Append("\"},");
        byte[][] inputs =
        [
            "a"u8.ToArray(),
            "Hello, hello, hello: ÿ ✓ evidence"u8.ToArray(),
            System.Text.Encoding.UTF8.GetBytes(text.ToString()),
            Enumerable.Repeat((byte)'a', 100_000).ToArray(), // matches of the longest length (258) at distance 1
            noise,
        ];
        var cases = new List<(string Deflated, int Length, string Expected)>();
        var blockTypes = new HashSet<int>();
        foreach (var level in (CompressionLevel[])[CompressionLevel.NoCompression, CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize])
        {
            foreach (byte[] input in inputs)
            {
                using var buffer = new MemoryStream();
                using (var deflate = new DeflateStream(buffer, level)) deflate.Write(input);
                byte[] deflated = buffer.ToArray();
                blockTypes.Add((deflated[0] >> 1) & 3); // the first block's BTYPE (RFC 1951 §3.2.3)
                cases.Add((Convert.ToBase64String(deflated), input.Length, Convert.ToBase64String(input)));
            }
        }
        // The cases hold stored (0), fixed-Huffman (1) and dynamic-Huffman (2) blocks.
        Assert.Equal([0, 1, 2], blockTypes.Order());

        string[] inflated = await map.Page.EvaluateAsync<string[]>(
            "cases => cases.map(c => window.evidenceMap.inflate(Uint8Array.fromBase64(c[0]), c[1]).toBase64())",
            cases.Select(c => new object[] { c.Deflated, c.Length }).ToArray());
        Assert.Equal(cases.Select(c => c.Expected), inflated);

        // Damaged or mislabelled data is refused with a reason, never returned short.
        string deflatedText = cases[2 + inputs.Length * 2].Deflated; // the text at Optimal
        int textLength = cases[2].Length;
        string[] refusals = await map.Page.EvaluateAsync<string[]>(@"([z, n]) => {
            const bytes = Uint8Array.fromBase64(z);
            const attempt = (input, size) => { try { window.evidenceMap.inflate(input, size); return 'accepted'; } catch (e) { return e.message; } };
            return [attempt(bytes.subarray(0, bytes.length >> 1), n), attempt(bytes, n - 1), attempt(bytes, n + 1), attempt(Uint8Array.of(0xff, 0xff), 10)];
        }", new object[] { deflatedText, textLength });
        Assert.All(refusals, message => Assert.StartsWith("the study records are damaged (", message));
        Assert.Contains("fewer bytes than the page data say", refusals[2]);
        Assert.Contains("more bytes than the page data say", refusals[1]);
        await map.AssertCleanAsync();
    }

    [Fact]
    public async Task SharesAndDirections_SyntheticEvidence_MatchTheLibrary()
    {
        var evidence = SyntheticEvidence.Generate(600, seed: 5);
        await using var map = await MapPage.OpenAsync(fixture.Browser, evidence, "synthetic-600-shares");
        await AssertSharesMatchLibraryAsync(map, evidence, EvidenceFilter.All);
        await map.TickAsync("country", "Canada");
        await map.TickAsync("country", "Ireland");
        await AssertSharesMatchLibraryAsync(map, evidence, EvidenceFilter.All with { Countries = ["Canada", "Ireland"] });

        // Each study's single direction per outcome is the library's within-study rule (70% agreement, else mixed).
        var directions = await map.Page.EvaluateAsync<Dictionary<string, object[][]>>("() => window.evidenceMap.studyDirections()");
        foreach (var study in evidence.Studies)
        {
            var expected = evidence.FindingsOf(study).GroupBy(f => f.Domain).OrderBy(g => g.Key)
                .Select(g => (g.Key.Name, (int)WithinStudyDirection.Combine(g.Select(f => f.Direction)))).ToArray();
            var shown = directions[study.Id].Select(pair => (pair[0].ToString() ?? "", Convert.ToInt32(pair[1].ToString(), System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            Assert.Equal(expected, shown);
        }
        await map.AssertCleanAsync();
    }

    // The shares panel equals evidence.Share(design: RCT, outcome) for every outcome with a reported direction.
    private static async Task AssertSharesMatchLibraryAsync(MapPage map, EvidenceBase evidence, EvidenceFilter filter)
    {
        var shown = await map.Page.EvaluateAsync<ShareRow[]>("() => window.evidenceMap.shares()");
        var ranking = evidence.RankOutcomes(design: DesignGroup.Rct, filter: filter);
        Assert.Equal(ranking.Entries.Select(e => e.Label), shown.Select(s => s.Outcome));
        foreach (var entry in ranking.Entries)
        {
            var row = shown.Single(s => s.Outcome == entry.Label);
            Assert.Equal((entry.Share.Numerator, entry.Share.Denominator), (row.K, row.N));
            Assert.Equal(entry.Share.Lower!.Value, row.Lower, 12);
            Assert.Equal(entry.Share.Upper!.Value, row.Upper, 12);
        }
    }

    // Wilson score interval, GUIDE.md §2: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
    private static (double Lower, double Upper) Wilson(int k, int n, double z)
    {
        double p = (double)k / n;
        double centre = p + z * z / (2 * n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        double scale = 1 + z * z / n;
        return ((centre - half) / scale, (centre + half) / scale);
    }

    // Playwright deserialises evaluation results into settable properties.
    public sealed class Totals
    {
        public int[] Rows { get; set; } = [];
        public int[] Cols { get; set; } = [];
        public int Total { get; set; }
        public int Entries { get; set; }
    }

    public sealed class Labels
    {
        public string[] Rows { get; set; } = [];
        public string[] Cols { get; set; } = [];
    }

    public sealed class BubbleBox
    {
        public int Count { get; set; }
        public double Cx { get; set; }
        public double R { get; set; }
        public double Left { get; set; }
        public double Width { get; set; }
    }

    public sealed class CountBox
    {
        public string Count { get; set; } = "";
        public double TextRight { get; set; }
        public double CellRight { get; set; }
    }

    public sealed class IntervalPicture
    {
        public double Width { get; set; }
        public double DotLeft { get; set; }
        public double DotRight { get; set; }
        public string Ticks { get; set; } = "";
    }

    public sealed class ShareRow
    {
        public string Outcome { get; set; } = "";
        public int K { get; set; }
        public int N { get; set; }
        public double Lower { get; set; }
        public double Upper { get; set; }
    }
}
