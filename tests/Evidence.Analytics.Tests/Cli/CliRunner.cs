using Evidence.Analytics.Cli;

namespace Evidence.Analytics.Tests.Cli;

/// <summary>Runs the <c>evidence</c> command line in process and captures what it writes.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await EvidenceCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command line as a terminal <paramref name="width"/> columns wide would show it.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAt(int width, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await EvidenceCli.RunAsync(args, output, error, width);
        return (exit, output.ToString(), error.ToString());
    }
}
