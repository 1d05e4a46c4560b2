using System.Text;
using System.Text.RegularExpressions;

namespace Sentra.Web.Features.Businesses.Rules;

/// <summary>Text clean-up shared by the identifier rules.</summary>
internal static partial class IdentifierText
{
    /// <summary>
    /// Excel shows long numbers as <c>3.27611E+15</c> (or <c>3,27611E+15</c> in an Indonesian locale);
    /// the trailing digits are already lost, so such input must be rejected, never expanded.
    /// </summary>
    public static bool LooksLikeScientificNotation(string text) =>
        text.Contains("E+", StringComparison.OrdinalIgnoreCase) || ScientificNumber().IsMatch(text);

    /// <summary>Removes every whitespace character, including the no-break spaces spreadsheets paste.</summary>
    public static string RemoveWhitespace(string text) => Remove(text, char.IsWhiteSpace);

    public static string Remove(string text, Func<char, bool> unwanted)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!unwanted(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public static bool AllAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"^\s*[0-9]+([.,][0-9]+)?\s*[eE]\s*[+]?\s*[0-9]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificNumber();
}
