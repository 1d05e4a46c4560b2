using System.Globalization;
using System.Text;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// Turns whatever a visitor typed into at most <see cref="MaxWords"/> lower-case words of letters
/// and digits, without diacritics. Everything else (quotes, operators, markup, control characters)
/// is a separator, so no input can change the meaning of the database's query syntax.
/// </summary>
public static class QueryWords
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 40;
    /// <summary>Longer input is cut before it is looked at: a search box is not an essay.</summary>
    public const int MaxInput = 200;

    public static IReadOnlyList<string> Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.Length > MaxInput) text = text[..MaxInput];
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
            {
                if (current.Length < MaxWordLength) current.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0 && words.Count < MaxWords && !words.Contains(current.ToString())) words.Add(current.ToString());
            current.Clear();
        }
    }
}
