using System.Globalization;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

public enum CatalogSort
{
    Relevance,
    PriceLow,
    PriceHigh,
    Name,
    Newest,
}

/// <summary>
/// A catalog search as it arrives in the URL of the plain GET form: every value optional, every
/// value forgiving. Unknown or malformed values are ignored rather than refused, so a shared or
/// hand-edited link always shows a page.
/// </summary>
public sealed record CatalogQuery
{
    public const int PageSize = 20;
    /// <summary>Counts are shown up to here ("1,000+ products"), and pages reach this far.</summary>
    public const int MaxCount = 1000;
    public const int MaxPage = MaxCount / PageSize;

    public string? Text { get; init; }
    public string? Category { get; init; }
    public bool HalalOnly { get; init; }
    public long? MinPrice { get; init; }
    public long? MaxPrice { get; init; }
    public string? Sentra { get; init; }
    public string? District { get; init; }
    public Availability? Availability { get; init; }
    public CatalogSort Sort { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>Reads the form's fields: <c>q, category, halal, min, max, sentra, district, availability, sort, page</c>.</summary>
    public static CatalogQuery From(Func<string, string?> field)
    {
        var text = field("q");
        var min = Money(field("min"));
        var max = Money(field("max"));
        if (min is not null && max is not null && min > max) (min, max) = (max, min);
        return new CatalogQuery
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Length > QueryWords.MaxInput ? text[..QueryWords.MaxInput] : text.Trim(),
            Category = Code(field("category"), 40),
            HalalOnly = field("halal") is "1" or "true" or "on",
            MinPrice = min,
            MaxPrice = max,
            Sentra = Code(field("sentra"), 100),
            District = Code(field("district"), 20),
            Availability = Enum.TryParse<Availability>(field("availability"), ignoreCase: true, out var a)
                           && a != Products.Availability.Discontinued && Enum.IsDefined(a) && !int.TryParse(field("availability"), out _) ? a : null,
            Sort = Enum.TryParse<CatalogSort>(field("sort"), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(field("sort"), out _)
                ? s : CatalogSort.Relevance,
            Page = int.TryParse(field("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, MaxPage) : 1,
        };
    }

    /// <summary>Whole Rupiah from <c>15000</c>, <c>15.000</c>, <c>15,000</c> or <c>Rp 15.000</c>; anything else is no bound.</summary>
    public static long? Money(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 30) return null;
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 || digits.Length > 12 || value.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ',' or ' ' or 'R' or 'p' or 'r' or 'P')))
            return null;
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static string? Code(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        return value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') ? value : null;
    }

    /// <summary>The query string of this search (for links to other pages of it), without empty values.</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields(int? page = null)
    {
        if (Text is not null) yield return new("q", Text);
        if (Category is not null) yield return new("category", Category);
        if (HalalOnly) yield return new("halal", "1");
        if (MinPrice is { } min) yield return new("min", min.ToString(CultureInfo.InvariantCulture));
        if (MaxPrice is { } max) yield return new("max", max.ToString(CultureInfo.InvariantCulture));
        if (Sentra is not null) yield return new("sentra", Sentra);
        if (District is not null) yield return new("district", District);
        if (Availability is { } a) yield return new("availability", a.ToString());
        if (Sort != CatalogSort.Relevance) yield return new("sort", Sort.ToString());
        if ((page ?? Page) > 1) yield return new("page", (page ?? Page).ToString(CultureInfo.InvariantCulture));
    }
}
