using Sentra.Web.Features.Catalog.Search;

namespace Sentra.Tests.Catalog;

/// <summary>
/// The in-memory side of a search: sets of entries intersected, counted and cut into pages in the
/// catalog's order (the search tests compare it with the database's own full-text queries on real data).
/// </summary>
public sealed class CatalogTableTests
{
    private static readonly TableEntry[] Entries =
    [
        new(5, 9_000, "keripik", "zcchips0 za1 zh1"),
        new(1, 15_000, "keripikbalado", "zcchips0 za1 zp190 zn200"),
        new(3, 15_000, "Keripik", "zcchips0 za2 zh1"), // name keys are lower-case; an upper-case one sorts by ordinal order
        new(2, 9_000, "dodolbetawi", "zcsweets0 za1 zh1 zs7"),
        new(4, 30_000, "abon", "zcsnacks0 za1 zs7"),
    ];

    private static readonly CatalogTable Table = new(Entries, wordBudget: 1 << 20);

    private static List<int> Page(CatalogSort sort, int skip = 0, int take = 20, long? min = null, long? max = null, params string[] tokens) =>
        Table.Page(Table.Match([.. tokens.Select(Table.Token)], min, max), sort, null, skip, take);

    [Fact]
    public void Newest_is_the_highest_product_id_first() => Assert.Equal([5, 4, 3, 2, 1], Page(CatalogSort.Newest));

    [Fact]
    public void Best_match_puts_entries_whose_names_hold_every_word_first_then_newest_first()
    {
        var named = new[] { Table.Of([2, 4, 9]), Table.Of([2, 4, 5]) };   // 9 has no entry
        var all = Table.Match([], null, null);
        Assert.Equal([4, 2, 5, 3, 1], Table.Page(all, CatalogSort.Relevance, named, 0, 20));
        Assert.Equal([2, 5], Table.Page(all, CatalogSort.Relevance, named, 1, 2));
        Assert.Equal([5, 4, 3, 2, 1], Table.Page(all, CatalogSort.Relevance, null, 0, 20));
    }

    [Fact]
    public void Price_order_breaks_ties_by_product_both_ways()
    {
        Assert.Equal([2, 5, 1, 3, 4], Page(CatalogSort.PriceLow));
        Assert.Equal([4, 3, 1, 5, 2], Page(CatalogSort.PriceHigh));
    }

    [Fact]
    public void Name_order_is_ordinal_with_ties_by_product() => Assert.Equal([3, 4, 2, 5, 1], Page(CatalogSort.Name));

    [Fact]
    public void Pages_are_cut_after_sorting()
    {
        Assert.Equal([5, 1], Page(CatalogSort.PriceLow, skip: 1, take: 2));
        Assert.Empty(Page(CatalogSort.PriceLow, skip: 5, take: 2));
        Assert.Equal([5], Page(CatalogSort.PriceHigh, skip: 2, take: 1, tokens: "zcchips0"));
    }

    [Fact]
    public void Filters_intersect_and_prices_bound_the_matches()
    {
        Assert.Equal([5, 3], Page(CatalogSort.Newest, tokens: ["zcchips0", "zh1"]));
        Assert.Equal([2], Page(CatalogSort.Newest, tokens: ["zs7", "zh1"]));
        Assert.Empty(Page(CatalogSort.Newest, tokens: ["zs7", "zcchips0"]));
        Assert.Empty(Page(CatalogSort.Newest, tokens: "zcunknown0"));
        // Sort buckets in the facet column are not filters.
        Assert.Same(EntrySet.Empty, Table.Token("zp190"));
        foreach (var sort in Enum.GetValues<CatalogSort>())
        {
            Assert.Equal([1, 3], Page(sort, min: 10_000, max: 20_000, tokens: "zcchips0").Order());
            Assert.Equal([1, 3, 4], Page(sort, min: 10_000).Order());
            Assert.Equal([1, 2, 3, 5], Page(sort, max: 15_000).Order());
            Assert.Empty(Page(sort, min: 9_001, max: 14_999));
        }
        Assert.Equal(2, Table.Match([Table.Token("zcchips0")], 10_000, 20_000).Count);
        Assert.Equal(3, Table.Match([], 10_000, null).Count);
        Assert.Equal([4, 3, 1], Page(CatalogSort.PriceHigh, min: 10_000));
        Assert.Equal([3, 4, 1], Page(CatalogSort.Name, min: 10_000));
    }

