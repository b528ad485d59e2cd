namespace Evidence.Analytics.Tests.Notebooks;

/// <summary>Tests that run notebooks from files. The runner sets the process's current directory to the notebook's
/// folder while it runs (and restores it after), so these tests run one at a time: otherwise one test can read the
/// current directory while another's notebook is running in its own folder.</summary>
[CollectionDefinition(Name)]
public sealed class NotebookFileRuns
{
    public const string Name = "Notebooks run from files (process current directory)";
}
