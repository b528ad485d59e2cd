using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.ScreeningProjects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Evidence.Analytics.Cli;

/// <summary>The screening app's web server: Kestrel on 127.0.0.1 only, a random token required on every request, one
/// static page and a small JSON API over a <see cref="ScreeningProject"/>.</summary>
/// <remarks>
/// <para>Every request must carry the run's token (the <c>token</c> query parameter, or the <c>X-Screening-Token</c>
/// header the page sends) and name this server as its host; every response carries a strict content security policy
/// (<c>default-src 'self'</c>), so the page loads nothing and sends nothing outside its own origin.</para>
/// <para>Bad requests get a 4xx status and <c>{"error": "…"}</c>, never a 500 or a stack trace: 401 without the token,
/// 403 with a wrong one, 404 for an unknown record or path, 409 for a replayed or out-of-order decision (each screener's
/// requests carry the next sequence number) or nothing to undo, 413 for a body over <see cref="MaxBodyBytes"/>, 400 for
/// anything else malformed.</para>
/// </remarks>
internal sealed class ScreeningServer : IAsyncDisposable
{
    public const int MaxBodyBytes = 32 * 1024;
    private const string TokenHeader = "X-Screening-Token";

    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly WebApplication _app;
    private readonly ScreeningProject _project;
    private readonly ScreeningModel _model;
    private readonly ImmutableArray<StoppingRule> _rules;
    private readonly Lazy<ScreeningFeatures> _features;
    private readonly ConcurrentDictionary<string, Screener> _screeners = new(StringComparer.Ordinal);
    private readonly byte[] _token;
    private readonly string _page;

    private ScreeningServer(WebApplication app, ScreeningProject project, string token, ScreeningModel model, ImmutableArray<StoppingRule> rules)
    {
        _app = app;
        _project = project;
        _model = model;
        _rules = rules;
        Token = token;
        _token = Encoding.ASCII.GetBytes(token);
        _features = new Lazy<ScreeningFeatures>(() => new ScreeningFeatures(project, model), LazyThreadSafetyMode.ExecutionAndPublication);
        _page = Asset("screen-app.html").Replace("{{token}}", token, StringComparison.Ordinal);
    }

    /// <summary>The run's token.</summary>
    public string Token { get; }

    /// <summary>The port listened on.</summary>
    public int Port { get; private set; }

    /// <summary>The page's address, token included (and the screener, when one is given).</summary>
    public string Url(string? screener = null) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/?token={Token}")
        + (screener is null ? "" : "&screener=" + Uri.EscapeDataString(screener));

