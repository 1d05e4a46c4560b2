using Sentra.Web.Features.Businesses.Rules;

namespace Sentra.Tests.Businesses.Rules;

public sealed class BpomMdTests
{
    [Theory]
    [InlineData("MD123456789012")]
    [InlineData("MD 123456789012")]
    [InlineData("md 123456789012")]
    [InlineData(" Md 1234 5678 9012 ")]
    [InlineData("BPOM RI MD 123456789012")]
    [InlineData("bpom ri md 123456789012")]
    [InlineData("BPOM MD 123456789012")]
    [InlineData("BPOMRIMD123456789012")]
    public void Check_accepts_label_forms_and_normalises(string input)
    {
        var result = BpomMd.Check(input);

        Assert.True(result.IsValid);
        Assert.Null(result.ErrorKey);
        Assert.Equal("MD123456789012", result.Value);
    }

    [Theory]
    [InlineData(null, "Bpom.Required")]
    [InlineData("", "Bpom.Required")]
    [InlineData("   ", "Bpom.Required")]
    [InlineData("123456789012", "Bpom.Format")]
    [InlineData("MD12345678901", "Bpom.Format")]
    [InlineData("MD1234567890123", "Bpom.Format")]
    [InlineData("MD12345678901A", "Bpom.Format")]
    [InlineData("ML 123456789012", "Bpom.Format")]
    [InlineData("MD-123456789012", "Bpom.Format")]
    [InlineData("BPOM RI", "Bpom.Format")]
    [InlineData("RI MD 123456789012", "Bpom.Format")]
    [InlineData("P-IRT 206320101012328", "Bpom.Format")]
    public void Check_malformed_input_is_rejected(string? input, string errorKey)
    {
        var result = BpomMd.Check(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(errorKey, result.ErrorKey);
    }

    [Theory]
    [InlineData(2023, 3, 10, 2028, 3, 10)]
    [InlineData(2024, 2, 29, 2029, 2, 28)]
    [InlineData(2024, 12, 31, 2029, 12, 31)]
    public void Expiry_is_five_years_after_issue(int year, int month, int day, int expYear, int expMonth, int expDay)
    {
        Assert.Equal(new DateOnly(expYear, expMonth, expDay), BpomMd.Expiry(new DateOnly(year, month, day)));
    }
}
