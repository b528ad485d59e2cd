using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Evidence.Analytics.ScreeningProjects;

namespace Evidence.Analytics.Browser.Tests;

/// <summary>`evidence screen serve` as a child process, killed with SIGKILL in the middle of a session: every decision
/// the server acknowledged is in the project afterwards, and a restarted server carries on from there.</summary>
public sealed class ScreeningCrashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("screening-crash-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    /// <summary>The evidence tool built beside these tests (the CLI project's own output, same configuration).</summary>
    private static string EvidenceDll()
    {
        string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // …/bin/Release/net10.0/
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Evidence.Analytics.sln"))) root = root.Parent;
        string dll = Path.Combine(root!.FullName, "src", "Evidence.Analytics.Cli", "bin", configuration, "net10.0", "evidence.dll");
        Assert.True(File.Exists(dll), $"Build the CLI first: {dll} is missing.");
        return dll;
    }

    private sealed record Server(Process Process, string Url, string Token, int Port);

    private static async Task<Server> Serve(string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])[EvidenceDll(), "screen", "serve", project, "--screener", "Anna"]) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        // Drain standard error as it comes, so a full pipe never blocks the server.
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.True(line is not null, "The server stopped before printing its address.");
            if (line!.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            {
                var uri = new Uri(line);
                string token = uri.Query.TrimStart('?').Split('&').First(p => p.StartsWith("token=", StringComparison.Ordinal))[6..];
                return new Server(process, line, token, uri.Port);
            }
        }
    }

    [Fact]
    public async Task KillNine_MidSession_LosesNoAcknowledgedDecision()
    {
        string records = Path.Combine(_folder, "records.csv");
        var text = new StringBuilder("record_id,title,abstract\n");
        for (int i = 1; i <= 80; i++) text.Append(CultureInfo.InvariantCulture, $"r{i},Record {i} about {(i % 3 == 0 ? "nudges" : "costs")},Abstract {i}\n");
        File.WriteAllText(records, text.ToString());
        string path = Path.Combine(_folder, "crash.screening");
        using (ScreeningProject.Create(path, [RecordFile.Read(records)])) { }

        var acknowledged = new List<string>();
        var server = await Serve(path);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/"), Timeout = TimeSpan.FromSeconds(20) };
            http.DefaultRequestHeaders.Add("X-Screening-Token", server.Token);
            var state = await http.GetFromJsonAsync<JsonElement>("api/state?screener=Anna");
            // 30 decisions one after another, then 20 more sent without waiting while the server is killed.
            for (int k = 1; k <= 30; k++)
            {
                string id = state.GetProperty("record").GetProperty("id").GetString()!;
                var response = await http.PostAsJsonAsync("api/decisions", new { screener = "Anna", recordId = id, decision = k % 4 == 0 ? "include" : "exclude", sequence = k });
                response.EnsureSuccessStatusCode();
                acknowledged.Add(id);
                state = await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            var inFlight = Enumerable.Range(31, 20).Select(async k =>
            {
                string id = $"r{k + 30}";
                try
                {
                    var response = await http.PostAsJsonAsync("api/decisions", new { screener = "Anna", recordId = id, decision = "exclude", sequence = k });
                    return response.IsSuccessStatusCode ? id : null;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return null;
                }
            }).ToList();
            await Task.Delay(15);
            server.Process.Kill(entireProcessTree: true); // SIGKILL
            await server.Process.WaitForExitAsync();
            acknowledged.AddRange((await Task.WhenAll(inFlight)).OfType<string>());
        }
        finally
        {
            if (!server.Process.HasExited) server.Process.Kill(entireProcessTree: true);
            server.Process.Dispose();
        }

        using (var project = ScreeningProject.Open(path))
        {
            var decided = project.Decisions().Of("Anna").Select(e => e.RecordId).ToHashSet(StringComparer.Ordinal);
            Assert.All(acknowledged, id => Assert.Contains(id, decided));
            Assert.True(acknowledged.Count >= 30);
        }

        // A restarted server continues: the next sequence number follows the decisions recorded.
        var again = await Serve(path);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{again.Port}/"), Timeout = TimeSpan.FromSeconds(20) };
            http.DefaultRequestHeaders.Add("X-Screening-Token", again.Token);
            var state = await http.GetFromJsonAsync<JsonElement>("api/state?screener=Anna");
            using var project = ScreeningProject.Open(path);
            Assert.Equal(project.NextSequence("Anna"), state.GetProperty("sequence").GetInt64());
            Assert.DoesNotContain(state.GetProperty("record").GetProperty("id").GetString(), acknowledged);
        }
        finally
        {
            again.Process.Kill(entireProcessTree: true);
            await again.Process.WaitForExitAsync();
            again.Process.Dispose();
        }
    }
}
