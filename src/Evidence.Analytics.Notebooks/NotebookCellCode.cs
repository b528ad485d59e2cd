using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Evidence.Analytics.Notebooks;

/// <summary>A C# cell made ready for Roslyn scripting: kernel directives Roslyn does not understand are replaced by
/// blank lines (so compiler line numbers still match the cell), and the NuGet packages it asks for are listed.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>#r "nuget: Id, Version"</c> is removed and <c>Id</c> listed in <see cref="Packages"/>; the runner maps it to a local assembly.</item>
/// <item><c>#i "nuget: source"</c> (an extra package source) is removed: the runner restores nothing.</item>
/// <item>A leading <c>#!csharp</c> kernel selector is removed; any other <c>#!</c> magic command is reported, because
/// running the cell without it would not be what its author meant.</item>
/// <item><c>#r "path.dll"</c> and <c>#load</c> are left for Roslyn, which resolves them against the notebook's folder.</item>
/// </list>
/// </remarks>
internal sealed partial class NotebookCellCode
{
    private static readonly string[] CSharpSelectors = ["#!csharp", "#!c#"];
    private static readonly string[] KernelSelectors =
        ["#!csharp", "#!c#", "#!fsharp", "#!f#", "#!pwsh", "#!powershell", "#!markdown", "#!md", "#!html", "#!javascript", "#!js", "#!sql", "#!kql", "#!mermaid", "#!value", "#!http"];

    private NotebookCellCode(string code, ImmutableArray<NuGetReference> packages, string? problem)
    {
        Code = code;
        Packages = packages;
        Problem = problem;
    }

    /// <summary>The code Roslyn compiles, with the same number of lines as the cell.</summary>
    public string Code { get; }

    /// <summary>The packages the cell references with <c>#r "nuget: …"</c>.</summary>
    public ImmutableArray<NuGetReference> Packages { get; }

    /// <summary>Why the cell cannot run here (an unsupported magic command), or null.</summary>
    public string? Problem { get; }

    /// <summary>Whether the cell has nothing to run.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Code);

    /// <summary>Whether a <c>#!</c> line selects a kernel (rather than being a magic command such as <c>#!time</c>).</summary>
    public static bool IsKernelSelector(string line) =>
        KernelSelectors.Contains(line.Trim().Split(' ', 2)[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Prepares a cell's source.</summary>
    public static NotebookCellCode Prepare(string source)
    {
        string[] lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var packages = ImmutableArray.CreateBuilder<NuGetReference>();
        string? problem = null;
        bool seenCode = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                string directive = line.Split(' ', 2)[0];
                if (!seenCode && CSharpSelectors.Contains(directive, StringComparer.OrdinalIgnoreCase))
                    lines[i] = "";
                else
                    problem ??= $"line {i + 1}: the magic command '{directive}' is not supported by the notebook runner";
                continue;
            }
            if (NuGetDirective().Match(line) is { Success: true } nuget)
            {
                if (nuget.Groups["kind"].Value == "r")
                {
                    string[] parts = nuget.Groups["spec"].Value.Split(',', 2, StringSplitOptions.TrimEntries);
                    packages.Add(new NuGetReference(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, i + 1));
                }
                lines[i] = "";
                continue;
            }
            if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
                seenCode = true;
        }
        return new NotebookCellCode(string.Join('\n', lines), packages.ToImmutable(), problem);
    }

    [GeneratedRegex("""^#(?<kind>[ri])\s+"\s*nuget\s*:\s*(?<spec>[^"]*)"\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NuGetDirective();
}

/// <summary>A <c>#r "nuget: Id, Version"</c> directive.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version asked for, or null.</param>
/// <param name="Line">The line of the cell it is on, from 1.</param>
internal sealed record NuGetReference(string Id, string? Version, int Line);
