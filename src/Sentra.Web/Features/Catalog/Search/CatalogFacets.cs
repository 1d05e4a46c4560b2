using System.Globalization;
using System.Text;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// Filter values and sort buckets written into the full-text index as tokens of their own, so the
/// database answers "keripik, halal, in this sentra, cheapest first" by intersecting posting lists
/// instead of reading every entry that says "keripik". Tokens are lower-case letters and digits and
/// end in a digit, so neither FTS5's porter stemmer nor PostgreSQL changes them; visitors' words are
/// searched only in the text columns, so a typed word never matches a token.
/// </summary>
/// <summary>
/// A stretch of a sort order: <see cref="Term"/> (a token, or a prefix ending in <c>*</c>) matches
/// every entry in it; <see cref="Parts"/> are its single buckets in order, read one group at a time
/// when the stretch holds too many matches to sort at once.
/// </summary>
public sealed record SortUnit(string Term, int Entries, IReadOnlyList<(string Token, int Entries)> Parts);

public static class CatalogFacets
{
    /// <summary>Price buckets grow by 5%: a page of the cheapest matches comes from one or a few buckets.</summary>
    private static readonly double PriceStep = Math.Log(1.05);
    public const int MaxPriceBucket = 999;
    /// <summary>How much of <see cref="NameKey"/> a name bucket holds; longer names sort inside their bucket.</summary>
    public const int NameBucketLength = 24;

    public static string Category(string code) => "zc" + Clean(code) + "0";
    public const string Halal = "zh1";
    public static string District(string code) => "zd" + new string(code.Where(char.IsAsciiDigit).ToArray()) + "0";
    public static string Sentra(int clusterId) => "zs" + clusterId.ToString(CultureInfo.InvariantCulture);
    public static string Availability(Availability availability) => "za" + ((int)availability).ToString(CultureInfo.InvariantCulture);
    public static string Price(int bucket) => "zp" + bucket.ToString("000", CultureInfo.InvariantCulture);
    /// <summary>
    /// The name bucket: each character of the name key's start as two digits (0–9 → 00–09, a–z → 10–35),
    /// then a closing 0 — digits only, so no stemmer touches it, and ordered as the keys are.
    /// </summary>
    public static string NameBucket(string nameKey)
    {
        var key = nameKey.Length > NameBucketLength ? nameKey[..NameBucketLength] : nameKey;
        return "zn" + string.Concat(key.Select(Pair)) + "0";
    }

    private const string KeyCharacters = "0123456789abcdefghijklmnopqrstuvwxyz";

    private static string Pair(char c) => KeyCharacters.IndexOf(c, StringComparison.Ordinal).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Whether an index term is one of these tokens rather than a word (kept out of spelling correction).</summary>
    public static bool IsToken(string term) =>
        term.Length >= 3 && term[0] == 'z' && "chdsapn".Contains(term[1], StringComparison.Ordinal) && char.IsAsciiDigit(term[^1]);

    /// <summary>The price's bucket: never decreasing with the price, so buckets in order hold prices in order.</summary>
    public static int PriceBucket(long priceRp) =>
        priceRp <= 1 ? 0 : (int)Math.Min(MaxPriceBucket, Math.Floor(Math.Log(priceRp) / PriceStep));

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

    /// <summary>
    /// The name order cut into consecutive units for the bucket-by-bucket sort: the empty name, then
    /// per first character every name starting with it (<c>zn20*</c> for "k…": a four-character
    /// prefix, which the index keeps, so it reads like one token and also covers names not yet
    /// counted), each with its name buckets known in <paramref name="names"/> as parts.
    /// </summary>
    public static List<SortUnit> NameUnits(IReadOnlyList<(string Token, int Entries)> names)
    {
        var empty = NameBucket("");
        var units = new List<SortUnit> { new(empty, names.Where(n => n.Token == empty).Sum(n => n.Entries), []) };
        foreach (var first in KeyCharacters)
        {
            var prefix = "zn" + Pair(first);
            var under = names.Where(n => n.Token.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(n => n.Token, StringComparer.Ordinal).ToList();
            units.Add(new SortUnit(prefix + "*", under.Sum(c => c.Entries), under));
        }
        return units;
    }

    /// <summary>
    /// Terms matching the price buckets <paramref name="low"/> to <paramref name="high"/>: each ten of
    /// buckets they touch as one prefix (<c>zp19*</c>), so a price range is one more intersection in the
    /// index. A superset at the ends: the exact bounds are checked on the entries.
    /// </summary>
    public static List<string> PriceRangeTerms(int low, int high) =>
        Enumerable.Range(Math.Max(0, low) / 10, Math.Max(0, Math.Min(high, MaxPriceBucket) / 10 - Math.Max(0, low) / 10 + 1))
            .Where(_ => high >= low)
            .Select(tens => "zp" + tens.ToString("00", CultureInfo.InvariantCulture) + "*").ToList();

    /// <summary>
    /// The price order from bucket <paramref name="low"/> to <paramref name="high"/> cut into units of
    /// ten buckets (<c>zp19*</c>: a four-character prefix), each with its buckets as parts; every
    /// bucket number is listed, counted or not.
    /// </summary>
    public static List<SortUnit> PriceUnits(IReadOnlyDictionary<int, int> counts, int low, int high, bool descending)
    {
        var units = new List<SortUnit>();
        for (var tens = low / 10; tens <= high / 10; tens++)
        {
            var parts = Enumerable.Range(tens * 10, 10).Where(b => b >= low && b <= high).Select(b => (Price(b), counts.GetValueOrDefault(b))).ToList();
            if (descending) parts.Reverse();
            units.Add(new SortUnit("zp" + tens.ToString("00", CultureInfo.InvariantCulture) + "*", parts.Sum(p => p.Item2), parts));
        }
        if (descending) units.Reverse();
        return units;
    }

    /// <summary>Every token of one entry, space-separated, for the index's facet column.</summary>
    public static string Of(string category, HalalStatus halal, string districtCode, IEnumerable<int> sentra, Availability availability,
        long priceRp, string nameKey)
    {
        var tokens = new List<string> { Category(category), District(districtCode), Availability(availability), Price(PriceBucket(priceRp)), NameBucket(nameKey) };
        if (halal == HalalStatus.Certified) tokens.Add(Halal);
        tokens.AddRange(sentra.Distinct().Order().Select(Sentra));
        return string.Join(' ', tokens);
    }

    private static string Clean(string code) => new(code.ToLowerInvariant().Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)).ToArray());
}
