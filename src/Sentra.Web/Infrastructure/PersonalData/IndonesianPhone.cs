namespace Sentra.Web.Infrastructure.PersonalData;

/// <summary>
/// Normalises Indonesian phone numbers to E.164 (<c>+628123456789</c>). Accepts what people and
/// spreadsheets write: <c>0812-3456-7890</c>, <c>62812…</c>, <c>+62 812…</c>, <c>812…</c>.
/// </summary>
public static class IndonesianPhone
{
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return false;
        var trimmed = input.Trim();
        var plus = trimmed.StartsWith('+');
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        // Only separators may surround the digits.
        if (trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.' or '(' or ')' or '+'))) return false;
        if (plus && !digits.StartsWith("62", StringComparison.Ordinal)) return false;
        string national;
        if (digits.StartsWith("62", StringComparison.Ordinal)) national = digits[2..];
        else if (digits.StartsWith('0')) national = digits[1..];
        else if (digits.StartsWith('8')) national = digits;
        else return false;
        // Mobile numbers are 8 + 8–11 digits; landlines (area code + number) 8–11 digits, not starting with 0.
        if (national.Length is < 8 or > 12 || national.StartsWith('0')) return false;
        normalized = "+62" + national;
        return true;
    }

    /// <summary>Whether the text looks like a phone number rather than an e-mail address.</summary>
    public static bool LooksLikePhone(string? input) =>
        !string.IsNullOrWhiteSpace(input) && !input.Contains('@', StringComparison.Ordinal) && input.Any(char.IsAsciiDigit);
}
