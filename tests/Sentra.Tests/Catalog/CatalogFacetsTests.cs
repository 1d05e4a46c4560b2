using Sentra.Web.Features.Catalog.Search;
using Sentra.Web.Features.Products;

namespace Sentra.Tests.Catalog;

/// <summary>Filter and sort-bucket tokens: stable, never query syntax, and in the same order as what they stand for.</summary>
public sealed class CatalogFacetsTests
{
    [Fact]
    public void Price_buckets_never_go_down_as_the_price_goes_up()
    {
        long[] prices = [0, 1, 2, 500, 999, 1000, 1001, 4999, 5000, 12500, 15000, 15001, 99_500, 1_000_000, 250_000_000, 999_999_999_999];
        var buckets = prices.Select(CatalogFacets.PriceBucket).ToList();
        Assert.Equal(buckets.Order().ToList(), buckets);
        Assert.All(buckets, b => Assert.InRange(b, 0, CatalogFacets.MaxPriceBucket));
        // Buckets are 5% wide: Rp 15.000 and Rp 15.500 share one, Rp 15.000 and Rp 20.000 do not.
        Assert.Equal(CatalogFacets.PriceBucket(15_000), CatalogFacets.PriceBucket(15_500));
        Assert.NotEqual(CatalogFacets.PriceBucket(15_000), CatalogFacets.PriceBucket(20_000));
        // Tokens of a fixed width sort like their numbers.
        var tokens = buckets.Select(CatalogFacets.Price).ToList();
        Assert.Equal(tokens.Order(StringComparer.Ordinal).ToList(), tokens);
    }

    [Fact]
    public void Name_keys_drop_case_diacritics_spaces_and_signs()
    {
        Assert.Equal("keripiksingkongbalado250g", CatalogFacets.NameKey("Keripik Singkong Balado 250 g"));
        Assert.Equal("cafekopitubruk", CatalogFacets.NameKey("Café “Kopi” Tubruk!"));
        Assert.Equal("", CatalogFacets.NameKey("🍌 —"));
        Assert.Equal(100, CatalogFacets.NameKey(new string('a', 500)).Length);
    }

    [Fact]
    public void Name_bucket_tokens_sort_like_the_names_they_hold()
    {
        var random = new Random(7);
        const string letters = "0123456789abcdefghijklmnopqrstuvwxyz";
        var keys = Enumerable.Range(0, 3000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => letters[random.Next(random.Next(2) == 0 ? 3 : letters.Length)]).ToArray()))
            .Concat(["", "a", "ab", "abc", "abc0", "abc00", "abca", "keripik", "keripiksingkong", "keripiksingkongbaladoekstrapedas250g"])
            .ToList();
        var byKey = keys.Order(StringComparer.Ordinal).ToList();
        var tokens = byKey.Select(CatalogFacets.NameBucket).ToList();
        Assert.Equal(tokens.Order(StringComparer.Ordinal).ToList(), tokens);
    }

    [Fact]
    public void Every_token_is_letters_and_digits_ending_in_a_digit_and_is_known_as_a_token()
    {
        var facets = CatalogFacets.Of("frozen-food", HalalStatus.Certified, "32.76.11", [3, 12, 3], Availability.PreOrder, 15_000,
            CatalogFacets.NameKey("Cireng Isi Ayam"));
        var tokens = facets.Split(' ');
        Assert.Equal(["zcfrozenfood0", "zd3276110", "za2", CatalogFacets.Price(CatalogFacets.PriceBucket(15_000)), "zn" + "12182714231618281810341022" + "0", "zh1", "zs3", "zs12"],
            tokens);
        Assert.All(tokens, t =>
        {
            Assert.Matches("^[a-z0-9]+[0-9]$", t);
            Assert.True(CatalogFacets.IsToken(t), t);
        });
        // Words a visitor types are not tokens, so spelling correction never offers one.
        Assert.All(["keripik", "zebra", "z3", "250g", "kopi2"], w => Assert.False(CatalogFacets.IsToken(w), w));
        // No halal certificate, no sentra: no such tokens.
        Assert.DoesNotContain("zh1", CatalogFacets.Of("snacks", HalalStatus.InProcess, "32.76.11", [], Availability.ReadyStock, 5000, "x"));
    }
}

public sealed class CatalogSortUnitsTests
{
    private static bool Covers(string term, string token) => term.EndsWith('*') ? token.StartsWith(term[..^1], StringComparison.Ordinal) : token == term;

