using Sentra.Web.Features.Businesses.Rules;

namespace Sentra.Tests.Businesses.Rules;

public sealed class NibTests
{
    [Theory]
    [InlineData("1234567890123")]
    [InlineData(" 1234567890123 ")]
    [InlineData("12 3456 7890 123")]
    [InlineData("1234.5678.90123")]
    [InlineData("1234-5678-90123")]
    [InlineData("0220000123456")]
    public void Check_thirteen_digits_with_separators_is_valid(string input)
    {
        var result = Nib.Check(input);

        Assert.True(result.IsValid);
        Assert.Null(result.ErrorKey);
        Assert.Equal(13, result.Value!.Length);
        Assert.DoesNotContain(result.Value, c => !char.IsAsciiDigit(c));
    }

    [Fact]
    public void Check_stores_bare_digits()
    {
        Assert.Equal("1234567890123", Nib.Check("1234.5678-90 123").Value);
    }

    [Theory]
    [InlineData(null, "Nib.Required")]
    [InlineData("", "Nib.Required")]
    [InlineData("  ", "Nib.Required")]
    [InlineData("1.23457E+12", "Nib.ScientificNotation")]
    [InlineData("1,23457E+12", "Nib.ScientificNotation")]
    [InlineData("1.23457e+12", "Nib.ScientificNotation")]
    [InlineData("123456789012", "Nib.Length")]
    [InlineData("12345678901234", "Nib.Length")]
    [InlineData("12345678901A3", "Nib.Digits")]
    [InlineData("1234/5678/90123", "Nib.Digits")]
    [InlineData("NIB1234567890123", "Nib.Digits")]
    public void Check_malformed_input_is_rejected(string? input, string errorKey)
    {
        var result = Nib.Check(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(errorKey, result.ErrorKey);
    }
}
