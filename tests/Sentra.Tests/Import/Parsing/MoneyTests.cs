using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Tests.Import.Parsing;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("Rp 1.500.000", 1_500_000L)]
    [InlineData("Rp1.500.000,-", 1_500_000L)]
    [InlineData("Rp. 1.500.000", 1_500_000L)]
    [InlineData("rp 1.500.000.-", 1_500_000L)]
    [InlineData("IDR 1,500,000", 1_500_000L)]
    [InlineData("1.500.000,00", 1_500_000L)]
    [InlineData("1,500,000.00", 1_500_000L)]
    [InlineData("1500000", 1_500_000L)]
    [InlineData(" 1500000 ", 1_500_000L)]
    [InlineData("1,500,000", 1_500_000L)]
    [InlineData("1 500 000", 1_500_000L)]
    [InlineData("1.500", 1_500L)]
    [InlineData("1,500", 1_500L)]
    [InlineData("100.000", 100_000L)]
    [InlineData("15000000.0", 15_000_000L)]
    [InlineData("1500000,00", 1_500_000L)]
    [InlineData("1,5 juta", 1_500_000L)]
    [InlineData("1.5 juta", 1_500_000L)]
    [InlineData("1,5juta", 1_500_000L)]
    [InlineData("Rp 1,5 Juta", 1_500_000L)]
    [InlineData("2 jt", 2_000_000L)]
    [InlineData("2 jt.", 2_000_000L)]
    [InlineData("0,5 juta", 500_000L)]
    [InlineData("1.500 juta", 1_500_000_000L)]
    [InlineData("1,2 M", 1_200_000_000L)]
    [InlineData("1,2M", 1_200_000_000L)]
    [InlineData("1,2 miliar", 1_200_000_000L)]
    [InlineData("1,2 milyar", 1_200_000_000L)]
    [InlineData("750 ribu", 750_000L)]
    [InlineData("750 rb", 750_000L)]
    [InlineData("750rb", 750_000L)]
    [InlineData("Rp 50.000.000/tahun", 50_000_000L)]
    [InlineData("50 jt per tahun", 50_000_000L)]
    [InlineData("1.500.000 rupiah", 1_500_000L)]
    [InlineData("0", 0L)]
    [InlineData("Rp 0,-", 0L)]
    [InlineData("999999999999999999", 999_999_999_999_999_999L)]
    public void Rupiah_amounts_are_read(string text, long expected)
    {
        Assert.True(Money.TryParseRupiah(text, out var rupiah, out var errorKey));
        Assert.Equal(expected, rupiah);
        Assert.Null(errorKey);
        Assert.True(Money.TryParseRupiah(text, out var again));
        Assert.Equal(expected, again);
    }

    [Theory]
    [InlineData(null, ImportErrors.Money)]
    [InlineData("", ImportErrors.Money)]
    [InlineData("   ", ImportErrors.Money)]
    [InlineData("-", ImportErrors.Money)]
    [InlineData("Rp", ImportErrors.Money)]
    [InlineData("abc", ImportErrors.Money)]
    [InlineData("1,5 dolar", ImportErrors.Money)]
    [InlineData("Rp 1.500.000/bulan", ImportErrors.Money)]
    [InlineData("1.50.000", ImportErrors.Money)]
    [InlineData("15.000.000.0", ImportErrors.Money)]
    [InlineData("1.500,000,00", ImportErrors.Money)]
    [InlineData("1 juta 500 ribu", ImportErrors.Money)]
    [InlineData("9999999999999999999", ImportErrors.Money)]
    [InlineData("99999999999 M", ImportErrors.Money)]
    [InlineData("-1.500.000", ImportErrors.MoneyNegative)]
    [InlineData("Rp -1.500.000", ImportErrors.MoneyNegative)]
    [InlineData("-Rp 1.500.000", ImportErrors.MoneyNegative)]
    [InlineData("(1.500.000)", ImportErrors.MoneyNegative)]
    [InlineData("\u22121500000", ImportErrors.MoneyNegative)]
    [InlineData("1,5", ImportErrors.MoneyAmbiguous)]
    [InlineData("1.5", ImportErrors.MoneyAmbiguous)]
    [InlineData("12,75", ImportErrors.MoneyAmbiguous)]
    [InlineData("1,500 juta", ImportErrors.MoneyAmbiguous)]
    [InlineData("1000.000", ImportErrors.MoneyAmbiguous)]
    [InlineData("0.500", ImportErrors.MoneyAmbiguous)]
    [InlineData("1.500.000,50", ImportErrors.MoneyFraction)]
    [InlineData("1500000.5", ImportErrors.MoneyFraction)]
    [InlineData("1,2345675 juta", ImportErrors.MoneyFraction)]
    [InlineData("1.5E+11", ImportErrors.ScientificNotation)]
    [InlineData("1,5E+11", ImportErrors.ScientificNotation)]
    public void Bad_amounts_are_rejected_with_a_reason(string? text, string expectedKey)
    {
        Assert.False(Money.TryParseRupiah(text, out var rupiah, out var errorKey));
        Assert.Equal(0, rupiah);
        Assert.Equal(expectedKey, errorKey);
        Assert.False(Money.TryParseRupiah(text, out _));
    }
}
