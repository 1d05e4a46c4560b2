using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Tests.Import.Parsing;

public sealed class SexParserTests
{
    [Theory]
    [InlineData("L", Sex.Male)]
    [InlineData("l", Sex.Male)]
    [InlineData(" L ", Sex.Male)]
    [InlineData("L.", Sex.Male)]
    [InlineData("Lk", Sex.Male)]
    [InlineData("LK", Sex.Male)]
    [InlineData("Laki-laki", Sex.Male)]
    [InlineData("Laki laki", Sex.Male)]
    [InlineData("LAKI-LAKI", Sex.Male)]
    [InlineData("Laki - Laki", Sex.Male)]
    [InlineData("Pria", Sex.Male)]
    [InlineData("M", Sex.Male)]
    [InlineData("Male", Sex.Male)]
    [InlineData("P", Sex.Female)]
    [InlineData("p.", Sex.Female)]
    [InlineData("Pr", Sex.Female)]
    [InlineData("Perempuan", Sex.Female)]
    [InlineData("PEREMPUAN", Sex.Female)]
    [InlineData("Wanita", Sex.Female)]
    [InlineData("W", Sex.Female)]
    [InlineData("F", Sex.Female)]
    [InlineData("Female", Sex.Female)]
    public void Sexes_are_read(string text, Sex expected)
    {
        Assert.True(SexParser.TryParse(text, out var sex));
        Assert.Equal(expected, sex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("L/P")]
    [InlineData("X")]
    [InlineData("Lelaki perempuan")]
    public void Others_are_rejected(string? text) => Assert.False(SexParser.TryParse(text, out _));
}
