using Evidence.Analytics.Cli;

return await EvidenceCli.RunAsync(args, Console.Out, Console.Error);
