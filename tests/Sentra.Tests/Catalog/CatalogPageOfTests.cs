using Sentra.Web.Features.Catalog.Search;

namespace Sentra.Tests.Catalog;

/// <summary>
/// A search with few matches is paged in memory from one read of the index (PostgreSQL): the order must
/// be the catalog's order in every sort (the bucket-sort tests compare it with the database's on real data).
/// </summary>
public sealed class CatalogPageOfTests
{
    private static readonly MatchKey[] Matches =
    [
        new(1, 15_000, "keripikbalado", Named: false),
        new(2, 9_000, "dodolbetawi", Named: true),
        new(3, 15_000, "Keripik", Named: false), // name keys are lower-case; an upper-case one sorts by ordinal order
        new(4, 30_000, "abon", Named: true),
        new(5, 9_000, "keripik", Named: false),
    ];

    [Fact]
    public void Best_match_puts_names_holding_every_word_first_then_newest_first() =>
        Assert.Equal([4, 2, 5, 3, 1], CatalogSearch.PageOf(Matches, CatalogSort.Relevance, 0, 20));

    [Fact]
    public void Newest_ignores_names() =>
        Assert.Equal([5, 4, 3, 2, 1], CatalogSearch.PageOf(Matches.Select(m => m with { Named = false }), CatalogSort.Newest, 0, 20));

    [Fact]
    public void Price_order_breaks_ties_by_product_both_ways()
    {
        Assert.Equal([2, 5, 1, 3, 4], CatalogSearch.PageOf(Matches, CatalogSort.PriceLow, 0, 20));
        Assert.Equal([4, 3, 1, 5, 2], CatalogSearch.PageOf(Matches, CatalogSort.PriceHigh, 0, 20));
    }

    [Fact]
    public void Name_order_is_ordinal_with_ties_by_product() =>
        Assert.Equal([3, 4, 2, 5, 1], CatalogSearch.PageOf(Matches, CatalogSort.Name, 0, 20));

    [Fact]
    public void Pages_are_cut_after_sorting()
    {
        Assert.Equal([5, 1], CatalogSearch.PageOf(Matches, CatalogSort.PriceLow, 1, 2));
        Assert.Empty(CatalogSearch.PageOf(Matches, CatalogSort.PriceLow, 5, 2));
    }

    [Fact]
    public void Price_share_counts_the_buckets_in_the_range()
    {
        var prices = new Dictionary<int, int> { [180] = 10, [190] = 30, [200] = 60 };
        Assert.Equal(0.9, CatalogSearch.Share(prices, 185, 200), 3);
        Assert.Equal(0.0, CatalogSearch.Share(prices, 201, 300), 3);
        Assert.Equal(0.0, CatalogSearch.Share(new Dictionary<int, int>(), 0, 999), 3);
    }
}
