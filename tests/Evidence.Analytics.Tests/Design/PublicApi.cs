using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Evidence.Analytics.Tests.Design;

/// <summary>An assembly's public API as text, one line per type and member, sorted, in C#-like signatures: what a
/// reviewer reads to see that a change adds, removes or renames something users call.</summary>
/// <remarks>Public and protected members of exported types, as declared (inherited members are listed on the type that
/// declares them). Compiler-generated members with unspeakable names are left out; record members (Equals,
/// Deconstruct, …) are in, since users can call them. Nullable annotations are not shown.</remarks>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
        BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        // By the name as listed ("Vocabulary<T>", not the runtime "Vocabulary`1"), so the listing reads in ordinal order.
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => $"{t.Namespace}.{Name(t)}", StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            // Enum values in value order; other members sorted, so that moving code in a file changes nothing here.
            var members = type.IsEnum ? Members(type) : Members(type).Order(StringComparer.Ordinal);
            foreach (string member in members) text.Append("    ").Append(member).Append('\n');
        }
        return text.ToString();
    }

    private static string Header(Type type)
    {
        string kind = type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
            : type.IsValueType ? (IsReadOnly(type) ? "readonly struct" : "struct")
            : type.IsAbstract && type.IsSealed ? "static class"
            : (type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : "") + (IsRecord(type) ? "record" : "class");
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum)
            && baseType != typeof(MulticastDelegate))
        {
            bases.Add(Name(baseType));
        }
        if (!type.IsEnum) bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {type.Namespace}.{Name(type)}" + (bases.Count == 0 ? "" : " : " + string.Join(", ", bases));
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)))
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            yield break;
        }
        foreach (var constructor in type.GetConstructors(Declared).Where(Visible))
            yield return $"{Access(constructor)}ctor({Parameters(constructor)})";
        foreach (var property in type.GetProperties(Declared))
        {
            var get = property.GetMethod is { } g && Visible(g) ? g : null;
            var set = property.SetMethod is { } s && Visible(s) ? s : null;
            if (get is null && set is null) continue;
            var accessor = (get ?? set)!;
            string name = property.GetIndexParameters() is { Length: > 0 } index
                ? $"this[{string.Join(", ", index.Select(p => $"{Name(p.ParameterType)} {p.Name}"))}]"
                : property.Name;
            string accessors = (get is null ? "" : "get; ") + (set is null ? "" : IsInit(set) ? "init; " : "set; ");
            yield return $"{Access(accessor)}{Modifiers(accessor)}{Name(property.PropertyType)} {name} {{ {accessors}}}";
        }
        foreach (var field in type.GetFields(Declared).Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly))
        {
            string modifiers = field.IsLiteral ? "const " : (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
            yield return $"{(field.IsPublic ? "public " : "protected ")}{modifiers}{Name(field.FieldType)} {field.Name}" +
                (field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : "");
        }
        foreach (var e in type.GetEvents(Declared).Where(e => e.AddMethod is { } add && Visible(add)))
            yield return $"{Access(e.AddMethod!)}event {Name(e.EventHandlerType!)} {e.Name}";
        foreach (var method in type.GetMethods(Declared).Where(m => Visible(m) && !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal) && Visible(m)))
        {
            if (method.Name.Contains('<', StringComparison.Ordinal)) continue;
            string generic = method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : "";
            string extension = method.IsDefined(typeof(ExtensionAttribute), false) ? "this " : "";
            yield return $"{Access(method)}{Modifiers(method)}{Name(method.ReturnType)} {method.Name}{generic}({extension}{Parameters(method)})";
        }
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method) =>
        method.IsStatic ? "static "
        : method.IsAbstract ? "abstract "
        : method.IsVirtual && !method.IsFinal && method.GetBaseDefinition() == method && !method.DeclaringType!.IsInterface ? "virtual "
        : method.IsVirtual && method.GetBaseDefinition() != method ? "override "
        : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : "") +
            (p.IsDefined(typeof(ParamArrayAttribute), false) ? "params " : "") +
            $"{Name(p.ParameterType)} {p.Name}" + (p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : "")));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m == typeof(IsExternalInit));

    private static bool IsReadOnly(Type type) => type.IsDefined(typeof(IsReadOnlyAttribute), false);

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    /// <summary>A type as C# writes it: keywords for the built-in types, generic arguments, arrays, nullable values.</summary>
    private static string Name(Type type)
    {
        if (type.IsByRef) return Name(type.GetElementType()!);
        if (type.IsArray) return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsGenericParameter) return type.Name;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Name(underlying) + "?";
        string? keyword = Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool", TypeCode.Byte => "byte", TypeCode.Char => "char", TypeCode.Decimal => "decimal",
            TypeCode.Double => "double", TypeCode.Int16 => "short", TypeCode.Int32 => "int", TypeCode.Int64 => "long",
            TypeCode.SByte => "sbyte", TypeCode.Single => "float", TypeCode.String => "string", TypeCode.UInt16 => "ushort",
            TypeCode.UInt32 => "uint", TypeCode.UInt64 => "ulong", _ => null,
        };
        if (keyword is not null && !type.IsEnum) return keyword;
        if (type == typeof(object)) return "object";
        if (type == typeof(void)) return "void";
        string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Name;
        if (!type.IsGenericType) return name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
