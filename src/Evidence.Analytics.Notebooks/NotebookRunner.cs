using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Evidence.Analytics.Notebooks;

/// <summary>Runs a notebook's C# cells in order with Roslyn scripting, as the .NET Interactive C# kernel would, and
/// returns the notebook with fresh outputs.</summary>
/// <remarks>
/// <para>State carries from cell to cell; a cell ending in an expression without a semicolon shows its value
/// (<c>execute_result</c>); <c>display(value)</c> shows a value (<c>display_data</c>); console output becomes
/// <c>stream</c> outputs. Values are formatted through the <c>TypeFormatterSourceAttribute</c> convention the kernel
/// uses, so notebooks show the same HTML here and in VS Code.</para>
/// <para><c>#r "nuget: Evidence.Analytics, 0.1.0"</c> (and the library's other packages) resolve to the assemblies
/// this runner was built with; no package is restored. Run stops at the first failing cell, which carries an
/// <c>error</c> output; later cells are left without outputs.</para>
/// <para>Differences from the kernel: no magic commands (<c>#!time</c>, other languages), no package restore, the
/// C# language version is whatever Roslyn 5.12 supports, and diagnostics are worded by Roslyn.</para>
/// <para>As in VS Code, cells run with the notebook's folder as the current directory, so relative paths mean the same
/// in both. Unlike the kernel, they run in the invariant culture, so committed outputs are the same on every machine. Runs are serialised within a process because the current directory and <see cref="Console"/> output are
/// process-wide; both are restored afterwards.</para>
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>The namespaces every cell can use without <c>using</c>, as in the kernel.</summary>
    public static ImmutableArray<string> DefaultImports { get; } =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly Dictionary<string, Assembly> _packages;

    /// <summary>Creates a runner.</summary>
    /// <param name="packages">Assemblies to use for <c>#r "nuget: Id"</c>, by package id; ids not listed resolve to
    /// the Evidence.Analytics assembly of the same name when this process can load it.</param>
    public NotebookRunner(IReadOnlyDictionary<string, Assembly>? packages = null)
    {
        _packages = packages is null
            ? new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, Assembly>(packages, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Runs every code cell of a notebook in order.</summary>
    /// <returns>The notebook with new outputs and execution counts, and the first failure if any.</returns>
    public async Task<NotebookRun> RunAsync(Notebook notebook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string previousDirectory = Directory.GetCurrentDirectory();
            string directory = notebook.Path is null ? previousDirectory : Path.GetDirectoryName(notebook.Path)!;
            // Like the kernel in VS Code, code runs in the notebook's folder, so "../data-samples/…" means the same in both.
            Directory.SetCurrentDirectory(directory);
            // Outputs must not depend on the machine: "0.78", not "0,78", whoever runs the notebook.
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            try
            {
                return await RunCellsAsync(notebook, directory, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Directory.SetCurrentDirectory(previousDirectory);
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<NotebookRun> RunCellsAsync(Notebook notebook, string directory, CancellationToken cancellationToken)
    {
        var session = new Session(directory, ResolvePackage);
        var cells = new List<NotebookCell>(notebook.Cells.Length);
        NotebookCellFailure? failure = null;
        int executionCount = 0, run = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind != NotebookCellKind.Code)
            {
                cells.Add(cell);
                continue;
            }
            if (failure is not null)
            {
                cells.Add(cell.WithOutputs([], null));
                continue;
            }
            var code = NotebookCellCode.Prepare(cell.Source);
            if (cell.Kernel != "csharp")
            {
                failure = new NotebookCellFailure(cell, $"it is a '{cell.Kernel}' cell; the runner executes C# only");
                cells.Add(cell.WithOutputs([NotebookOutput.Error("UnsupportedKernel", failure.Message, [failure.Message])], null));
                continue;
            }
            if (code.IsEmpty && code.Packages.IsEmpty && code.Problem is null)
            {
                cells.Add(cell.WithOutputs([], null));
                continue;
            }
            executionCount++;
            run++;
            var (outputs, message) = await session.RunAsync(code, cancellationToken).ConfigureAwait(false);
            if (message is not null)
                failure = new NotebookCellFailure(cell, message);
            cells.Add(cell.WithOutputs(outputs, executionCount));
        }
        return new NotebookRun(notebook.WithCells(cells), run, failure);
    }

    /// <summary>Loads, runs and returns a notebook file.</summary>
    public Task<NotebookRun> RunAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync(Notebook.Load(path), cancellationToken);

    private Assembly? ResolvePackage(string id)
    {
        if (_packages.TryGetValue(id, out var assembly))
            return assembly;
        if (!id.Equals("Evidence.Analytics", StringComparison.OrdinalIgnoreCase)
            && !id.StartsWith("Evidence.Analytics.", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return Assembly.Load(new AssemblyName(id));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>One notebook's scripting state: the chain of submissions, the globals and the references so far.</summary>
    private sealed class Session
    {
        private readonly CellOutputs _outputs = new();
        private readonly NotebookGlobals _globals;
        private readonly Func<string, Assembly?> _resolve;
        private ScriptOptions _options;
        private ScriptState<object>? _state;

        public Session(string directory, Func<string, Assembly?> resolve)
        {
            _globals = new NotebookGlobals(_outputs);
            _resolve = resolve;
            _options = ScriptOptions.Default
                .WithLanguageVersion(LanguageVersion.Latest)
                .WithImports([.. DefaultImports, KernelApi.Namespace])
                .AddReferences(KernelApi.Assembly, typeof(NotebookGlobals).Assembly, typeof(ImmutableArray).Assembly, typeof(Enumerable).Assembly,
                    typeof(System.Collections.Generic.List<>).Assembly, typeof(Console).Assembly,
                    typeof(System.Text.RegularExpressions.Regex).Assembly, typeof(System.ComponentModel.INotifyPropertyChanged).Assembly)
                .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory).WithSearchPaths(directory))
                .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
                .WithEmitDebugInformation(false);
        }

        /// <summary>Runs one cell; returns its outputs and, if it failed, the message.</summary>
        public async Task<(ImmutableArray<NotebookOutput> Outputs, string? Failure)> RunAsync(NotebookCellCode code, CancellationToken cancellationToken)
        {
            if (code.Problem is { } problem)
                return Fail("UnsupportedMagicCommand", problem, [problem]);
            if (ReferencePackages(code) is { } missing)
                return Fail("PackageNotFound", missing, [missing]);
            if (code.IsEmpty)
                return ([], null);
            KernelApi.Bind(Display, Submit);

            Script<object> script = _state is null
                ? CSharpScript.Create<object>(code.Code, _options, typeof(NotebookGlobals))
                : _state.Script.ContinueWith<object>(code.Code, _options);
            var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                string[] lines = [.. errors.Select(d => d.ToString())];
                return Fail("CompilationError", string.Join("\n", lines), lines);
            }
            bool hasValue = HasTrailingExpression(script.GetCompilation());

            TextWriter stdout = Console.Out, stderr = Console.Error;
            Console.SetOut(_outputs.Stdout);
            Console.SetError(_outputs.Stderr);
            ScriptState<object> state;
            try
            {
                state = _state is null
                    ? await script.RunAsync(_globals, _ => true, cancellationToken).ConfigureAwait(false)
                    : await script.RunFromAsync(_state, _ => true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
            }
            if (state.Exception is { } exception)
            {
                var chain = Chain(exception).ToList();
                string message = $"{chain[0].GetType().Name}: {chain[0].Message}";
                return Fail(chain[0].GetType().Name, chain[0].Message, chain.Select(e => $"{e.GetType().FullName}: {e.Message}"), message);
            }
            _state = state;
            if (hasValue)
                _outputs.Add(NotebookOutput.Result(MimeFormatter.Format(state.ReturnValue)));
            return (_outputs.Take(), null);
        }

        /// <summary>Adds the packages a cell asks for to the following submissions; the problem when one is not available.</summary>
        private string? ReferencePackages(NotebookCellCode code)
        {
            foreach (var package in code.Packages)
            {
                if (_resolve(package.Id) is not { } assembly)
                {
                    return $"line {package.Line}: the package '{package.Id}' is not available to the notebook runner, which " +
                        "resolves only the Evidence.Analytics packages; reference other assemblies with #r \"path/to/library.dll\"";
                }
                // As a restored package brings its dependencies: DataFrames' Microsoft.Data.Analysis, Excel's Open XML SDK.
                _options = _options.AddReferences([assembly, .. Dependencies(assembly)]);
                if (VersionOf(assembly) is { } built && package.Version is { } asked && !asked.Contains('*', StringComparison.Ordinal)
                    && !asked.Equals(built, StringComparison.OrdinalIgnoreCase))
                {
                    _outputs.Stderr.Write($"The notebook asks for {package.Id} {asked}; the runner uses the build it belongs to, {built}.\n");
                }
            }
            return null;
        }

        private static IEnumerable<Assembly> Dependencies(Assembly package)
        {
            foreach (var name in package.GetReferencedAssemblies())
            {
                Assembly? dependency = null;
                try
                {
                    dependency = Assembly.Load(name);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // Not deployed with this runner: the cells cannot use its types, as the package alone would not.
                }
                if (dependency is not null)
                    yield return dependency;
            }
        }

        /// <summary><c>value.Display()</c>: shows the value now, as <c>display(value)</c>.</summary>
        private object? Display(object? value, string[] mimeTypes)
        {
            _globals.display(value, mimeTypes);
            return null;
        }

        /// <summary><c>Kernel.Root.SendAsync(new SubmitCode(code))</c> from a cell: the code may hold only directives;
        /// <c>#r "nuget: …"</c> references a package for the following cells, as in the kernel.</summary>
        private Task Submit(string submitted)
        {
            var code = NotebookCellCode.Prepare(submitted);
            string? problem = code.Problem
                ?? (code.IsEmpty ? null : "the notebook runner runs only #i and #r directives sent with Kernel.Root.SendAsync, not code")
                ?? ReferencePackages(code);
            return problem is null ? Task.CompletedTask : throw new InvalidOperationException(problem);
        }

        private (ImmutableArray<NotebookOutput>, string?) Fail(string name, string value, IEnumerable<string> traceback, string? message = null)
        {
            _outputs.Add(NotebookOutput.Error(name, value, traceback));
            return (_outputs.Take(), message ?? value);
        }

        private static string? VersionOf(Assembly assembly) =>
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

        /// <summary>Whether the submission ends in an expression without a semicolon whose type is not void: the
        /// kernel's rule for showing a cell's value (<c>x</c> shows, <c>x;</c> and <c>Console.WriteLine(x)</c> do not).</summary>
        internal static bool HasTrailingExpression(Compilation compilation)
        {
            var tree = compilation.SyntaxTrees.Last();
            if (tree.GetRoot() is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax { Members: [.., Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax last] }
                || last.Statement is not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement)
                return false;
            // A null literal has no type but still shows "<null>"; only void calls show nothing.
            var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
            return type?.SpecialType != SpecialType.System_Void;
        }

        private static IEnumerable<Exception> Chain(Exception exception)
        {
            for (Exception? e = Unwrap(exception); e is not null; e = e.InnerException)
                yield return e;
        }

        private static Exception Unwrap(Exception exception) => exception switch
        {
            TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
            AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
            _ => exception,
        };
    }
}

/// <summary>The result of running a notebook.</summary>
public sealed class NotebookRun
{
    internal NotebookRun(Notebook notebook, int cellsRun, NotebookCellFailure? failure)
    {
        Notebook = notebook;
        CellsRun = cellsRun;
        Failure = failure;
    }

    /// <summary>The notebook with the outputs of this run.</summary>
    public Notebook Notebook { get; }

    /// <summary>How many code cells ran (including a failing one).</summary>
    public int CellsRun { get; }

    /// <summary>The cell that failed, or null when every cell ran.</summary>
    public NotebookCellFailure? Failure { get; }

    /// <summary>Whether every code cell ran without error.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>"Ran 9 code cells: all succeeded." or the failure.</summary>
    public override string ToString() =>
        Failure is null ? $"Ran {CellsRun} code cells: all succeeded." : Failure.ToString();
}

/// <summary>A cell that failed: where, and the compiler's or the exception's message.</summary>
public sealed class NotebookCellFailure
{
    internal NotebookCellFailure(NotebookCell cell, string message)
    {
        CellNumber = cell.Number;
        CellId = cell.Id;
        Message = message;
    }

    /// <summary>The failing cell's position in the notebook, counting every cell from 1.</summary>
    public int CellNumber { get; }

    /// <summary>The failing cell's id.</summary>
    public string CellId { get; }

    /// <summary>The compiler diagnostics (with line and column within the cell) or the exception's type and message.</summary>
    public string Message { get; }

    /// <summary>"Cell 5 (load-sample) failed: (2,1): error CS0103: …".</summary>
    public override string ToString() => $"Cell {CellNumber} ({CellId}) failed: {Message}";
}
