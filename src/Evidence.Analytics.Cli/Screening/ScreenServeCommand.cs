using System.CommandLine;

namespace Evidence.Analytics.Cli;

/// <summary><c>evidence screen serve PROJECT [--port N] [--screener NAME] [--model svm|nb|logistic]</c>: the screening app on 127.0.0.1.</summary>
internal static class ScreenServeCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "The screening project file (created by `evidence screen new`)." };
        var port = new Option<int>("--port") { Description = "The port to listen on, on 127.0.0.1 only (default: a free one).", DefaultValueFactory = _ => 0 };
        var screener = new Option<string?>("--screener") { Description = "The screener's name, put in the address printed (otherwise the page asks for it)." };
        var stop = new Option<string[]>("--stop") { Description = "A stopping rule to show: irrelevant:N, fraction:F, recall:R[@C] (default irrelevant:100 and recall:0.95@0.95)." };
        var model = ScreeningModelOption.Create("The model that ranks each screener's records");
        var command = new Command("serve", "Screen a project in the browser: a local web server on 127.0.0.1 with a per-run token in the address it prints; the next record ranked by a model trained on the screener's own decisions, keyboard shortcuts, undo, progress and stopping rules, conflicts and agreement.")
        {
            project, port, screener, stop, model,
        };
        command.SetAction(async (parseResult, cancellation) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            if (!ScreenerProgress.TryParseRules(parseResult.GetValue(stop), stderr, out var rules)) return EvidenceCli.UsageError;
            if (!ScreeningModelOption.TryParse(parseResult.GetValue(model), stderr, out var chosen)) return EvidenceCli.UsageError;
            int portNumber = parseResult.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                await stderr.WriteLineAsync($"--port {portNumber} is not a port (0 to 65535; 0 picks a free one).").ConfigureAwait(false);
                return EvidenceCli.UsageError;
            }
            using var opened = ScreenProjectCommands.OpenOrReport(parseResult.GetValue(project)!, stderr);
            if (opened is null) return EvidenceCli.UsageError;
            ScreeningServer server;
            try
            {
                server = await ScreeningServer.StartAsync(opened, portNumber, rules, model: chosen).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await stderr.WriteLineAsync($"Cannot listen on 127.0.0.1:{portNumber}: {e.Message}").ConfigureAwait(false);
                return EvidenceCli.UsageError;
            }
            await using (server.ConfigureAwait(false))
            {
                await stdout.WriteLineAsync($"Screening {Path.GetFileName(opened.Path)} ({opened.Records.Length:N0} records, ranked by {chosen.Name}). Open:").ConfigureAwait(false);
                await stdout.WriteLineAsync(server.Url(parseResult.GetValue(screener))).ConfigureAwait(false);
                await stdout.WriteLineAsync("Every decision is saved as it is made. Press Ctrl+C to stop.").ConfigureAwait(false);
                await stdout.FlushAsync(cancellation).ConfigureAwait(false);
                try
                {
                    await server.WaitAsync(cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
            return EvidenceCli.Success;
        });
        return command;
    }
}
