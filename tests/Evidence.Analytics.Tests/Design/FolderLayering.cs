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
/// sources are compiled together with Roslyn and every name in them that could refer to a declaration out of its
/// folder's reach (types, members, extension methods, attributes, target-typed <c>new()</c>) is bound to its
/// declaration; the folder of the declaring file is what the reference depends on. A type declared as partial in several folders lives in the lowest of them (a higher folder may
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
        // Nullable analysis is off: it does not change what a name binds to, only adds time.
        var compilation = CSharpCompilation.Create(
            "Layering", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        var declared = DeclaredNames(trees.Where(t => sources.ContainsKey(t.FilePath)));
        bool MightReachOut(string folder, string name) =>
            declared.TryGetValue(name, out var folders) && folders.Any(other => other != folder && (other.Length == 0 || layerOf[other] >= layerOf[folder]));
        var violations = new ConcurrentBag<LayerViolation>();
        var unbound = new ConcurrentBag<string>();
        Parallel.ForEach(trees.Where(t => sources.ContainsKey(t.FilePath)), tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            string folder = FolderOf(tree.FilePath);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                // Binding is what takes the time, so only the names that something out of this folder's reach is declared by are bound.
                if (!(node is SimpleNameSyntax name ? MightReachOut(folder, name.Identifier.ValueText) : node is ImplicitObjectCreationExpressionSyntax))
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

    /// <summary>The names the sources declare types and members by (an attribute class also by its short name), each
    /// with the folders declaring it; the aliases of using directives, which may stand for anything, with the folder "".
    /// A name spelled otherwise cannot refer to these sources.</summary>
    /// <remarks><c>var</c> and framework calls can carry a source type without naming it, but only from an expression
    /// or a declaration that names it, which is checked where it is.</remarks>
    private static Dictionary<string, HashSet<string>> DeclaredNames(IEnumerable<SyntaxTree> trees)
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string name, string folder)
        {
            if (!names.TryGetValue(name, out var folders))
                names.Add(name, folders = new HashSet<string>(StringComparer.Ordinal));
            folders.Add(folder);
        }

        foreach (var tree in trees)
        {
            string folder = FolderOf(tree.FilePath);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                SyntaxToken? identifier = node switch
                {
                    BaseTypeDeclarationSyntax type => type.Identifier,
                    DelegateDeclarationSyntax @delegate => @delegate.Identifier,
                    MethodDeclarationSyntax method => method.Identifier,
                    PropertyDeclarationSyntax property => property.Identifier,
                    EventDeclarationSyntax @event => @event.Identifier,
                    VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } field => field.Identifier,
                    EnumMemberDeclarationSyntax member => member.Identifier,
                    ParameterSyntax { Parent.Parent: TypeDeclarationSyntax } positional => positional.Identifier,
                    UsingDirectiveSyntax { Alias: { } alias } => alias.Name.Identifier,
                    _ => null,
                };
                if (identifier is not { ValueText: var text })
                    continue;
                Add(text, node is UsingDirectiveSyntax ? "" : folder);
                if (node is ClassDeclarationSyntax && text.EndsWith("Attribute", StringComparison.Ordinal))
                    Add(text[..^"Attribute".Length], folder);
            }
        }
        return names;
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

    /// <summary>The assemblies the library is built against, and those they reach (facades forward to the assemblies
    /// that define their types), found from the built library: a compilation against all of the framework would take
    /// twice as long.</summary>
    private static ImmutableArray<MetadataReference> LibraryReferences()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<AssemblyName>(typeof(EvidenceBase).Assembly.GetReferencedAssemblies());
        while (pending.TryDequeue(out var name))
        {
            var assembly = Assembly.Load(name);
            if (!paths.Add(assembly.Location))
                continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
                pending.Enqueue(reference);
        }
        return [.. paths.Select(path => MetadataReference.CreateFromFile(path))];
    }
}
