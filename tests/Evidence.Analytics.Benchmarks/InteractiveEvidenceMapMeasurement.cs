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
/// <para>A 50-study map is measured first as the baseline: what opening any page costs on this machine. Wall-clock
/// figures grow with competing load; the main-thread CPU times (DevTools ThreadTime) much less so.</para>
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
        // A 50-study map first: the browser's own cost of opening a page and drawing a frame on this machine.
        await MeasureAsync(50, runs);
        await MeasureAsync(studies, runs);
    }

    private static async Task MeasureAsync(int studies, int runs)
    {
        var evidence = SyntheticEvidence.Generate(studies);
        string path = Path.Combine(Path.GetTempPath(), $"evidence-map-{studies}.html");
        InteractiveEvidenceMap.Write(evidence, path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{evidence}; page {new FileInfo(path).Length / 1024.0 / 1024.0:F1} MiB; {runs} runs in headless Chromium"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var load = new List<double>();
        var script = new List<double>();
        var parse = new List<double>();
        var records = new List<double>();
        var frame = new List<double>();
        var interactive = new List<double>();
        var loadCpu = new List<double>();
        var refilterCpu = new List<double>();
        var refilter = new List<double>();
        var refilterFrame = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            // The renderer main thread's CPU time (DevTools Performance.getMetrics ThreadTime, counted from
            // Performance.enable): unlike wall-clock time it does not grow when other processes compete for the CPU.
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Performance.enable");
            double start = await ThreadTimeAsync(cdp);
            await page.GotoAsync(new Uri(path).AbsoluteUri);
            await page.WaitForFunctionAsync("() => window.evidenceMap !== undefined");
            loadCpu.Add(await ThreadTimeAsync(cdp) - start);
            double[] at = await page.EvaluateAsync<double[]>("() => { const t = window.evidenceMap.timings; return [t.ready, t.load, t.parse]; }");
            load.Add(at[0]);
            script.Add(at[1]);
            parse.Add(at[2]);
            await page.WaitForFunctionAsync("() => window.evidenceMap.recordsRead()");
            double[] read = await page.EvaluateAsync<double[]>(
                "() => { const t = window.evidenceMap.timings; return [t.interactive, t.records, t.frame]; }");
            interactive.Add(read[0]);
            records.Add(read[1]);
            frame.Add(read[2]);
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
                refilter.Add(times[0]);
                refilterFrame.Add(times[1]);
                double before = await ThreadTimeAsync(cdp);
                await page.EvaluateAsync(@"label => new Promise(resolve => {
                    Array.from(document.querySelectorAll('fieldset[data-facet=designGroup] label'))
                        .find(l => l.textContent.trim() === label).querySelector('input').click();
                    requestAnimationFrame(() => setTimeout(resolve, 0));
                })", group);
                refilterCpu.Add(await ThreadTimeAsync(cdp) - before);
            }
            await context.CloseAsync();
        }
        Report("load (navigation start to first render)", load);
        Report("page script (parse, render)", script);
        Report("  of which JSON.parse", parse);
        Report("first frame drawn (style, layout, paint)", frame);
        Report("records read (navigation start to the end)", interactive);
        Report("  reading them (inflate, parse, build)", records);
        Report("load, renderer main-thread CPU time", loadCpu);
        Report("re-filter (recount and re-render)", refilter);
        Report("re-filter to next frame (with layout, paint)", refilterFrame);
        Report("re-filter to next frame, main-thread CPU time", refilterCpu);
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

    private static void Report(string what, List<double> values)
    {
        var sorted = values.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-46} median {sorted[sorted.Length / 2],7:F1} ms   min {sorted[0],7:F1}   max {sorted[^1],7:F1}   (n = {sorted.Length})"));
    }
}
