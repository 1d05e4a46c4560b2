using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sentra.Web.Features.Import.Parsing;

/// <summary>Small helpers for reading spreadsheet cell text. All culture-invariant.</summary>
public static partial class CellText
{
    /// <summary>Southernmost and northernmost latitudes accepted (Indonesia with a margin).</summary>
    public const double MinLatitude = -11, MaxLatitude = 6;

    /// <summary>Westernmost and easternmost longitudes accepted (Indonesia with a margin).</summary>
    public const double MinLongitude = 95, MaxLongitude = 141;

    public const int MinYear = 1900;

    /// <summary>
    /// True for a number in scientific notation, e.g. "3.27611E+15" or "3,27611E+15": what Excel shows (and writes to CSV)
    /// for a long number such as a NIK stored as a number. Its last digits are lost, so it can never be a valid identifier.
    /// </summary>
    public static bool IsScientificNotation(string? text) => text is not null && Scientific().IsMatch(text.Trim());

    /// <summary>
    /// True for an empty cell or a placeholder dash ("-", "--", "–", "—") that offices write for "none".
    /// </summary>
    public static bool IsBlank(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return true;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '\u2013' or '\u2014'))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Strips spaces (also non-breaking), dots and dashes from an identifier such as a NIK, NIB or phone number
    /// ("3276 1145-0385.0007" → "3276114503850007"), and a leading apostrophe that forces text in Excel.
    /// Returns null for a blank cell. Not for scientific notation: such text is returned trimmed and unchanged, so that
    /// a digits-only check rejects it; check <see cref="IsScientificNotation"/> first to give the better reason.
    /// </summary>
    public static string? CleanDigits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var trimmed = text.Trim();
        if (IsScientificNotation(trimmed))
            return trimmed;
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed.AsSpan(trimmed.StartsWith('\'') ? 1 : 0))
        {
            if (c is not (' ' or '\u00A0' or '.' or '-' or '\u2013' or '\u2014'))
                builder.Append(c);
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>
    /// Letters and digits only, lower-case (invariant): "No. HP" → "nohp", "TK Laki-laki" → "tklakilaki".
    /// The comparison key for headers and short codes.
    /// </summary>
    public static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>
    /// A whole number: "12", " 12 ", "12.0", "12,00" (numbers that Excel stored as text), "-3".
    /// Not "1.200" (thousands separators are not expected in counts) and not "12.5".
    /// On failure the reason is <see cref="ImportErrors.Number"/>.
    /// </summary>
    public static bool TryParseInt(string? text, out int value)
    {
        value = 0;
        if (text is null)
            return false;
        var match = WholeNumber().Match(text.Trim());
        return match.Success && int.TryParse(match.Groups["int"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <inheritdoc cref="TryParseCoordinate(string?, bool, out double, out string?)"/>
    public static bool TryParseCoordinate(string? text, bool latitude, out double value) =>
        TryParseCoordinate(text, latitude, out value, out _);

    /// <summary>
    /// A decimal-degree coordinate with a dot or comma as decimal separator: "-6.3521", "-6,3521", "106,7297", "+6.1°".
    /// Latitude must lie in −11..6 and longitude in 95..141 (Indonesia), else <see cref="ImportErrors.CoordinateRange"/>
    /// (this also catches swapped columns and values that Excel read as thousands, e.g. -63521);
    /// unparsable text gives <see cref="ImportErrors.Coordinate"/>.
    /// </summary>
    public static bool TryParseCoordinate(string? text, bool latitude, out double value, out string? errorKey)
    {
        value = 0;
        errorKey = ImportErrors.Coordinate;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim().TrimEnd('°').TrimEnd().Replace('\u2212', '-');
        if (s.Contains('.', StringComparison.Ordinal) && s.Contains(',', StringComparison.Ordinal))
            return false;
        s = s.Replace(',', '.');
        if (!Coordinate().IsMatch(s) ||
            !double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            return false;
        var (min, max) = latitude ? (MinLatitude, MaxLatitude) : (MinLongitude, MaxLongitude);
        if (parsed < min || parsed > max)
        {
            errorKey = ImportErrors.CoordinateRange;
            return false;
        }
        value = parsed;
        errorKey = null;
        return true;
    }

    /// <summary>A year between 1900 and the current (UTC) year. See <see cref="TryParseYear(string?, int, out int)"/>.</summary>
    public static bool TryParseYear(string? text, out int year) => TryParseYear(text, DateTime.UtcNow.Year, out year);

    /// <summary>
    /// A year between 1900 and <paramref name="currentYear"/>: "2015", "2015.0", or the year of a date cell
    /// ("2015-03-01" as the reader writes dates, or "01/03/2015"). On failure the reason is <see cref="ImportErrors.Year"/>.
    /// </summary>
    public static bool TryParseYear(string? text, int currentYear, out int year)
    {
        year = 0;
        if (text is null)
            return false;
        var match = YearText().Match(text.Trim());
        if (!match.Success)
            return false;
        var digits = match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Success ? match.Groups["y2"].Value : match.Groups["y3"].Value;
        var parsed = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (parsed < MinYear || parsed > currentYear)
            return false;
        year = parsed;
        return true;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+([.,][0-9]+)?[eE][-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();

    [GeneratedRegex(@"^(?<int>[-+]?[0-9]{1,10})([.,]0+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^[-+]?[0-9]{1,9}(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Coordinate();

    [GeneratedRegex(@"^(?:(?<y1>[0-9]{4})(?:[.,]0+)?|(?<y2>[0-9]{4})-[0-9]{1,2}-[0-9]{1,2}(?:[ T][0-9:.]+)?|[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?<y3>[0-9]{4}))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex YearText();
}
