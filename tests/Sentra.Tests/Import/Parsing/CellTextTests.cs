using System.Globalization;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Tests.Import.Parsing;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("3.27611E+15", true)]
    [InlineData("3,27611E+15", true)]
    [InlineData(" 3.27611450385001E+15 ", true)]
    [InlineData("3E15", true)]
    [InlineData("1.5e-3", true)]
    [InlineData("-6.3521", false)]
    [InlineData("3276114503850007", false)]
    [InlineData("E+15", false)]
    [InlineData("3.27611E", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Scientific_notation_is_recognised(string? text, bool expected) => Assert.Equal(expected, CellText.IsScientificNotation(text));

    [Theory]
    [InlineData("3276114503850007", "3276114503850007")]
    [InlineData(" 3276 1145 0385 0007 ", "3276114503850007")]
    [InlineData("3276.1145.0385.0007", "3276114503850007")]
    [InlineData("3276-1145-0385-0007", "3276114503850007")]
    [InlineData("'3276114503850007", "3276114503850007")]
    [InlineData("0812-3456\u00A07890", "081234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("3.27611E+15", "3.27611E+15")]
    [InlineData(" 3,27611E+15 ", "3,27611E+15")]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    [InlineData(" - ", null)]
    public void Digits_are_cleaned_except_scientific_notation(string? text, string? expected) => Assert.Equal(expected, CellText.CleanDigits(text));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("-", true)]
    [InlineData(" -- ", true)]
    [InlineData("\u2014", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("x", false)]
    public void Blank_cells_and_placeholder_dashes(string? text, bool expected) => Assert.Equal(expected, CellText.IsBlank(text));

    [Theory]
    [InlineData("No. HP", "nohp")]
    [InlineData("TK Laki-laki", "tklakilaki")]
    [InlineData("  NAMA__USAHA: ", "namausaha")]
    [InlineData(null, "")]
    public void Compact_keeps_lower_case_letters_and_digits(string? text, string expected) => Assert.Equal(expected, CellText.Compact(text));

    [Theory]
    [InlineData("12", 12)]
    [InlineData(" 12 ", 12)]
    [InlineData("12.0", 12)]
    [InlineData("12,00", 12)]
    [InlineData("0", 0)]
    [InlineData("-3", -3)]
    [InlineData("+7", 7)]
    public void Whole_numbers_are_read(string text, int expected)
    {
        Assert.True(CellText.TryParseInt(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12.5")]
    [InlineData("1.200")]
    [InlineData("dua")]
    [InlineData("12 orang")]
    [InlineData("99999999999")]
    [InlineData("1E+3")]
    public void Other_numbers_are_not_whole(string? text) => Assert.False(CellText.TryParseInt(text, out _));

    [Theory]
    [InlineData("-6.3521", true, -6.3521)]
    [InlineData("-6,3521", true, -6.3521)]
    [InlineData(" -6.3521 ", true, -6.3521)]
    [InlineData("\u22126.3521", true, -6.3521)]
    [InlineData("-6.3521°", true, -6.3521)]
    [InlineData("5.9", true, 5.9)]
    [InlineData("-11", true, -11.0)]
    [InlineData("6", true, 6.0)]
    [InlineData("106.7297", false, 106.7297)]
    [InlineData("106,7297", false, 106.7297)]
    [InlineData("+95", false, 95.0)]
    [InlineData("141", false, 141.0)]
    public void Coordinates_are_read(string text, bool latitude, double expected)
    {
        Assert.True(CellText.TryParseCoordinate(text, latitude, out var value, out var errorKey));
        Assert.Equal(expected, value, 10);
        Assert.Null(errorKey);
        Assert.True(CellText.TryParseCoordinate(text, latitude, out _));
    }

    [Theory]
    [InlineData(null, true, ImportErrors.Coordinate)]
    [InlineData("", true, ImportErrors.Coordinate)]
    [InlineData("abc", true, ImportErrors.Coordinate)]
    [InlineData("-6.352.1", true, ImportErrors.Coordinate)]
    [InlineData("-6,352.1", true, ImportErrors.Coordinate)]
    [InlineData("6°21'S", true, ImportErrors.Coordinate)]
    [InlineData("-63521", true, ImportErrors.CoordinateRange)]
    [InlineData("-11.01", true, ImportErrors.CoordinateRange)]
    [InlineData("6.5", true, ImportErrors.CoordinateRange)]
    [InlineData("106.7297", true, ImportErrors.CoordinateRange)]
    [InlineData("-6.3521", false, ImportErrors.CoordinateRange)]
    [InlineData("94.9", false, ImportErrors.CoordinateRange)]
    [InlineData("141.5", false, ImportErrors.CoordinateRange)]
    [InlineData("-106.7", false, ImportErrors.CoordinateRange)]
    public void Bad_coordinates_are_rejected(string? text, bool latitude, string expectedKey)
    {
        Assert.False(CellText.TryParseCoordinate(text, latitude, out var value, out var errorKey));
        Assert.Equal(0, value);
        Assert.Equal(expectedKey, errorKey);
    }

    [Theory]
    [InlineData("2018", 2018)]
    [InlineData(" 2018 ", 2018)]
    [InlineData("2018.0", 2018)]
    [InlineData("1900", 1900)]
    [InlineData("2025", 2025)]
    [InlineData("2018-03-01", 2018)]
    [InlineData("2018-03-01 08:30:00", 2018)]
    [InlineData("01/03/2018", 2018)]
    [InlineData("1-3-2018", 2018)]
    public void Years_are_read(string text, int expected)
    {
        Assert.True(CellText.TryParseYear(text, 2025, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1899")]
    [InlineData("2026")]
    [InlineData("18")]
    [InlineData("20180")]
    [InlineData("2018.5")]
    [InlineData("tahun 2018")]
    public void Bad_years_are_rejected(string? text) => Assert.False(CellText.TryParseYear(text, 2025, out _));

    [Fact]
    public void The_current_year_is_the_default_limit()
    {
        var now = DateTime.UtcNow.Year;
        Assert.True(CellText.TryParseYear(now.ToString(CultureInfo.InvariantCulture), out _));
        Assert.False(CellText.TryParseYear((now + 1).ToString(CultureInfo.InvariantCulture), out _));
    }
}
