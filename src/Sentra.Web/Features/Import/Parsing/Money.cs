using System.Globalization;

namespace Sentra.Web.Features.Import.Parsing;

/// <summary>
/// Reads Rupiah amounts as offices type them. Rules, in order:
/// <list type="bullet">
/// <item>"Rp", "Rp.", "IDR" before and ",-", ".-", "rupiah", "/tahun", "per tahun" after the number are ignored.</item>
/// <item>Units: "ribu"/"rb" (×1.000), "juta"/"jt" (×1.000.000), "miliar"/"milyar"/"M" (×1.000.000.000).
/// With a unit a decimal part is normal: "1,5 juta", "1.5 jt", "1,2 M".</item>
/// <item>Dot and comma both present: the last one is the decimal separator ("1.500.000,00", "1,500,000.00").</item>
/// <item>One kind repeated: thousands separators in groups of three ("1.500.000", "1,500,000").</item>
/// <item>One separator once, followed by three digits after a 1–3 digit group: thousands ("1.500" = 1.500 Rupiah, dot
/// being the Indonesian thousands separator; "1,500" = 1.500 too). With a unit, "1,500 juta" could be 1,5 or 1.500
/// juta: <see cref="ImportErrors.MoneyAmbiguous"/>. Three digits after a longer group ("1000.000"): ambiguous.</item>
/// <item>Otherwise one separator is a decimal separator ("15000000.0" as Excel stores a number in a text cell).</item>
/// <item>Whole Rupiah only: a non-zero fraction is <see cref="ImportErrors.MoneyFraction"/>, except that a small
/// amount such as "1,5" (under 1.000) without a unit most likely lacks "juta": <see cref="ImportErrors.MoneyAmbiguous"/>.</item>
/// <item>"-1.500.000", "Rp -1.500.000", "(1.500.000)": <see cref="ImportErrors.MoneyNegative"/>. Scientific notation
/// ("1.5E+11", digits lost by Excel): <see cref="ImportErrors.ScientificNotation"/>. Anything else, and blank:
/// <see cref="ImportErrors.Money"/> (callers treat a blank cell as "no value" before calling).</item>
/// </list>
/// </summary>
public static class Money
{
    private static readonly (string Unit, long Multiplier)[] Units =
    [
        ("ribu", 1_000), ("rb", 1_000),
        ("juta", 1_000_000), ("jt", 1_000_000), ("jta", 1_000_000),
        ("miliar", 1_000_000_000), ("milyar", 1_000_000_000), ("m", 1_000_000_000),
        ("rupiah", 1),
    ];

    private static readonly string[] Prefixes = ["rp.", "rp", "idr"];

    private static readonly string[] Suffixes = [",-", ".-", "-", "/tahun", "/thn", "/th", "per tahun", "pertahun", "setahun"];

    /// <inheritdoc cref="TryParseRupiah(string?, out long, out string?)"/>
    public static bool TryParseRupiah(string? text, out long rupiah) => TryParseRupiah(text, out rupiah, out _);

