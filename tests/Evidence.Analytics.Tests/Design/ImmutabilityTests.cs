using System.Reflection;

namespace Evidence.Analytics.Tests.Design;

/// <summary>Design rules for the public API, checked by reflection (after NodaTime's MutabilityTest).</summary>
public sealed class ImmutabilityTests
{
    private static IEnumerable<Type> PublicTypes() =>
        typeof(EvidenceBase).Assembly.GetExportedTypes().Where(t => !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t));

    [Fact]
    public void PublicTypes_AreSealedStaticAbstractOrReadOnlyStructs()
    {
        var open = PublicTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Concat(PublicTypes().Where(t => t.IsValueType && t.GetCustomAttributes().All(a => a.GetType().Name != "IsReadOnlyAttribute")))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_HaveNoPublicSettersOtherThanInit()
    {
        var setters = PublicTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInit(setter))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToArray();

        Assert.Empty(setters);
    }

    [Fact]
    public void PublicTypes_LiveInTheRootNamespace()
    {
        var elsewhere = PublicTypes().Where(t => t.Namespace != "Evidence.Analytics").Select(t => t.FullName).ToArray();

        Assert.Empty(elsewhere);
    }

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
