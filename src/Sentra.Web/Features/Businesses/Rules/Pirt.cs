using System.Globalization;

namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>The parts of an SPP-IRT number (Perbadan POM 22/2018).</summary>
/// <param name="Digits">The 15 digits, without prefix or separators.</param>
/// <param name="PackagingType">Digit 1, 1–9.</param>
/// <param name="FoodType">Digits 2–3, <c>01</c>–<c>99</c>.</param>
/// <param name="RegionCode">Digits 4–7 as a dotted Kemendagri province.city code, e.g. <c>32.76</c>.</param>
/// <param name="ProductSequence">Digits 8–9.</param>
/// <param name="ProducerSequence">Digits 10–13.</param>
/// <param name="ExpiryYear">Digits 14–15, the year the certificate expires.</param>
public sealed record PirtNumber(
    string Digits,
    int PackagingType,
    string FoodType,
    string RegionCode,
    string ProductSequence,
    string ProducerSequence,
    int ExpiryYear);

public sealed record PirtParse(bool IsValid, PirtNumber? Number, string? ErrorKey)
{
    internal static PirtParse Invalid(string errorKey) => new(false, null, errorKey);
}

/// <summary>Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT / P-IRT), valid 5 years.</summary>
public static class Pirt
{
    public const int Length = 15;
    public const int ValidityYears = 5;

    // Longest first, so "SPP-IRT" is not read as "S" + "PP-IRT".
    private static readonly string[] Prefixes = ["SPP-IRT", "SPPIRT", "P-IRT", "PIRT"];

    /// <summary>
    /// Accepts the number as printed on labels: an optional <c>P-IRT</c>/<c>PIRT</c>/<c>SPP-IRT</c>
    /// prefix (any case, optionally followed by <c>No.</c> or a colon), with spaces, dots and dashes.
    /// </summary>
    public static PirtParse Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return PirtParse.Invalid("Pirt.Required");
        }
        if (IdentifierText.LooksLikeScientificNotation(input))
        {
            return PirtParse.Invalid("Pirt.ScientificNotation");
        }

        var text = IdentifierText.RemoveWhitespace(input).ToUpperInvariant();
        var digits = IdentifierText.Remove(StripPrefix(text), c => c is '.' or '-');
        if (!IdentifierText.AllAsciiDigits(digits))
        {
            return PirtParse.Invalid("Pirt.Digits");
        }
        if (digits.Length != Length)
        {
            return PirtParse.Invalid("Pirt.Length");
        }

        var packagingType = digits[0] - '0';
        if (packagingType == 0)
        {
            return PirtParse.Invalid("Pirt.PackagingType");
        }
        var foodType = digits.Substring(1, 2);
        if (foodType == "00")
        {
            return PirtParse.Invalid("Pirt.FoodType");
        }

        var number = new PirtNumber(
            digits,
            packagingType,
            foodType,
            $"{digits[3..5]}.{digits[5..7]}",
            digits.Substring(7, 2),
            digits.Substring(9, 4),
            2000 + int.Parse(digits.AsSpan(13, 2), NumberStyles.None, CultureInfo.InvariantCulture));
        return new PirtParse(true, number, null);
    }

    /// <summary>
    /// Issue date + 5 years when the issue date is known; otherwise the number only tells the
    /// year, so assume the end of it.
    /// </summary>
    public static DateOnly Expiry(PirtNumber number, DateOnly? issued)
    {
        ArgumentNullException.ThrowIfNull(number);
        return issued?.AddYears(ValidityYears) ?? new DateOnly(number.ExpiryYear, 12, 31);
    }

    private static string StripPrefix(string text)
    {
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = text[prefix.Length..].TrimStart(':', '.');
                if (rest.StartsWith("NO", StringComparison.Ordinal))
                {
                    rest = rest[2..].TrimStart(':', '.');
                }
                return rest;
            }
        }
        return text;
    }
}
