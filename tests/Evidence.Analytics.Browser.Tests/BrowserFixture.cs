using Microsoft.Playwright;

namespace Evidence.Analytics.Browser.Tests;

/// <summary>One headless Chromium for the whole test run: Debian's <c>/usr/bin/chromium</c>, because browsers cannot
/// be downloaded here (never run <c>playwright install</c>; <c>.ci/run</c> installs the Debian package).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The Chromium the tests drive.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests write the maps and screenshots they make, for a person to look at.</summary>
    public static string OutputDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser-output")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await Launch(_playwright);
    }

    /// <summary>Launches headless Chromium with the flags a container needs.</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Chromium";
}

/// <summary>A page with an evidence map loaded from disk, recording console errors, page errors, dialogs and any
/// request that leaves the file (the map must work offline).</summary>
public sealed class MapPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private MapPage(IBrowserContext context, IPage page, string path)
    {
        _context = context;
        Page = page;
        Path = path;
    }

    public IPage Page { get; }

    public string Path { get; }

    public List<string> Errors { get; } = [];

    public List<string> Dialogs { get; } = [];

    public List<string> NetworkRequests { get; } = [];

    /// <summary>Writes the map and opens it.</summary>
    /// <param name="holdRecords">Stop the page reading its records by itself after the first frame (it reads them in a
    /// task queued from a requestAnimationFrame callback, which this disables), so that they are read only when the
    /// reader first acts.</param>
    public static async Task<MapPage> OpenAsync(IBrowser browser, EvidenceBase evidence, string name,
        InteractiveEvidenceMapOptions? options = null, int width = 1280, int height = 900, bool holdRecords = false)
    {
        string path = System.IO.Path.Combine(BrowserFixture.OutputDirectory, name + ".html");
        InteractiveEvidenceMap.Write(evidence, path, options);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        if (holdRecords) await context.AddInitScriptAsync("window.requestAnimationFrame = () => 0;");
        var page = await context.NewPageAsync();
        var map = new MapPage(context, page, path);
        page.Console += (_, message) => { if (message.Type == "error") map.Errors.Add("console: " + message.Text); };
        page.PageError += (_, error) => map.Errors.Add("page: " + error);
        page.Dialog += async (_, dialog) => { map.Dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        page.Request += (_, request) => { if (!request.Url.StartsWith("file:", StringComparison.Ordinal)) map.NetworkRequests.Add(request.Url); };
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        // Polled by time rather than by animation frame, which holdRecords turns off.
        await page.WaitForFunctionAsync("() => window.evidenceMap !== undefined", null, new PageWaitForFunctionOptions { PollingInterval = 10 });
        return map;
    }

    /// <summary>The ids of the studies listed in the studies table, in the order shown.</summary>
    public async Task<string[]> ListedStudyIdsAsync() =>
        (await Page.Locator("#study-table tbody tr[data-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"));

    /// <summary>The ids of the studies passing the filters, in ordinal order.</summary>
    public async Task<string[]> FilteredStudyIdsAsync() =>
        [.. (await Page.EvaluateAsync<string[]>("() => window.evidenceMap.filteredStudyIds()")).Order(StringComparer.Ordinal)];

    /// <summary>Ticks a filter value by its facet and label.</summary>
    public Task TickAsync(string facet, string label) =>
        Page.Locator($"fieldset[data-facet='{facet}'] label").Filter(new LocatorFilterOptions { HasTextString = label }).First.Locator("input").CheckAsync();

    /// <summary>The map cell for a row and column label.</summary>
    public ILocator Cell(string row, string column) =>
        Page.Locator($"button.cell[aria-label^=\"{row} and {column}:\"]");

    public async Task AssertCleanAsync()
    {
        Assert.Empty(Errors);
        Assert.Empty(Dialogs);
        Assert.Empty(NetworkRequests);
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