    /// <summary>Parses a whole, non-negative Rupiah amount; on failure <paramref name="errorKey"/> says why (see the class).</summary>
    public static bool TryParseRupiah(string? text, out long rupiah, out string? errorKey)
    {
        rupiah = 0;
        errorKey = ImportErrors.Money;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim().ToLowerInvariant().Replace('\u00A0', ' ').Replace('\u2212', '-');
        if (CellText.IsScientificNotation(s))
        {
            errorKey = ImportErrors.ScientificNotation;
            return false;
        }

        var negative = false;
        if (s.StartsWith('(') && s.EndsWith(')'))
        {
            negative = true;
            s = s[1..^1].Trim();
        }
        s = StripSign(s, ref negative);
        foreach (var prefix in Prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                s = s[prefix.Length..].TrimStart();
                break;
            }
        }
        s = StripSign(s, ref negative);
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var suffix in Suffixes)
            {
                if (s.Length > suffix.Length && s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    s = s[..^suffix.Length].TrimEnd();
                    stripped = true;
                }
            }
        }

        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or ',' or ' '))
            end++;
        var number = s[..end].Trim();
        var unitText = s[end..].Trim().TrimEnd('.');
        long multiplier = 1;
        var hasUnit = false;
        if (unitText.Length > 0)
        {
            var unit = Array.FindIndex(Units, u => string.Equals(u.Unit, unitText, StringComparison.Ordinal));
            if (unit < 0)
                return false;
            multiplier = Units[unit].Multiplier;
            hasUnit = multiplier != 1;
        }

        var numberError = ParseNumber(number, hasUnit, out var value);
        if (numberError is not null)
        {
            errorKey = numberError;
            return false;
        }
        value *= multiplier;
        if (value > long.MaxValue)
            return false;
        if (negative && value > 0)
        {
            errorKey = ImportErrors.MoneyNegative;
            return false;
        }
        if (value != decimal.Truncate(value))
        {
            errorKey = !hasUnit && value < 1_000 ? ImportErrors.MoneyAmbiguous : ImportErrors.MoneyFraction;
            return false;
        }
        rupiah = (long)value;
        errorKey = null;
        return true;
    }

    private static string StripSign(string s, ref bool negative)
    {
        if (s.StartsWith('-'))
        {
            negative = true;
            return s[1..].TrimStart();
        }
        return s;
    }

    /// <summary>Digits with '.' / ',' / ' ' separators → a value, or an error key.</summary>
    private static string? ParseNumber(string number, bool hasUnit, out decimal value)
    {
        value = 0;
        if (number.Length is 0 or > 40)
            return ImportErrors.Money;
        if (number.Contains(' ', StringComparison.Ordinal))
        {
            // "1 500 000": spaces as thousands separators, in groups of three only.
            var groups = number.Split(' ');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3) || !groups.All(g => g.All(char.IsAsciiDigit)))
                return ImportErrors.Money;
            number = string.Concat(groups);
        }
        if (!char.IsAsciiDigit(number[0]) || !char.IsAsciiDigit(number[^1]))
            return ImportErrors.Money;

        var dots = number.Count(c => c == '.');
        var commas = number.Count(c => c == ',');
        char? decimalSeparator = null;
        char? thousandsSeparator = null;
        if (dots > 0 && commas > 0)
        {
            decimalSeparator = number.LastIndexOf('.') > number.LastIndexOf(',') ? '.' : ',';
            thousandsSeparator = decimalSeparator == '.' ? ',' : '.';
            if ((decimalSeparator == '.' ? dots : commas) > 1)
                return ImportErrors.Money;
        }
        else if (dots + commas > 1)
        {
            thousandsSeparator = dots > 0 ? '.' : ',';
        }
        else if (dots + commas == 1)
        {
            var separator = dots > 0 ? '.' : ',';
            var at = number.IndexOf(separator, StringComparison.Ordinal);
            if (number.Length - at - 1 == 3)
            {
                if (at > 3 || number[0] == '0' || (separator == ',' && hasUnit))
                    return ImportErrors.MoneyAmbiguous;
                thousandsSeparator = separator;
            }
            else
            {
                decimalSeparator = separator;
            }
        }

        var decimalAt = decimalSeparator is { } d ? number.LastIndexOf(d) : number.Length;
        var integerPart = number[..decimalAt];
        var fractionPart = decimalAt < number.Length ? number[(decimalAt + 1)..] : string.Empty;
        if (thousandsSeparator is { } t)
        {
            var groups = integerPart.Split(t);
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
                return ImportErrors.Money;
            integerPart = string.Concat(groups);
        }
        if (integerPart.Length == 0 || !integerPart.All(char.IsAsciiDigit) || !fractionPart.All(char.IsAsciiDigit)
            || integerPart.TrimStart('0').Length > 18)
            return ImportErrors.Money;
        if (fractionPart.Length > 18)
            fractionPart = fractionPart[..18];
        value = decimal.Parse(fractionPart.Length > 0 ? $"{integerPart}.{fractionPart}" : integerPart,
            NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return null;
    }
}
