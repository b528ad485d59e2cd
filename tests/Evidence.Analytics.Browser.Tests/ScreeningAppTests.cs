using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.ScreeningProjects;
using Microsoft.Playwright;

namespace Evidence.Analytics.Browser.Tests;

/// <summary>The screening app in headless Chromium: two screeners with the keyboard, a conflict resolved, the agreement
/// view's kappa against the formula, exports read back, and record text that is never markup.</summary>
[Collection(ChromiumTests.Name)]
public sealed class ScreeningAppTests(BrowserFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("screening-app-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>A CSV of records r1…rN; every seventh about social prescribing, the rest about hospital costs.</summary>
    private string Sample(int count, string? firstTitle = null, string? firstAbstract = null)
    {
        var text = new StringBuilder("record_id,title,abstract,authors,year,journal,keywords\n");
        static string Q(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        // A random code per record keeps near-identical texts (study 7 and study 70) from being joined as duplicates.
        var random = new Random(14);
        string Code() => new([.. Enumerable.Range(0, 12).Select(_ => (char)('a' + random.Next(26)))]);
        for (int i = 1; i <= count; i++)
        {
            string title = i == 1 && firstTitle is not null ? firstTitle : i % 7 == 0 ? $"Social prescribing for postpartum women, study {i}" : $"Hospital costs in region {i}";
            string body = i == 1 && firstAbstract is not null ? firstAbstract : i % 7 == 0 ? $"Link workers referred mothers to community groups ({i}, {Code()})." : $"Bed-day costs, survey {i} ({Code()}).";
            text.Append(CultureInfo.InvariantCulture, $"r{i},{Q(title)},{Q(body)},Author {i % 9}; Other A,{2000 + i % 20},Journal {i % 4},postpartum; costs\n");
        }
        string path = Path.Combine(_folder, "records.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private sealed class AppPage(IBrowserContext context, IPage page, List<string> dialogs, List<string> foreign, List<string> errors) : IAsyncDisposable
    {
        public IPage Page { get; } = page;
        public List<string> Dialogs { get; } = dialogs;
        public List<string> Foreign { get; } = foreign;
        public List<string> Errors { get; } = errors;

        public static async Task<AppPage> OpenAsync(IBrowser browser, ScreeningServer server, string screener)
        {
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            List<string> dialogs = [], foreign = [], errors = [];
            page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
            string origin = $"http://127.0.0.1:{server.Port}/";
            page.Request += (_, r) => { if (!r.Url.StartsWith(origin, StringComparison.Ordinal)) foreign.Add(r.Url); };
            page.PageError += (_, e) => errors.Add(e);
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            await page.GotoAsync(server.Url(screener));
            await page.WaitForFunctionAsync("() => document.body.dataset.sequence !== undefined");
            return new AppPage(context, page, dialogs, foreign, errors);
        }

        public Task<string> RecordIdAsync() => Page.EvaluateAsync<string>("() => document.getElementById('record').dataset.recordId");

        /// <summary>Presses a key and waits until the page shows the answer (the screener's sequence number moves on).</summary>
        public async Task PressAsync(string key)
        {
            string before = await Page.EvaluateAsync<string>("() => document.body.dataset.sequence");
            await Page.Keyboard.PressAsync(key);
            await Page.WaitForFunctionAsync("s => document.body.dataset.sequence !== s", before);
        }

        public async ValueTask DisposeAsync() => await context.CloseAsync();
    }

    private static bool AnnaIncludes(int n) => n % 7 == 0;

    private static bool BenIncludes(int n) => n % 7 == 0 || n % 11 == 0;

    [Fact]
    public async Task TwoScreeners_WithTheKeyboard_ResolveAConflict_AndAgreementIsTheKappaOfTheFormula()
    {
        const int count = 200;
        string path = Path.Combine(_folder, "review.screening");
        using (ScreeningProject.Create(path, [RecordFile.Read(Sample(count))], "Postpartum women; social prescribing", ["social prescribing"])) { }
        using var project = ScreeningProject.Open(path);
        Assert.Equal(count, project.Records.Length);
        await using var server = await ScreeningServer.StartAsync(project);
        await using var anna = await AppPage.OpenAsync(fixture.Browser, server, "Anna");
        await using var ben = await AppPage.OpenAsync(fixture.Browser, server, "Ben");

        var timings = new List<double>();
        // Both screen all 200 records, alternating keystrokes, each deciding by their own rule; Anna undoes one decision on the way.
        for (int k = 0; k < count; k++)
        {
            foreach (var (page, includes) in new[] { (anna, (Func<int, bool>)AnnaIncludes), (ben, BenIncludes) })
            {
                string id = await page.RecordIdAsync();
                if (id.Length == 0)
                {
                    string body = await page.Page.InnerTextAsync("body");
                    Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{(page == anna ? "Anna" : "Ben")} has no record at step {k}; {project.Records.Length} records; {body}"));
                }
                int n = int.Parse(id[1..], CultureInfo.InvariantCulture);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await page.PressAsync(includes(n) ? "i" : "e");
                timings.Add(clock.Elapsed.TotalMilliseconds);
                if (k == 10 && page == anna)
                {
                    await page.PressAsync("u");
                    Assert.Equal(id, await page.RecordIdAsync()); // the undone record comes back
                    await page.PressAsync(includes(n) ? "i" : "e");
                }
            }
        }
        Assert.Equal("", await anna.RecordIdAsync()); // every record decided
        Assert.Empty(anna.Dialogs.Concat(anna.Foreign).Concat(anna.Errors).Concat(ben.Errors).Concat(ben.Foreign));

        // Independently of the library: the 2×2 table from the two rules, then Cohen's kappa by its formula.
        int a = 0, b = 0, c = 0, d = 0;
        for (int n = 1; n <= count; n++)
        {
            (bool x, bool y) = (AnnaIncludes(n), BenIncludes(n));
            if (x && y) a++; else if (x) b++; else if (y) c++; else d++;
        }
        double po = (a + d) / (double)count, p1 = (a + b) / (double)count, p2 = (a + c) / (double)count;
        double pe = p1 * p2 + (1 - p1) * (1 - p2);
        double kappa = (po - pe) / (1 - pe);

        // The conflicts view lists the records only Ben included (n % 11 == 0, n % 7 != 0); resolve the first as include.
        await anna.Page.ClickAsync("button[data-view=conflicts]");
        await anna.Page.WaitForSelectorAsync("#conflict-rows tr");
        string[] conflicts = [.. await anna.Page.Locator("#conflict-rows tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.recordId)")];
        Assert.Equal(Enumerable.Range(1, count).Where(n => BenIncludes(n) && !AnnaIncludes(n)).Select(n => $"r{n}"), conflicts);
        await anna.Page.ClickAsync($"#conflict-rows tr[data-record-id='{conflicts[0]}'] .resolve-include");
        await anna.Page.WaitForFunctionAsync("id => document.querySelector(`#conflict-rows tr[data-record-id='${id}'] td:nth-child(4)`).textContent.startsWith('include')", conflicts[0]);

        await anna.Page.ClickAsync("button[data-view=agreement]");
        await anna.Page.WaitForFunctionAsync("() => document.getElementById('agreement-values').dataset.kappa");
        double shown = double.Parse(await anna.Page.EvaluateAsync<string>("() => document.getElementById('agreement-values').dataset.kappa"), CultureInfo.InvariantCulture);
        Assert.Equal(kappa, shown, 12);
        string text = await anna.Page.InnerTextAsync("#agreement-values");
        Assert.Contains(kappa.ToString("0.000", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);

        // Exports read back equal: the included records are those both included plus the resolved conflict.
        string included = Path.Combine(_folder, "included.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await EvidenceCli.RunAsync(["screen", "export", path, "--included", included], output, error));
        var reread = RecordFile.Read(included).GetRecordsOrThrow();
        string[] expected = [.. Enumerable.Range(1, count).Where(n => AnnaIncludes(n) && BenIncludes(n)).Select(n => $"r{n}").Append(conflicts[0]).OrderBy(id => int.Parse(id[1..], CultureInfo.InvariantCulture))];
        Assert.Equal(expected, reread.Select(r => r.Id));
        Assert.Equal(expected.Select(id => project.FindRecord(id)!.Title), reread.Select(r => r.Title));
        Assert.All(reread, r => Assert.True(r.Included));

        timings.Sort();
        File.WriteAllText(Path.Combine(BrowserFixture.OutputDirectory, "screening-app-timings.txt"), string.Create(CultureInfo.InvariantCulture,
            $"keystroke to next record, {timings.Count} decisions: median {timings[timings.Count / 2]:F1} ms, 95th percentile {timings[(int)(timings.Count * 0.95)]:F1} ms, max {timings[^1]:F1} ms\n"));
    }

    [Fact]
    public async Task RecordText_WithMarkup_RendersAsText_AndNoScriptRuns()
    {
        const string title = "<script>alert(1)</script>";
        const string summary = "An abstract with <b>bold</b> and <img src=x onerror=alert(2)> social prescribing.";
        string path = Path.Combine(_folder, "xss.screening");
        using var project = ScreeningProject.Create(path, [RecordFile.Read(Sample(5, title, summary))], "<i>criteria</i>", ["social prescribing"]);
        await using var server = await ScreeningServer.StartAsync(project);
        await using var app = await AppPage.OpenAsync(fixture.Browser, server, "Anna");

        Assert.Equal("r1", await app.RecordIdAsync());
        Assert.Equal(title, await app.Page.TextContentAsync("#title"));
        Assert.Equal(summary, await app.Page.TextContentAsync("#abstract"));
        Assert.Equal("<i>criteria</i>", await app.Page.TextContentAsync("#criteria"));
        Assert.Equal(0, await app.Page.Locator("#record script, #record img, #record b, #criteria i").CountAsync());
        Assert.Equal("social prescribing", await app.Page.TextContentAsync("#abstract mark"));
        await app.Page.WaitForTimeoutAsync(300);
        Assert.Empty(app.Dialogs);
        Assert.Empty(app.Foreign);
        await app.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.OutputDirectory, "screening-app-xss.png") });
    }
}
