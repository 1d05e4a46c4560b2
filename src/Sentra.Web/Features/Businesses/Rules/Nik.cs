using System.Globalization;

namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>
/// The outcome of checking a NIK. <see cref="UnknownDistrict"/> is a warning, not an error: the
/// district list predates the newest provinces, so a valid-looking NIK is still accepted.
/// </summary>
public sealed record NikCheck(
    bool IsValid,
    string? Nik,
    string? ErrorKey,
    bool UnknownDistrict,
    DateOnly? BirthDate,
    Sex? Sex)
{
    internal static NikCheck Invalid(string errorKey) => new(false, null, errorKey, false, null, null);
}

/// <summary>
/// Nomor Induk Kependudukan: 16 digits — district of issue (6), birth date DDMMYY with 40 added to
/// the day for women (6), serial (4).
/// </summary>
public static class Nik
{
    public const int Length = 16;
    private const int FemaleDayOffset = 40;

    /// <param name="input">What the user typed or imported.</param>
    /// <param name="isKnownDistrict">Looks up a dotted kecamatan code such as <c>32.76.11</c>.</param>
    /// <param name="today">Decides the century: 20YY unless that birth date would be in the future.</param>
    public static NikCheck Check(string? input, Func<string, bool> isKnownDistrict, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(isKnownDistrict);

        if (string.IsNullOrWhiteSpace(input))
        {
            return NikCheck.Invalid("Nik.Required");
        }
        if (IdentifierText.LooksLikeScientificNotation(input))
        {
            return NikCheck.Invalid("Nik.ScientificNotation");
        }

        var nik = IdentifierText.RemoveWhitespace(input);
        if (!IdentifierText.AllAsciiDigits(nik))
        {
            return NikCheck.Invalid("Nik.Digits");
        }
        if (nik.Length != Length)
        {
            return NikCheck.Invalid("Nik.Length");
        }

        var day = TwoDigits(nik, 6);
        var month = TwoDigits(nik, 8);
        var year = TwoDigits(nik, 10);

        Sex sex;
        if (day is >= 1 and <= 31)
        {
            sex = Sex.Male;
        }
        else if (day is >= 1 + FemaleDayOffset and <= 31 + FemaleDayOffset)
        {
            sex = Sex.Female;
            day -= FemaleDayOffset;
        }
        else
        {
            return NikCheck.Invalid("Nik.BirthDate");
        }

        var birthDate = BirthDate(day, month, year, today);
        if (birthDate is null)
        {
            return NikCheck.Invalid("Nik.BirthDate");
        }

        if (nik.EndsWith("0000", StringComparison.Ordinal))
        {
            return NikCheck.Invalid("Nik.Serial");
        }

        var district = $"{nik[..2]}.{nik[2..4]}.{nik[4..6]}";
        return new NikCheck(true, nik, null, !isKnownDistrict(district), birthDate, sex);
    }

    private static DateOnly? BirthDate(int day, int month, int twoDigitYear, DateOnly today)
    {
        if (month is < 1 or > 12)
        {
            return null;
        }
        // A NIK carries no century: take 20YY unless that date has not happened yet.
        var recent = TryDate(2000 + twoDigitYear, month, day);
        if (recent is { } date && date <= today)
        {
            return date;
        }
        return TryDate(1900 + twoDigitYear, month, day);
    }

    private static DateOnly? TryDate(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int TwoDigits(string digits, int start) =>
        int.Parse(digits.AsSpan(start, 2), NumberStyles.None, CultureInfo.InvariantCulture);
}