    [Fact]
    public void Many_matches_walk_the_order_and_few_are_sorted_with_the_same_pages()
    {
        // 3,000 entries: a set of nearly all of them walks the price and name orders, a small one sorts its own;
        // "zs9" (30 entries) is too small for a bitmap, so it is looked up in the others entry by entry.
        var entries = Enumerable.Range(1, 3000).Select(i => new TableEntry(i, 1000 + i * 7919 % 500,
            "n" + (i * 31 % 997).ToString("000", System.Globalization.CultureInfo.InvariantCulture),
            "zcchips0" + (i % 3 == 0 ? " zh1" : "") + (i % 100 == 7 ? " zs9" : ""))).ToList();
        var table = new CatalogTable(entries, 0);
        Assert.Null(table.Token("zs9").Bits);
        Assert.NotNull(table.Token("zh1").Bits);
        string[][] filters = [["zcchips0"], ["zh1"], ["zh1", "zcchips0"], ["zs9"], ["zs9", "zh1"]];
        foreach (var tokens in filters)
            foreach (var sort in Enum.GetValues<CatalogSort>())
                foreach (var (min, max) in new (long?, long?)[] { (null, null), (1200, 1300), (null, 1010) })
                {
                    var expected = entries.Where(e => tokens.All(t => e.Facets.Split(' ').Contains(t)))
                        .Where(e => e.PriceRp >= (min ?? 0) && e.PriceRp <= (max ?? long.MaxValue));
                    var ordered = (sort switch
                    {
                        CatalogSort.PriceLow => expected.OrderBy(e => e.PriceRp).ThenBy(e => e.ProductId),
                        CatalogSort.PriceHigh => expected.OrderByDescending(e => e.PriceRp).ThenByDescending(e => e.ProductId),
                        CatalogSort.Name => expected.OrderBy(e => e.NameKey, StringComparer.Ordinal).ThenBy(e => e.ProductId),
                        _ => expected.OrderByDescending(e => e.ProductId),
                    }).Select(e => e.ProductId).ToList();
                    var matches = table.Match([.. tokens.Select(table.Token)], min, max);
                    Assert.Equal(ordered.Count, matches.Count);
                    foreach (var skip in new[] { 0, 20, 980 })
                        Assert.Equal(ordered.Skip(skip).Take(20), table.Page(matches, sort, null, skip, 20));
                }
    }

    [Fact]
    public async Task Word_sets_are_read_once_and_kept_within_the_budget()
    {
        var reads = 0;
        Task<IReadOnlyCollection<int>> Read(int[] ids) { reads++; return Task.FromResult<IReadOnlyCollection<int>>(ids); }
        var first = await Table.WordAsync("t keripik", () => Read([5, 1, 42]));   // 42 has no entry
        var again = await Table.WordAsync("t keripik", () => Read([5, 1, 42]));
        Assert.Equal([0, 4], first.Positions);
        Assert.Same(first, again);
        Assert.Equal(1, reads);

        var small = new CatalogTable(Entries, wordBudget: 0);
        await small.WordAsync("t keripik", () => Read([5]));
        await small.WordAsync("t keripik", () => Read([5]));
        Assert.Equal(3, reads);
    }

    [Fact]
    public void Sets_answer_membership_with_and_without_a_bitmap()
    {
        var sparse = new EntrySet([3, 70, 900], 100_000);
        var dense = new EntrySet([.. Enumerable.Range(0, 5000).Select(i => i * 3)], 20_000);
        Assert.True(sparse.Contains(70));
        Assert.False(sparse.Contains(71));
        Assert.True(dense.Contains(14_997));
        Assert.False(dense.Contains(14_998));
        Assert.True(dense.Bytes > sparse.Bytes);
    }
}
