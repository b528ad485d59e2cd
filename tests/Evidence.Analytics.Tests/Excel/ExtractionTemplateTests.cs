using Evidence.Analytics.Excel;
using Xunit;

namespace Evidence.Analytics.Tests.Excel;

public class ExtractionTemplateTests
{
    internal static byte[] Template()
    {
        using var stream = new MemoryStream();
        ExtractionTemplate.Write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Write_Template_PassesOpenXmlValidator()
    {
        XlsxAssert.Valid(Template());
    }

    [Fact]
    public void Write_Twice_GivesIdenticalBytes()
    {
        Assert.Equal(Template(), Template());
    }
}
