using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.Cli;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Tests.ScreeningProjects;

/// <summary>The screening app's API through the real Kestrel server on a free loopback port: every bad request gets a
/// 4xx answer with a JSON message, never a 500 or a stack trace.</summary>
public sealed class ScreeningServerTests : IAsyncLifetime, IDisposable
{
    private readonly ProjectFiles _files = new();
    private ScreeningProject _project = null!;
    private ScreeningServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _project = _files.Project(30);
        _server = await ScreeningServer.StartAsync(_project);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}/") };
        _http.DefaultRequestHeaders.Add("X-Screening-Token", _server.Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _project.Dispose();
        _files.Dispose();
    }

    public void Dispose()
    {
        _http?.Dispose();
        _files.Dispose();
    }

    private Task<HttpResponseMessage> Post(string path, object body) => _http.PostAsJsonAsync(path, body);

    private static async Task<(HttpStatusCode Status, string Error)> Refusal(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()!);
    }

    [Fact]
    public async Task Decide_ReturnsTheNextRecord_AndTheDecisionIsInTheProject()
    {
        var state = await _http.GetFromJsonAsync<JsonElement>("api/state?screener=Anna");
        Assert.Equal(1, state.GetProperty("sequence").GetInt64());
        string first = state.GetProperty("record").GetProperty("id").GetString()!;

        var response = await Post("api/decisions", new { screener = "Anna", recordId = first, decision = "exclude", sequence = 1, reason = "wrong design" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, next.GetProperty("sequence").GetInt64());
        Assert.NotEqual(first, next.GetProperty("record").GetProperty("id").GetString());
        var e = Assert.Single(_project.Events);
        Assert.Equal(("Anna", first, ScreeningChoice.Exclude, "wrong design"), (e.Screener, e.RecordId, e.Choice!.Value, e.ExclusionReason));
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOrWrongToken_IsRefused()
    {
        using var bare = new HttpClient { BaseAddress = _http.BaseAddress };
        var (missing, _) = await Refusal(await bare.GetAsync("api/state?screener=Anna"));
        var (wrong, _) = await Refusal(await bare.GetAsync("/?token=0123456789abcdef0123456789abcdef"));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (missing, wrong));
        Assert.Equal(HttpStatusCode.OK, (await bare.GetAsync($"/?token={_server.Token}")).StatusCode);
    }

    [Fact]
    public async Task UnknownRecord_Is404()
    {
        var (status, error) = await Refusal(await Post("api/decisions", new { screener = "Anna", recordId = "r999", decision = "include", sequence = 1 }));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("r999", error, StringComparison.Ordinal);
        Assert.Empty(_project.Events);
    }

    [Fact]
    public async Task ReplayedAndOutOfOrderDecisions_Are409_AndRecordedOnce()
    {
        var decision = new { screener = "Anna", recordId = "r1", decision = "include", sequence = 1 };
        Assert.Equal(HttpStatusCode.OK, (await Post("api/decisions", decision)).StatusCode);

        var (replayed, message) = await Refusal(await Post("api/decisions", decision));
        var (skipped, _) = await Refusal(await Post("api/decisions", new { screener = "Anna", recordId = "r2", decision = "include", sequence = 7 }));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (replayed, skipped));
        Assert.Contains("already recorded", message, StringComparison.Ordinal);
        Assert.Single(_project.Events);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        string note = new('x', ScreeningServer.MaxBodyBytes + 10);
        var (status, _) = await Refusal(await Post("api/decisions", new { screener = "Anna", recordId = "r1", decision = "include", sequence = 1, note }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task MalformedRequests_Are4xx()
    {
        using var notJson = new StringContent("{not json", Encoding.UTF8, "application/json");
        var (badJson, _) = await Refusal(await _http.PostAsync("api/decisions", notJson));
        var (badDecision, _) = await Refusal(await Post("api/decisions", new { screener = "Anna", recordId = "r1", decision = "perhaps", sequence = 1 }));
        var (noSequence, _) = await Refusal(await Post("api/decisions", new { screener = "Anna", recordId = "r1", decision = "include" }));
        var (nothingToUndo, _) = await Refusal(await Post("api/undo", new { screener = "Anna", sequence = 1 }));
        var (unknownPath, _) = await Refusal(await _http.GetAsync("api/nothing"));
        var (wrongMethod, _) = await Refusal(await _http.GetAsync("api/decisions"));
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed],
            [badJson, badDecision, noSequence, nothingToUndo, unknownPath, wrongMethod]);
        Assert.Empty(_project.Events);
    }

    [Fact]
    public async Task Undo_BringsTheRecordBack()
    {
        Assert.Equal(HttpStatusCode.OK, (await Post("api/decisions", new { screener = "Ben", recordId = "r3", decision = "include", sequence = 1 })).StatusCode);
        var response = await Post("api/undo", new { screener = "Ben", sequence = 2 });
        var state = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("r3", state.GetProperty("record").GetProperty("id").GetString());
        Assert.Equal(ScreeningEventKind.Undo, _project.Events[^1].Kind);
    }

    [Fact]
    public async Task Ranking_AfterRetraining_PutsRecordsLikeTheIncludedOnesFirst()
    {
        // r5, r10, … are about nudging; include r5 and exclude r1: the model should rank the other nudging records first.
        Assert.Equal(HttpStatusCode.OK, (await Post("api/decisions", new { screener = "Cleo", recordId = "r5", decision = "include", sequence = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("api/decisions", new { screener = "Cleo", recordId = "r1", decision = "exclude", sequence = 2 })).StatusCode);
        await _server.RankingOf("Cleo").Training;
        var state = await _http.GetFromJsonAsync<JsonElement>("api/state?screener=Cleo");
        string next = state.GetProperty("record").GetProperty("id").GetString()!;
        Assert.Equal(0, int.Parse(next[1..], System.Globalization.CultureInfo.InvariantCulture) % 5);
        Assert.Equal("elas_u4", Assert.Single(_project.ModelRuns).Model);
    }

    [Fact]
    public async Task Ranking_WithNaiveBayes_RanksAndRecordsTheModelItRan()
    {
        using var files = new ProjectFiles();
        using var project = files.Project(30);
        await using var server = await ScreeningServer.StartAsync(project, model: ScreeningModel.ElasU3);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/") };
        http.DefaultRequestHeaders.Add("X-Screening-Token", server.Token);

        foreach (var (id, decision, sequence) in new[] { ("r5", "include", 1), ("r1", "exclude", 2) })
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("api/decisions", new { screener = "Cleo", recordId = id, decision, sequence })).StatusCode);
        await server.RankingOf("Cleo").Training;

        var run = Assert.Single(project.ModelRuns);
        Assert.Equal(("elas_u3", "3.822"), (run.Model, run.Parameters["classifier.alpha"]));
        var state = await http.GetFromJsonAsync<JsonElement>("api/state?screener=Cleo");
        Assert.Equal(0, int.Parse(state.GetProperty("record").GetProperty("id").GetString()![1..], System.Globalization.CultureInfo.InvariantCulture) % 5);
    }
}
