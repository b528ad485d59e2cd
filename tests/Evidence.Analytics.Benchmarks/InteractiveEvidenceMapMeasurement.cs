using System.Globalization;
using Evidence.Analytics.Testing;
using Microsoft.Playwright;

namespace Evidence.Analytics.Benchmarks;

/// <summary>Measures the interactive evidence map in headless Chromium: how long a 10,000-study page takes to load and
/// to re-filter, read from <c>performance.now()</c> inside the page over several runs.</summary>
/// <remarks>
/// <para>Run: <c>dotnet run -c Release --project tests/Evidence.Analytics.Benchmarks -- evidence-map-browser [studies] [runs]</c>.
/// Needs Debian's <c>/usr/bin/chromium</c>. This is a measurement, not a test: it prints figures and asserts nothing.
/// Set <c>EVIDENCE_MAP_TIMINGS=1</c> to also print the page's own phase timings of each run.</para>
/// <para>A 50-study map is measured alongside as the baseline, the two pages taking turns: what opening any page costs
/// on this machine. Wall-clock figures grow with competing load; the main-thread CPU times (DevTools ThreadTime) much
/// less so.</para>
/// <para>Load is from navigation start to the end of the page script's first render (the map, the first studies listed,
/// the shares and the filters, drawn from the page JSON), and separately the page script alone. The page then reads
/// every study's record once the browser has drawn the first frame; "records read" is from navigation start to the end
/// of that, after which every control answers at re-filter speed. Re-filter is ticking a design-group box: the
/// synchronous recount and re-render, and that plus the browser's next frame (style, layout and paint).</para>
/// </remarks>
internal static class InteractiveEvidenceMapMeasurement
{
    public static async Task RunAsync(string[] args)
    {
        int studies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        // A 50-study map is the baseline: the browser's own cost of opening a page and drawing it on this machine. The
        // two pages take turns, run by run, so that both meet the same competing load.
        Figures[] pages = [new Figures(50), new Figures(studies)];
        foreach (var page in pages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{page.Evidence}; page {new FileInfo(page.Path).Length / 1024.0 / 1024.0:F1} MiB; {runs} runs in headless Chromium, taking turns"));
        }
        for (int run = 0; run < runs; run++)
        {
            foreach (var page in pages) await MeasureAsync(browser, page);
        }
        foreach (var page in pages) page.Report();
    }

    /// <summary>One page's figures over the runs.</summary>
    private sealed class Figures
    {
        public Figures(int studies)
        {
            Evidence = SyntheticEvidence.Generate(studies);
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"evidence-map-{studies}.html");
            InteractiveEvidenceMap.Write(Evidence, Path);
        }

        public EvidenceBase Evidence { get; }
        public string Path { get; }
        public List<double> Load { get; } = [];
        public List<double> Script { get; } = [];
        public List<double> Parse { get; } = [];
        public List<double> Frame { get; } = [];
        public List<double> Interactive { get; } = [];
        public List<double> Records { get; } = [];
        public List<double> LoadCpu { get; } = [];
        public List<double> Refilter { get; } = [];
        public List<double> RefilterFrame { get; } = [];
        public List<double> RefilterCpu { get; } = [];

        public void Report()
        {
            Console.WriteLine($"{Evidence.Studies.Length:N0} studies");
            Row("load (navigation start to first render)", Load);
            Row("page script (parse, render)", Script);
            Row("  of which JSON.parse", Parse);
            Row("document read, first frame drawn", Frame);
            Row("records read (navigation start to the end)", Interactive);
            Row("  reading them (inflate, parse, build)", Records);
            Row("load, renderer main-thread CPU time", LoadCpu);
            Row("re-filter (recount and re-render)", Refilter);
            Row("re-filter to next frame (with layout, paint)", RefilterFrame);
            Row("re-filter to next frame, main-thread CPU time", RefilterCpu);
        }
    }

    private static async Task MeasureAsync(IBrowser browser, Figures figures)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // The renderer main thread's CPU time (DevTools Performance.getMetrics ThreadTime, counted from
        // Performance.enable): unlike wall-clock time it does not grow when other processes compete for the CPU.
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        double start = await ThreadTimeAsync(cdp);
        await page.GotoAsync(new Uri(figures.Path).AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.evidenceMap !== undefined");
        figures.LoadCpu.Add(await ThreadTimeAsync(cdp) - start);
        double[] at = await page.EvaluateAsync<double[]>("() => { const t = window.evidenceMap.timings; return [t.ready, t.load, t.parse]; }");
        figures.Load.Add(at[0]);
        figures.Script.Add(at[1]);
        figures.Parse.Add(at[2]);
        await page.WaitForFunctionAsync("() => window.evidenceMap.recordsRead()");
        double[] read = await page.EvaluateAsync<double[]>(
            "() => { const t = window.evidenceMap.timings; return [t.interactive, t.records, t.frame]; }");
        figures.Interactive.Add(read[0]);
        figures.Records.Add(read[1]);
        figures.Frame.Add(read[2]);
        if (Environment.GetEnvironmentVariable("EVIDENCE_MAP_TIMINGS") == "1")
            Console.WriteLine(await page.EvaluateAsync<string>("() => JSON.stringify(window.evidenceMap.timings)"));
        foreach (string group in (string[])["RCT", "Qualitative", "RCT"])
        {
            double[] times = await page.EvaluateAsync<double[]>(@"label => new Promise(resolve => {
                const box = Array.from(document.querySelectorAll('fieldset[data-facet=designGroup] label'))
                    .find(l => l.textContent.trim() === label).querySelector('input');
                const t0 = performance.now();
                box.click();
                const t1 = performance.now();
                requestAnimationFrame(() => setTimeout(() => resolve([t1 - t0, performance.now() - t0]), 0));
            })", group);
            figures.Refilter.Add(times[0]);
            figures.RefilterFrame.Add(times[1]);
            double before = await ThreadTimeAsync(cdp);
            await page.EvaluateAsync(@"label => new Promise(resolve => {
                Array.from(document.querySelectorAll('fieldset[data-facet=designGroup] label'))
                    .find(l => l.textContent.trim() === label).querySelector('input').click();
                requestAnimationFrame(() => setTimeout(resolve, 0));
            })", group);
            figures.RefilterCpu.Add(await ThreadTimeAsync(cdp) - before);
        }
        await context.CloseAsync();
    }

    private static async Task<double> ThreadTimeAsync(ICDPSession cdp)
    {
        var result = await cdp.SendAsync("Performance.getMetrics");
        foreach (var metric in result!.Value.GetProperty("metrics").EnumerateArray())
        {
            if (metric.GetProperty("name").GetString() == "ThreadTime") return metric.GetProperty("value").GetDouble() * 1000;
        }
        throw new InvalidOperationException("Chromium reported no ThreadTime metric.");
    }

    private static void Row(string what, List<double> values)
    {
        var sorted = values.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-46} median {sorted[sorted.Length / 2],7:F1} ms   min {sorted[0],7:F1}   max {sorted[^1],7:F1}   (n = {sorted.Length})"));
    }
}