    /// <summary>Starts a server on a project (which it does not dispose).</summary>
    /// <param name="project">The project.</param>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="rules">The stopping rules to report; empty for the defaults.</param>
    /// <param name="token">The token, or null for a random one (128 bits).</param>
    /// <param name="model">The model that ranks each screener's records, or null for ELAS u4.</param>
    public static async Task<ScreeningServer> StartAsync(ScreeningProject project, int port = 0, ImmutableArray<StoppingRule> rules = default, string? token = null, ScreeningModel? model = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "evidence-screen", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        });
        var app = builder.Build();
        var server = new ScreeningServer(app, project, token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), model ?? ScreeningModel.ElasU4,
            rules.IsDefaultOrEmpty ? ScreenerProgress.DefaultRules : rules);
        app.Run(server.Handle);
        await app.StartAsync().ConfigureAwait(false);
        var addresses = app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()?.Addresses : null;
        server.Port = new Uri(addresses!.First()).Port;
        _ = server._features.Value; // fit the features now, not on the first decision
        return server;
    }

    /// <summary>Waits until the server stops (Ctrl+C or <paramref name="cancellation"/>).</summary>
    public Task WaitAsync(CancellationToken cancellation) => _app.WaitForShutdownAsync(cancellation);

    /// <summary>The screener's ranking (tests and the benchmark wait on its training).</summary>
    internal ScreenerRanking RankingOf(string screener) => ScreenerOf(screener).Ranking;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>An API error: its status and message.</summary>
    private sealed class RequestException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    private async Task Handle(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        response.Headers.XFrameOptions = "DENY";
        try
        {
            if (context.Request.Path == "/favicon.ico")
            {
                // Browsers ask for it without the token; there is none, and the answer says nothing about the project.
                response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
            CheckHost(context.Request);
            CheckToken(context.Request);
            await Route(context).ConfigureAwait(false);
        }
        catch (RequestException e)
        {
            await Error(response, e.Status, e.Message).ConfigureAwait(false);
        }
        catch (ScreeningProjectException e)
        {
            int status = e.Problem switch
            {
                ProjectProblem.UnknownRecord => StatusCodes.Status404NotFound,
                ProjectProblem.OutOfSequence or ProjectProblem.NothingToUndo => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            if (e.Problem == ProjectProblem.OutOfSequence && TryScreenerOf(context) is { } screener) screener.Reload(_project);
            await Error(response, status, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await Error(response, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest,
                e.StatusCode == StatusCodes.Status413PayloadTooLarge ? string.Create(CultureInfo.InvariantCulture, $"The request body is larger than {MaxBodyBytes:N0} bytes.") : "The request is malformed.").ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await Error(response, StatusCodes.Status400BadRequest, "The request body is not the JSON object expected.").ConfigureAwait(false);
        }
    }

    private static async Task Error(HttpResponse response, int status, string message)
    {
        if (response.HasStarted) return;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message })).ConfigureAwait(false);
    }

    private void CheckHost(HttpRequest request)
    {
        // DNS rebinding: a page elsewhere that resolves its own name to 127.0.0.1 sends its own Host.
        string host = request.Host.Host;
        if (host is not ("127.0.0.1" or "localhost") || request.Host.Port != Port)
            throw new RequestException(StatusCodes.Status400BadRequest, "This server answers only requests addressed to 127.0.0.1 on its own port.");
    }

    private void CheckToken(HttpRequest request)
    {
        string? given = request.Headers[TokenHeader].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
        if (string.IsNullOrEmpty(given)) throw new RequestException(StatusCodes.Status401Unauthorized, "The request has no token; open the address `evidence screen serve` printed, token included.");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), _token))
            throw new RequestException(StatusCodes.Status403Forbidden, "The token is not this server's; open the address `evidence screen serve` printed for this run.");
    }

    private async Task Route(HttpContext context)
    {
        var request = context.Request;
        string path = request.Path.Value ?? "/";
        bool get = HttpMethods.IsGet(request.Method), post = HttpMethods.IsPost(request.Method);
        switch (path)
        {
            case "/" when get: await Text(context.Response, "text/html", _page).ConfigureAwait(false); return;
            case "/app.js" when get: await Text(context.Response, "text/javascript", Asset("screen-app.js")).ConfigureAwait(false); return;
            case "/app.css" when get: await Text(context.Response, "text/css", Asset("screen-app.css")).ConfigureAwait(false); return;
            case "/api/state" when get: await Json(context.Response, State(ScreenerOf(Query(request, "screener")))).ConfigureAwait(false); return;
            case "/api/chart.svg" when get: await Text(context.Response, "image/svg+xml", ProgressChart.Svg(_project, ScreenerOf(Query(request, "screener")).Standing())).ConfigureAwait(false); return;
            case "/api/decisions" when post: await Json(context.Response, await Decide(request).ConfigureAwait(false)).ConfigureAwait(false); return;
            case "/api/undo" when post: await Json(context.Response, await Undo(request).ConfigureAwait(false)).ConfigureAwait(false); return;
            case "/api/conflicts" when get: await Json(context.Response, Conflicts()).ConfigureAwait(false); return;
            case "/api/resolutions" when post: await Json(context.Response, await Resolve(request).ConfigureAwait(false)).ConfigureAwait(false); return;
            case "/api/agreement" when get: await Json(context.Response, Agreement()).ConfigureAwait(false); return;
            case "/" or "/app.js" or "/app.css" or "/api/state" or "/api/chart.svg" or "/api/conflicts" or "/api/agreement":
            case "/api/decisions" or "/api/undo" or "/api/resolutions":
                context.Response.Headers.Allow = path.StartsWith("/api/", StringComparison.Ordinal) && path is "/api/decisions" or "/api/undo" or "/api/resolutions" ? "POST" : "GET";
                throw new RequestException(StatusCodes.Status405MethodNotAllowed, $"{request.Method} is not accepted at {path}.");
            default:
                throw new RequestException(StatusCodes.Status404NotFound, "There is nothing at this address.");
        }
    }

    private static string Query(HttpRequest request, string name) =>
        request.Query[name].FirstOrDefault() ?? throw new RequestException(StatusCodes.Status400BadRequest, $"The request has no '{name}'.");

    // ----- the screener's state

    /// <summary>One screener's decisions as this server knows them, and their ranking.</summary>
    private sealed class Screener(string name, ScreenerRanking ranking)
    {
        public string Name { get; } = name;
        public ScreenerRanking Ranking { get; } = ranking;
        public Lock Gate { get; } = new();
        private List<ScreeningEvent> _events = [];
        private HashSet<string> _decided = new(StringComparer.Ordinal);
        public long Next { get; private set; } = 1;

        public void Reload(ScreeningProject project)
        {
            lock (Gate)
            {
                _events = [.. project.Events.Where(e => e.Screener == Name && e.Kind != ScreeningEventKind.Resolution)];
                Refresh();
            }
        }

        public void Add(ScreeningEvent e)
        {
            _events.Add(e);
            Refresh();
        }

        private void Refresh()
        {
            _decided = new HashSet<string>(Standing().Select(e => e.RecordId), StringComparer.Ordinal);
            Next = (_events.LastOrDefault()?.ScreenerSequence ?? 0) + 1;
        }

        /// <summary>The standing decisions: the latest on each record, in the order made.</summary>
        public List<ScreeningEvent> Standing()
        {
            var latest = new Dictionary<string, ScreeningEvent>(StringComparer.Ordinal);
            foreach (var e in ProjectDecisions.StandingOf(_events)) latest[e.RecordId] = e;
            return [.. latest.Values.OrderBy(e => e.Sequence)];
        }

        public bool Decided(string recordId) => _decided.Contains(recordId);

        public ScreeningEvent? LastUndone => _events.LastOrDefault() is { Kind: ScreeningEventKind.Undo } undo ? undo : null;
    }

    private Screener ScreenerOf(string name)
    {
        string checkedName;
        try
        {
            checkedName = ScreeningProject.CheckName(name);
        }
        catch (ScreeningProjectException e)
        {
            throw new RequestException(StatusCodes.Status400BadRequest, e.Message);
        }
        return _screeners.GetOrAdd(checkedName, n =>
        {
            var screener = new Screener(n, new ScreenerRanking(_project, _features.Value, n, _model));
            screener.Reload(_project);
            screener.Ranking.Retrain(screener.Standing());
            return screener;
        });
    }

    private Screener? TryScreenerOf(HttpContext context) =>
        context.Items.TryGetValue("screener", out var value) && value is string name && _screeners.TryGetValue(name, out var s) ? s : null;

    private Dictionary<string, object?> State(Screener screener)
    {
        lock (screener.Gate)
        {
            // After an undo, the record undone comes back first; otherwise the best-ranked record not yet decided.
            Record? next = null;
            if (screener.LastUndone is { } undo && !screener.Decided(undo.RecordId)) next = _project.FindRecord(undo.RecordId);
            if (next is null)
            {
                foreach (int i in screener.Ranking.Order)
                {
                    if (!screener.Decided(_project.Records[i].Id))
                    {
                        next = _project.Records[i];
                        break;
                    }
                }
            }
            var standing = screener.Standing();
            var progress = ScreenerProgress.Of(screener.Name, standing, _project.Records.Length, _rules);
            return new Dictionary<string, object?>
            {
                ["screener"] = screener.Name,
                ["sequence"] = screener.Next,
                ["record"] = next is null ? null : RecordJson(next),
                ["criteria"] = _project.Criteria,
                ["searchTerms"] = _project.SearchTerms,
                ["canUndo"] = standing.Count > 0,
                ["modelVersion"] = screener.Ranking.Version,
                ["progress"] = new Dictionary<string, object?>
                {
                    ["records"] = progress.Records,
                    ["screened"] = progress.Screened,
                    ["included"] = progress.Included,
                    ["excluded"] = progress.Excluded,
                    ["maybe"] = progress.Maybe,
                    ["estimatedRecall"] = progress.EstimatedRecall,
                    ["stoppingRules"] = progress.Rules.Select(r => new Dictionary<string, object> { ["rule"] = r.Rule, ["description"] = r.Description, ["met"] = r.Met }).ToList(),
                },
            };
        }
    }

    private static Dictionary<string, object?> RecordJson(Record r) => new()
    {
        ["id"] = r.Id,
        ["title"] = r.Title,
        ["abstract"] = r.Abstract,
        ["authors"] = r.Authors,
        ["year"] = r.Year,
        ["journal"] = r.Journal,
        ["keywords"] = r.Keywords,
        ["doi"] = r.Doi,
    };

    private async Task<Dictionary<string, object?>> Decide(HttpRequest request)
    {
        using var body = await Body(request).ConfigureAwait(false);
        var root = body.RootElement;
        var screener = ScreenerOf(String(root, "screener", required: true)!);
        request.HttpContext.Items["screener"] = screener.Name;
        string recordId = String(root, "recordId", required: true)!;
        var choice = ScreeningProject.ParseChoice(String(root, "decision", required: true))
            ?? throw new RequestException(StatusCodes.Status400BadRequest, "The decision must be include, exclude or maybe.");
        long sequence = Number(root, "sequence");
        lock (screener.Gate)
        {
            var e = _project.Decide(screener.Name, recordId, choice, sequence, String(root, "note"), String(root, "reason"));
            screener.Add(e);
        }
        screener.Ranking.Retrain(screener.Standing());
        return State(screener);
    }

    private async Task<Dictionary<string, object?>> Undo(HttpRequest request)
    {
        using var body = await Body(request).ConfigureAwait(false);
        var root = body.RootElement;
        var screener = ScreenerOf(String(root, "screener", required: true)!);
        request.HttpContext.Items["screener"] = screener.Name;
        long sequence = Number(root, "sequence");
        lock (screener.Gate)
        {
            screener.Add(_project.Undo(screener.Name, sequence));
        }
        screener.Ranking.Retrain(screener.Standing());
        return State(screener);
    }

    private async Task<Dictionary<string, object?>> Resolve(HttpRequest request)
    {
        using var body = await Body(request).ConfigureAwait(false);
        var root = body.RootElement;
        string screener = String(root, "screener", required: true)!;
        var choice = ScreeningProject.ParseChoice(String(root, "decision", required: true))
            ?? throw new RequestException(StatusCodes.Status400BadRequest, "The resolution must be include or exclude.");
        _project.Resolve(screener, String(root, "recordId", required: true)!, choice, String(root, "note"));
        return Conflicts();
    }

    private Dictionary<string, object?> Conflicts()
    {
        var decisions = _project.Decisions();
        if (decisions.Screeners.Length < 2) return new() { ["screeners"] = decisions.Screeners, ["conflicts"] = Array.Empty<object>() };
        string first = decisions.Screeners[0], second = decisions.Screeners[1];
        return new()
        {
            ["screeners"] = new[] { first, second },
            ["conflicts"] = decisions.Conflicts(first, second).Select(c => new Dictionary<string, object?>
            {
                ["recordId"] = c.RecordId,
                ["title"] = _project.FindRecord(c.RecordId)?.Title,
                ["first"] = ScreeningProject.ChoiceName(c.First),
                ["second"] = ScreeningProject.ChoiceName(c.Second),
                ["resolution"] = c.Resolution?.Choice is { } r ? ScreeningProject.ChoiceName(r) : null,
                ["resolvedBy"] = c.Resolution?.Screener,
            }).ToList(),
        };
    }

    private Dictionary<string, object?> Agreement()
    {
        var decisions = _project.Decisions();
        var agreement = decisions.Screeners.Length >= 2 ? decisions.Agreement(decisions.Screeners[0], decisions.Screeners[1]) : null;
        if (agreement is null) return new() { ["agreement"] = null };
        return new()
        {
            ["agreement"] = new Dictionary<string, object?>
            {
                ["firstScreener"] = agreement.FirstScreener,
                ["secondScreener"] = agreement.SecondScreener,
                ["records"] = agreement.Records,
                ["bothInclude"] = agreement.BothInclude,
                ["firstIncludesOnly"] = agreement.FirstIncludesOnly,
                ["secondIncludesOnly"] = agreement.SecondIncludesOnly,
                ["bothExclude"] = agreement.BothExclude,
                ["percentAgreement"] = agreement.PercentAgreement,
                ["kappa"] = agreement.Kappa,
                ["lower"] = agreement.Lower,
                ["upper"] = agreement.Upper,
                ["level"] = agreement.Level,
                ["pabak"] = agreement.Pabak,
                ["prevalenceIndex"] = agreement.PrevalenceIndex,
                ["biasIndex"] = agreement.BiasIndex,
                ["band"] = agreement.BandLabel,
            },
        };
    }

    // ----- plumbing

    private static async Task<JsonDocument> Body(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
            throw new RequestException(StatusCodes.Status413PayloadTooLarge, string.Create(CultureInfo.InvariantCulture, $"The request body is larger than {MaxBodyBytes:N0} bytes."));
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new RequestException(StatusCodes.Status415UnsupportedMediaType, "The request body must be JSON (Content-Type: application/json).");
        var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 8 }).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new RequestException(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
        }
        return document;
    }

    private static string? String(JsonElement root, string name, bool required = false)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
        if (root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            throw new RequestException(StatusCodes.Status400BadRequest, $"'{name}' must be a string.");
        return required ? throw new RequestException(StatusCodes.Status400BadRequest, $"The request has no '{name}'.") : null;
    }

    private static long Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) ? n
            : throw new RequestException(StatusCodes.Status400BadRequest, $"The request has no whole number '{name}' (the screener's next sequence number).");

    private static Task Json(HttpResponse response, object value)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(value, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static Task Text(HttpResponse response, string type, string text)
    {
        response.ContentType = type + "; charset=utf-8";
        return response.WriteAsync(text);
    }

    private static readonly ConcurrentDictionary<string, string> Assets = new(StringComparer.Ordinal);

    private static string Asset(string name) => Assets.GetOrAdd(name, n =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Evidence.Analytics.Cli.Screening." + n)
            ?? throw new InvalidOperationException($"The app's {n} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
