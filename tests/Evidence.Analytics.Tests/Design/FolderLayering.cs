using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Evidence.Analytics.Tests.Design;

/// <summary>One reference from a file to something declared in a folder it may not use.</summary>
internal sealed record LayerViolation(string File, int Line, string Target, string TargetFile, bool Sideways)
{
    public override string ToString() => $"{File}:{Line} reaches {(Sideways ? "across" : "up")} to {TargetFile} ({Target})";

    public string Folder => FolderLayering.FolderOf(File);

    public string TargetFolder => FolderLayering.FolderOf(TargetFile);
}

/// <summary>Checks that the files of a library use only what is declared in their own folder or in a lower layer. The
/// sources are compiled together with Roslyn and every name in them (types, members, extension methods, attributes,
/// <c>var</c>, target-typed <c>new()</c>) is bound to its declaration; the folder of the declaring file is what the
/// reference depends on. A type declared as partial in several folders lives in the lowest of them (a higher folder may
/// add members to it, as Display adds display members to model types). References in documentation comments do not
/// count: they do not make the code depend on anything.</summary>
internal sealed class FolderLayering
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The library's implicit global usings (ImplicitUsings in Directory.Build.props), as the SDK generates them.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LibraryReferences);

    private static readonly SymbolDisplayFormat NameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    private readonly Dictionary<string, int> layerOf = new(StringComparer.Ordinal);

    /// <param name="layers">The layers, lowest first, each the folders it holds.</param>
    public FolderLayering(string[][] layers)
    {
        for (int layer = 0; layer < layers.Length; layer++)
        {
            foreach (string folder in layers[layer])
                layerOf.Add(folder, layer);
        }
    }

    /// <summary>The library's source files, keyed by their path inside <c>src/Evidence.Analytics</c> (with '/').</summary>
    public static Dictionary<string, string> LibrarySources(string repositoryRoot)
    {
        string root = Path.Combine(repositoryRoot, "src", "Evidence.Analytics");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
            .ToDictionary(path => path, path => File.ReadAllText(Path.Combine(root, path)), StringComparer.Ordinal);
    }

    /// <summary>The top folder of a path inside the library ("Import" for "Import/Sheets/RowReader.cs").</summary>
    public static string FolderOf(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>Every reference that reaches up a layer, or across to another folder of the same layer, in file and line order.</summary>
    /// <param name="sources">The source files keyed by their path inside the library (with '/').</param>
    /// <exception cref="InvalidOperationException">A file is in a folder the layers do not list, a listed folder has no
    /// files, or a name in the sources binds to nothing.</exception>
    public IReadOnlyList<LayerViolation> Check(IReadOnlyDictionary<string, string> sources)
    {
        string[] unplaced = sources.Keys.Select(FolderOf).Where(folder => !layerOf.ContainsKey(folder)).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (unplaced.Length > 0)
            throw new InvalidOperationException($"No layer is given for the folder(s) {string.Join(", ", unplaced.Select(f => f.Length == 0 ? "(the project's root)" : f))}: add them to the layer table.");
        string[] empty = layerOf.Keys.Where(folder => !sources.Keys.Any(path => FolderOf(path) == folder)).Order(StringComparer.Ordinal).ToArray();
        if (empty.Length > 0)
            throw new InvalidOperationException($"The layer table lists {string.Join(", ", empty)}, which hold(s) no source files: remove them from it.");

        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Value, ParseOptions, source.Key))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "(implicit usings)"))
            .ToArray();
        // Nullable analysis is off: it does not change what a name binds to and would triple the time taken.
        var compilation = CSharpCompilation.Create(
            "Layering", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        var violations = new ConcurrentBag<LayerViolation>();
        var unbound = new ConcurrentBag<string>();
        Parallel.ForEach(trees.Where(t => sources.ContainsKey(t.FilePath)), tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            string folder = FolderOf(tree.FilePath);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
                    continue;
                var info = model.GetSymbolInfo(node);
                if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not { } symbol)
                {
                    if (node is not SimpleNameSyntax { Identifier.ValueText: "nameof" or "notnull" or "unmanaged" })
                        unbound.Add($"{Place(node)} ({node})");
                    continue;
                }
                if (Declaration(symbol) is not { } declaration)
                    continue;
                string targetFolder = FolderOf(declaration.File);
                if (targetFolder == folder || layerOf[targetFolder] < layerOf[folder])
                    continue;
                violations.Add(new LayerViolation(tree.FilePath, Line(node), declaration.Name, declaration.File, layerOf[targetFolder] == layerOf[folder]));
            }
        });

        // A name bound to nothing (a type the references lack, a typo) would hide what it refers to.
        if (!unbound.IsEmpty)
            throw new InvalidOperationException("Some names in the sources bind to nothing, so what they refer to cannot be checked:\n" +
                string.Join("\n", unbound.Order(StringComparer.Ordinal).Take(10)));

        return violations.Distinct()
            .OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ThenBy(v => v.TargetFile, StringComparer.Ordinal).ThenBy(v => v.Target, StringComparer.Ordinal)
            .ToArray();
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string Place(SyntaxNode node) => $"{node.SyntaxTree.FilePath}:{Line(node)}";

    /// <summary>The folder-to-folder summary, then each offending reference.</summary>
    public static string Describe(IReadOnlyList<LayerViolation> violations)
    {
        var text = new StringBuilder();
        text.AppendLine($"{violations.Count} reference(s) reach up or across the layers. Folder by folder:");
        foreach (var from in violations.GroupBy(v => v.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine($"  {from.Key} → {string.Join(", ", from.Select(v => v.TargetFolder).Distinct().Order(StringComparer.Ordinal))}");
        text.AppendLine("Each reference:");
        foreach (var violation in violations)
            text.AppendLine("  " + violation);
        return text.ToString();
    }

    /// <summary>Where a referenced symbol is declared, and its name as the report shows it; null for what is not
    /// declared in these sources (the framework, packages) or not a type or a type's member (locals, parameters, namespaces).</summary>
    private (string File, string Name)? Declaration(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } extension })
            symbol = extension;
        symbol = symbol.OriginalDefinition;
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor)
            symbol = constructor.ContainingType;
        if (symbol is IAliasSymbol alias)
            symbol = alias.Target;
        if (symbol is not (INamedTypeSymbol or IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol))
            return null;
        if (symbol is not INamedTypeSymbol && symbol.ContainingType is null)
            return null;

        // The lowest of a partial type's folders; one location for anything else.
        string? file = symbol.Locations.Where(l => l.IsInSource && layerOf.ContainsKey(FolderOf(l.SourceTree!.FilePath)))
            .Select(l => l.SourceTree!.FilePath)
            .OrderBy(path => layerOf[FolderOf(path)]).ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
        if (file is null)
            return null;
        string name = symbol is INamedTypeSymbol
            ? symbol.ToDisplayString(NameFormat)
            : symbol.ContainingType!.ToDisplayString(NameFormat) + "." + symbol.Name;
        return (file, name);
    }

    /// <summary>The framework's assemblies and the packages the library is built against.</summary>
    private static ImmutableArray<MetadataReference> LibraryReferences()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var frameworkAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal));
        var packages = typeof(EvidenceBase).Assembly.GetReferencedAssemblies()
            .Select(name => Assembly.Load(name).Location)
            .Where(path => !string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal));
        return [.. frameworkAssemblies.Concat(packages).Distinct(StringComparer.Ordinal).Select(path => MetadataReference.CreateFromFile(path))];
    }
}
