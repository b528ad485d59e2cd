using Xunit;
using System.Collections;
using System.Reflection;
using Evidence.Analytics.Notebooks;

namespace Evidence.Analytics.Tests.Notebooks
{
    public sealed class FormatterDiscoveryTests
    {
        private static readonly Assembly Library = typeof(EvidenceBase).Assembly;

        private static IEnumerable<Type> AttributedTypes() =>
            Library.GetTypes().Where(t => t.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == "TypeFormatterSourceAttribute"));

        [Fact]
        public void HasFormatterSource_EvidenceBase_FoundByAttributeName()
        {
            Assert.True(MimeFormatter.HasFormatterSource(typeof(EvidenceBase)));
            Assert.False(MimeFormatter.HasFormatterSource(typeof(EvidenceFilter)));
        }

        [Fact]
        public void Format_TypeWithItsOwnConventionAttribute_UsesThatSource()
        {
            // The attribute below is declared in this test assembly, not the library: discovery must go by name alone.
            var formatted = MimeFormatter.Format(new Convention.Greeting("Ada"));

            Assert.Equal(
                [KeyValuePair.Create("text/html", "<b>Hello Ada</b>"), KeyValuePair.Create("text/plain", "Hello Ada")],
                formatted);
        }

        [Fact]
        public void Format_TypeWithoutSource_GetsInvariantPlainTextOnly()
        {
            var previous = Thread.CurrentThread.CurrentCulture;
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            try
            {
                Assert.Equal([KeyValuePair.Create("text/plain", "0.5")], MimeFormatter.Format(0.5));
                Assert.Equal([KeyValuePair.Create("text/plain", "[ 1, 2, 3 ]")], MimeFormatter.Format(new List<int> { 1, 2, 3 }));
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = previous;
            }
        }

        [Fact]
        public void LibraryAttribute_HasTheShapeTheKernelReadsByReflection()
        {
            var attributeType = Library.GetTypes().Single(t => t.Name == "TypeFormatterSourceAttribute");

            Assert.False(attributeType.IsPublic);
            Assert.NotNull(attributeType.GetConstructor([typeof(Type)]));
            Assert.Equal(typeof(Type), attributeType.GetProperty("FormatterSourceType")?.PropertyType);
            Assert.Equal(typeof(string[]), attributeType.GetProperty("PreferredMimeTypes")?.PropertyType);
        }

        [Fact]
        public void EveryAttributedType_SourceMatchesTheTypeAndFormattersHaveTheKernelsShape()
        {
            var types = AttributedTypes().ToList();
            Assert.Contains(typeof(EvidenceBase), types);
            foreach (var type in types)
            {
                var attribute = type.GetCustomAttributes(false).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
                var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
                Assert.Equal([type], sourceType.GetGenericArguments());
                Assert.Equal(["text/html", "text/plain"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);

                // As the kernel does: Activator.CreateInstance, then GetMethod by name without parameter types.
                object source = Activator.CreateInstance(sourceType)!;
                var formatters = ((IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().ToList();
                Assert.Equal(["text/html", "text/plain"], formatters.Select(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)!));
                foreach (object formatter in formatters)
                {
                    Assert.Equal(type, formatter.GetType().GetProperty("Type")!.GetValue(formatter));
                    Assert.Equal(typeof(bool), formatter.GetType().GetMethod("Format")!.ReturnType);
                }
            }
        }

        [Fact]
        public void DisplayFormatter_OtherType_ReturnsFalseAndWritesNothing()
        {
            var formatter = new DisplayFormatter(typeof(EvidenceBase), DisplayFormatter.Html);
            using var writer = new StringWriter();

            Assert.False(formatter.Format("not an evidence base", writer));
            Assert.Equal("", writer.ToString());
        }
    }
}

namespace Evidence.Analytics.Tests.Notebooks.Convention
{
#pragma warning disable CA1822 // instance members, as the kernel reads them by reflection on instances
    [TypeFormatterSource(typeof(GreetingFormatterSource))]
    internal sealed record Greeting(string Name);

    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
    {
        public Type FormatterSourceType { get; } = formatterSourceType;

        public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];
    }

    internal sealed class GreetingFormatterSource
    {
        public IEnumerable<object> CreateTypeFormatters() =>
            [new GreetingFormatter("text/plain", g => $"Hello {g.Name}"), new GreetingFormatter("text/html", g => $"<b>Hello {g.Name}</b>")];
    }

    internal sealed class GreetingFormatter(string mimeType, Func<Greeting, string> format)
    {
        public string MimeType { get; } = mimeType;

        public Type Type => typeof(Greeting);

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not Greeting greeting) return false;
            writer.Write(format(greeting));
            return true;
        }
    }
#pragma warning restore CA1822
}