    [Fact]
    public void Name_units_cover_every_name_once_in_name_order_and_list_their_buckets()
    {
        var random = new Random(11);
        const string letters = "0123456789abcdefghijklmnopqrstuvwxyz";
        var keys = Enumerable.Range(0, 5000)
            .Select(_ => random.Next(3) == 0 ? "keripik" + new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => letters[random.Next(letters.Length)]).ToArray())
                : new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => letters[random.Next(letters.Length)]).ToArray()))
            .Concat(["", "0", "00", "k", "ke", "k0"]).ToList();
        var counted = keys.GroupBy(CatalogFacets.NameBucket).Select(g => (Token: g.Key, Entries: g.Count())).OrderBy(t => t.Token, StringComparer.Ordinal).ToList();
        var units = CatalogFacets.NameUnits(counted);
        Assert.Equal(keys.Count, units.Sum(u => u.Entries));
        Assert.All(units, u => Assert.Equal(u.Entries, u.Parts.Sum(p => p.Entries) + (u.Parts.Count == 0 ? u.Entries : 0)));
        // Every name — also one never counted — falls in exactly one unit, units follow the name order,
        // and inside a unit its parts do too.
        var ordered = keys.Concat(["kz", "zzzz", "keripikzzzz", "0a"]).Order(StringComparer.Ordinal).ToList();
        var places = ordered.Select(k =>
        {
            var token = CatalogFacets.NameBucket(k);
            var unit = Assert.Single(units.Select((u, i) => (u, i)), x => Covers(x.u.Term, token));
            var part = unit.u.Parts.Select((p, i) => (p, i)).Where(x => x.p.Token == token).Select(x => x.i).DefaultIfEmpty(-1).First();
            return (Unit: unit.i, Part: part);
        }).Where(p => p.Part >= 0 || units[p.Unit].Parts.Count == 0).ToList();
        Assert.Equal(places.OrderBy(p => p.Unit).ThenBy(p => p.Part).ToList(), places);
    }

    [Fact]
    public void Price_units_hold_ten_buckets_each_in_either_direction()
    {
        var counts = new Dictionary<int, int> { [187] = 3, [190] = 5, [199] = 1, [203] = 2 };
        var up = CatalogFacets.PriceUnits(counts, 185, 203, descending: false);
        Assert.Equal(["zp18*", "zp19*", "zp20*"], up.Select(u => u.Term));
        Assert.Equal([3, 6, 2], up.Select(u => u.Entries));
        Assert.Equal(["zp185", "zp186", "zp187", "zp188", "zp189"], up[0].Parts.Select(p => p.Token));
        var down = CatalogFacets.PriceUnits(counts, 185, 203, descending: true);
        Assert.Equal(["zp20*", "zp19*", "zp18*"], down.Select(u => u.Term));
        Assert.Equal(["zp203", "zp202", "zp201", "zp200"], down[0].Parts.Select(p => p.Token));
        Assert.All(up.SelectMany(u => u.Parts.Select(p => (u.Term, p.Token))), x => Assert.True(Covers(x.Term, x.Token)));
    }
}

public sealed class CatalogPriceRangeTests
{
    [Theory]
    [InlineData(188, 203)]
    [InlineData(190, 199)]
    [InlineData(0, 999)]
    [InlineData(211, 211)]
    [InlineData(195, 191)]
    public void Price_range_terms_cover_the_buckets_in_the_range_and_at_most_their_tens(int low, int high)
    {
        var terms = CatalogFacets.PriceRangeTerms(low, high);
        var covered = Enumerable.Range(0, CatalogFacets.MaxPriceBucket + 1)
            .Where(b => terms.Any(t => t.EndsWith('*') ? CatalogFacets.Price(b).StartsWith(t[..^1], StringComparison.Ordinal) : CatalogFacets.Price(b) == t))
            .ToList();
        var wanted = Enumerable.Range(low, Math.Max(0, high - low + 1)).ToList();
        Assert.Subset(covered.ToHashSet(), wanted.ToHashSet());
        Assert.All(covered, b => Assert.InRange(b, low / 10 * 10, high / 10 * 10 + 9));
        Assert.Equal(wanted.Count == 0 ? 0 : high / 10 - low / 10 + 1, terms.Count);
    }
}
