using System.Reflection;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Evidence.Analytics.Notebooks;

/// <summary>The part of the .NET Interactive kernel's own API that notebooks call, so that the same cell text runs in
/// the kernel and here: <c>value.Display()</c>, and
/// <c>await Microsoft.DotNet.Interactive.Kernel.Root.SendAsync(new Microsoft.DotNet.Interactive.Commands.SubmitCode("#i …"))</c>
/// with which a notebook adds a package source only when a folder exists.</summary>
/// <remarks>
/// <para>The types are compiled once per process from the source below, in an assembly of their own that only notebook
/// cells reference, so no program that uses this package sees a second <c>Microsoft.DotNet.Interactive</c> namespace.</para>
/// <para>The runner connects them to the cell being run through <see cref="Bind"/>: <c>Display()</c> shows the value
/// as <c>display()</c> does, and code sent with <c>SendAsync</c> may hold only the directives the runner understands
/// (<c>#i</c> is a no-op, <c>#r "nuget: …"</c> references a package for the following cells).</para>
/// </remarks>
internal static class KernelApi
{
    private const string Source = """
        namespace Microsoft.DotNet.Interactive
        {
            /// <summary>The kernel, as far as notebook cells use it.</summary>
            public sealed class Kernel
            {
                private Kernel() { }
                public static Kernel Root { get; } = new Kernel();
                public static System.Func<object, string[], object> Displayer;
                public static System.Func<string, System.Threading.Tasks.Task> Submitter;
                public System.Threading.Tasks.Task SendAsync(Commands.KernelCommand command) =>
                    Submitter(command is Commands.SubmitCode submit ? submit.Code : throw new System.NotSupportedException("The notebook runner accepts only SubmitCode commands."));
            }

            /// <summary><c>value.Display()</c>, as in the kernel.</summary>
            public static class DisplayExtensions
            {
                public static object Display(this object value, params string[] mimeTypes) => Kernel.Displayer(value, mimeTypes);
            }

            namespace Commands
            {
                public abstract class KernelCommand { }

                public sealed class SubmitCode : KernelCommand
                {
                    public SubmitCode(string code, string targetKernelName = null) { Code = code; TargetKernelName = targetKernelName; }
                    public string Code { get; }
                    public string TargetKernelName { get; }
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(Compile);

    /// <summary>The namespace cells import, as the kernel imports it.</summary>
    public const string Namespace = "Microsoft.DotNet.Interactive";

    /// <summary>The compiled API, to reference from cells.</summary>
    public static Assembly Assembly => Compiled.Value;

    /// <summary>Connects the API to the session now running: how to display a value and how to run directives.</summary>
    public static void Bind(Func<object?, string[], object?> display, Func<string, Task> submit)
    {
        var kernel = Assembly.GetType(Namespace + ".Kernel", throwOnError: true)!;
        kernel.GetField("Displayer")!.SetValue(null, display);
        kernel.GetField("Submitter")!.SetValue(null, submit);
    }

    private static Assembly Compile()
    {
        var compilation = CSharpCompilation.Create(
            "Evidence.Analytics.Notebooks.KernelApi",
            [CSharpSyntaxTree.ParseText(Source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
             MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException("The notebook runner's kernel API does not compile: " + string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        // Roslyn scripting references assemblies by file, so the API is written once under a name made of its content.
        byte[] bytes = image.ToArray();
        string path = Path.Combine(Path.GetTempPath(), $"evidence-notebooks-kernel-api-{Convert.ToHexString(SHA256.HashData(bytes))[..16]}.dll");
        if (!File.Exists(path))
        {
            string partial = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(partial, bytes);
            File.Move(partial, path, overwrite: true);
        }
        return Assembly.LoadFrom(path);
    }
}
