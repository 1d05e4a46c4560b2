using Sentra.Web.Features.Businesses.Rules;

namespace Sentra.Tests.Businesses.Rules;

public sealed class PirtTests
{
    [Theory]
    [InlineData("206320101012328")]
    [InlineData("  206320101012328 ")]
    [InlineData("P-IRT 206320101012328")]
    [InlineData("p-irt 2063201010123-28")]
    [InlineData("PIRT 2063201010123-28")]
    [InlineData("pirt206320101012328")]
    [InlineData("SPP-IRT 2.06.3201.01.0123.28")]
    [InlineData("Spp-Irt: 206-3201-01-0123-28")]
    [InlineData("P-IRT No. 2063201010123-28")]
    [InlineData("PIRT No: 206 3201 01 0123 28")]
    public void Parse_accepts_label_forms(string input)
    {
        var result = Pirt.Parse(input);

        Assert.True(result.IsValid);
        Assert.Null(result.ErrorKey);
        Assert.Equal(
            new PirtNumber("206320101012328", 2, "06", "32.01", "01", "0123", 2028),
            result.Number);
    }

    [Theory]
    [InlineData("932760220123400", 9, "32", "76.02", "20", "1234", 2000)]
    [InlineData("199327699999999", 1, "99", "32.76", "99", "9999", 2099)]
    [InlineData("101110101000125", 1, "01", "11.01", "01", "0001", 2025)]
    public void Parse_splits_the_fifteen_digits(
        string input, int packaging, string food, string region, string product, string producer, int expiryYear)
    {
        var number = Pirt.Parse(input).Number!;

        Assert.Equal(input, number.Digits);
        Assert.Equal(packaging, number.PackagingType);
        Assert.Equal(food, number.FoodType);
        Assert.Equal(region, number.RegionCode);
        Assert.Equal(product, number.ProductSequence);
        Assert.Equal(producer, number.ProducerSequence);
        Assert.Equal(expiryYear, number.ExpiryYear);
    }

    [Theory]
    [InlineData(null, "Pirt.Required")]
    [InlineData("", "Pirt.Required")]
    [InlineData(" ", "Pirt.Required")]
    [InlineData("2.06320E+14", "Pirt.ScientificNotation")]
    [InlineData("2,06320E+14", "Pirt.ScientificNotation")]
    [InlineData("20632010101232", "Pirt.Length")]
    [InlineData("2063201010123288", "Pirt.Length")]
    [InlineData("P-IRT", "Pirt.Length")]
    [InlineData("20632010101232A", "Pirt.Digits")]
    [InlineData("MD 206320101012328", "Pirt.Digits")]
    [InlineData("2063201010123/28", "Pirt.Digits")]
    [InlineData("006320101012328", "Pirt.PackagingType")]
    [InlineData("P-IRT 0063201010123-28", "Pirt.PackagingType")]
    [InlineData("200320101012328", "Pirt.FoodType")]
    public void Parse_malformed_input_is_rejected(string? input, string errorKey)
    {
        var result = Pirt.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Number);
        Assert.Equal(errorKey, result.ErrorKey);
    }

    [Theory]
    [InlineData("206320101012328", 2023, 3, 10, 2028, 3, 10)]
    [InlineData("206320101012328", 2024, 2, 29, 2029, 2, 28)]
    [InlineData("206320101012330", 2025, 1, 1, 2030, 1, 1)]
    public void Expiry_is_five_years_after_the_issue_date_when_known(
        string input, int issuedYear, int issuedMonth, int issuedDay, int year, int month, int day)
    {
        var number = Pirt.Parse(input).Number!;

        var expiry = Pirt.Expiry(number, new DateOnly(issuedYear, issuedMonth, issuedDay));

        Assert.Equal(new DateOnly(year, month, day), expiry);
    }

    [Theory]
    [InlineData("206320101012328", 2028)]
    [InlineData("206320101012300", 2000)]
    [InlineData("206320101012399", 2099)]
    public void Expiry_without_issue_date_is_the_end_of_the_printed_year(string input, int year)
    {
        var number = Pirt.Parse(input).Number!;

        Assert.Equal(new DateOnly(year, 12, 31), Pirt.Expiry(number, null));
    }
}
