using System.Globalization;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Businesses.Rules;

namespace Sentra.Tests.Businesses.Rules;

public sealed class NikTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    private static NikCheck Check(string? input, DateOnly? today = null) =>
        Nik.Check(input, _ => true, today ?? Today);

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("3276110101900001", "1990-01-01", Sex.Male)]
    [InlineData("3276113101900001", "1990-01-31", Sex.Male)]
    [InlineData("3276114101900001", "1990-01-01", Sex.Female)]
    [InlineData("3276117101900001", "1990-01-31", Sex.Female)]
    [InlineData("3276115512850042", "1985-12-15", Sex.Female)]
    [InlineData("3276113004900001", "1990-04-30", Sex.Male)]
    [InlineData("3276112902000001", "2000-02-29", Sex.Male)]
    [InlineData("3276116902040001", "2004-02-29", Sex.Female)]
    public void Check_valid_nik_gives_birth_date_and_sex(string nik, string birthDate, Sex sex)
    {
        var result = Check(nik);

        Assert.True(result.IsValid);
        Assert.Equal(nik, result.Nik);
        Assert.Null(result.ErrorKey);
        Assert.Equal(Date(birthDate), result.BirthDate);
        Assert.Equal(sex, result.Sex);
        Assert.False(result.UnknownDistrict);
    }

    [Theory]
    [InlineData(" 3276110101900001 ")]
    [InlineData("3276 1101 0190 0001")]
    [InlineData("\t3276110101900001\u00A0")]
    public void Check_spaces_are_removed(string input)
    {
        var result = Check(input);

        Assert.True(result.IsValid);
        Assert.Equal("3276110101900001", result.Nik);
    }

    [Theory]
    [InlineData(null, "Nik.Required")]
    [InlineData("", "Nik.Required")]
    [InlineData("   ", "Nik.Required")]
    [InlineData("3.27611E+15", "Nik.ScientificNotation")]
    [InlineData("3,27611E+15", "Nik.ScientificNotation")]
    [InlineData("3.27611e+15", "Nik.ScientificNotation")]
    [InlineData("3.27611E15", "Nik.ScientificNotation")]
    [InlineData("3276110101900001E+0", "Nik.ScientificNotation")]
    [InlineData("327611010190001", "Nik.Length")]
    [InlineData("32761101019000011", "Nik.Length")]
    [InlineData("3276", "Nik.Length")]
    [InlineData("3276-1101-0190-0001", "Nik.Digits")]
    [InlineData("327611010190000A", "Nik.Digits")]
    [InlineData("32761101019000", "Nik.Length")]
    [InlineData("３２７６１１０１０１９０００１", "Nik.Digits")]
    [InlineData("٣٢٧٦١١٠١٠١٩٠٠٠١", "Nik.Digits")]
    public void Check_malformed_input_is_rejected(string? input, string errorKey)
    {
        var result = Check(input);

        Assert.False(result.IsValid);
        Assert.Equal(errorKey, result.ErrorKey);
        Assert.Null(result.Nik);
        Assert.Null(result.BirthDate);
        Assert.Null(result.Sex);
    }

    [Theory]
    [InlineData("3276110001900001")] // day 0
    [InlineData("3276113201900001")] // day 32
    [InlineData("3276114001900001")] // day 40
    [InlineData("3276117201900001")] // day 72
    [InlineData("3276119901900001")] // day 99
    [InlineData("3276110100900001")] // month 0
    [InlineData("3276110113900001")] // month 13
    [InlineData("3276113102900001")] // 31 February
    [InlineData("3276117102900001")] // 31 February, woman
    public void Check_impossible_birth_date_is_rejected(string nik)
    {
        var result = Check(nik);

        Assert.False(result.IsValid);
        Assert.Equal("Nik.BirthDate", result.ErrorKey);
    }

    [Theory]
    [InlineData("3276113104900001")] // 31 April
    [InlineData("3276112902010001")] // 29 February 2001 and 1901
    [InlineData("3276116902250001")] // 29 February 2025 and 1925, woman
    public void Check_date_missing_from_both_centuries_is_rejected(string nik)
    {
        Assert.Equal("Nik.BirthDate", Check(nik).ErrorKey);
    }

    [Fact]
    public void Check_29_February_00_needs_2000_because_1900_was_not_a_leap_year()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), Check("3276112902000001").BirthDate);
        Assert.Equal("Nik.BirthDate", Check("3276112902000001", new DateOnly(1999, 12, 31)).ErrorKey);
    }

    [Theory]
    [InlineData("3276111506250001", "2025-06-15")] // 20YY equal to today: not in the future
    [InlineData("3276111606250001", "1925-06-16")] // 20YY one day in the future
    [InlineData("3276111512240001", "2024-12-15")]
    [InlineData("3276110101260001", "1926-01-01")]
    [InlineData("3276110101000001", "2000-01-01")]
    [InlineData("3276110101990001", "1999-01-01")]
    public void Check_century_is_20YY_unless_that_is_in_the_future(string nik, string birthDate)
    {
        Assert.Equal(Date(birthDate), Check(nik).BirthDate);
    }

    [Fact]
    public void Check_serial_0000_is_rejected()
    {
        Assert.Equal("Nik.Serial", Check("3276110101900000").ErrorKey);
        Assert.True(Check("3276110101901000").IsValid);
    }

    [Fact]
    public void Check_passes_the_dotted_district_code_to_the_lookup()
    {
        var asked = new List<string>();

        Nik.Check("3276110101900001", code => { asked.Add(code); return true; }, Today);

        Assert.Equal(["32.76.11"], asked);
    }

    [Fact]
    public void Check_unknown_district_is_a_warning_not_an_error()
    {
        var result = Nik.Check("9971010101900001", _ => false, Today);

        Assert.True(result.IsValid);
        Assert.True(result.UnknownDistrict);
        Assert.Null(result.ErrorKey);
        Assert.Equal("9971010101900001", result.Nik);
    }

    [Fact]
    public void Check_invalid_nik_does_not_consult_the_district_list()
    {
        var asked = false;

        var result = Nik.Check("3276110101900000", _ => asked = true, Today);

        Assert.False(result.IsValid);
        Assert.False(result.UnknownDistrict);
        Assert.False(asked);
    }
}
