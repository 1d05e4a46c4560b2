namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>Nomor Induk Berusaha: 13 digits issued by OSS-RBA (PP 28/2025).</summary>
public static class Nib
{
    public const int Length = 13;

    /// <summary>Accepts spaces, dots and dashes between digit groups; stores bare digits.</summary>
    public static IdentifierCheck Check(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdentifierCheck.Invalid("Nib.Required");
        }
        if (IdentifierText.LooksLikeScientificNotation(input))
        {
            return IdentifierCheck.Invalid("Nib.ScientificNotation");
        }

        var nib = IdentifierText.Remove(input, c => char.IsWhiteSpace(c) || c is '.' or '-');
        if (!IdentifierText.AllAsciiDigits(nib))
        {
            return IdentifierCheck.Invalid("Nib.Digits");
        }
        return nib.Length == Length ? IdentifierCheck.Valid(nib) : IdentifierCheck.Invalid("Nib.Length");
    }
}
