using System.Globalization;
using System.Text;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// Filter values as tokens (category, halal, district, sentra, availability), written with each entry
/// (<see cref="CatalogEntry.Facets"/>) and read into the <see cref="CatalogTable"/>, where each token
/// stands for the set of entries that carry it. The full-text index does not hold them (decision 14),
/// so a typed word never matches a filter.
/// </summary>
public static class CatalogFacets
{
    public static string Category(string code) => "zc" + Clean(code) + "0";
    public const string Halal = "zh1";
    public static string District(string code) => "zd" + new string(code.Where(char.IsAsciiDigit).ToArray()) + "0";
    public static string Sentra(int clusterId) => "zs" + clusterId.ToString(CultureInfo.InvariantCulture);
    public static string Availability(Availability availability) => "za" + ((int)availability).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The name as the catalog sorts it: lower-case ASCII letters and digits only, without diacritics
    /// or spaces, so every database and .NET order it the same way.
    /// </summary>
    public static string NameKey(string name)
    {
        var key = new StringBuilder(Math.Min(name.Length, 100));
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower)) key.Append(lower);
            if (key.Length == 100) break;
        }
        return key.ToString();
    }

    /// <summary>Every filter token of one entry, space-separated.</summary>
    public static string Of(string category, HalalStatus halal, string districtCode, IEnumerable<int> sentra, Availability availability)
    {
        var tokens = new List<string> { Category(category), District(districtCode), Availability(availability) };
        if (halal == HalalStatus.Certified) tokens.Add(Halal);
        tokens.AddRange(sentra.Distinct().Order().Select(Sentra));
        return string.Join(' ', tokens);
    }

    private static string Clean(string code) => new(code.ToLowerInvariant().Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)).ToArray());
}
