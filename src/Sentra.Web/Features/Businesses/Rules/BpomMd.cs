namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>BPOM registration for domestic processed food: "MD" and 12 digits, valid 5 years.</summary>
public static class BpomMd
{
    public const int DigitCount = 12;
    public const int ValidityYears = 5;

    // Longest first; labels print "BPOM RI MD 123456789012".
    private static readonly string[] Prefixes = ["BPOMRI", "BPOM"];

    /// <summary>Accepts any case and spacing, with an optional "BPOM RI" prefix; stores <c>MD123456789012</c>.</summary>
    public static IdentifierCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentifierCheck.Invalid("Bpom.Required");
        }

        var text = IdentifierText.RemoveWhitespace(input).ToUpperInvariant();
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        var valid = text.Length == 2 + DigitCount
            && text.StartsWith("MD", StringComparison.Ordinal)
            && IdentifierText.AllAsciiDigits(text[2..]);
        return valid ? IdentifierCheck.Valid(text) : IdentifierCheck.Invalid("Bpom.Format");
    }

    public static DateOnly Expiry(DateOnly issued) => issued.AddYears(ValidityYears);
}
