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
}
