using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>How many entries each price bucket and each name bucket holds, in sort order.</summary>
public sealed record BucketCounts(IReadOnlyDictionary<int, int> Prices, IReadOnlyList<(string Token, int Entries)> Names);

/// <summary>
/// The sizes of the sort buckets (<see cref="CatalogFacets"/>), read with two grouped index scans and
/// kept in memory (<see cref="Snapshot{T}"/>): read again when this instance changes the index,
/// refreshed in the background after <see cref="MaxAge"/>. Sizes only decide how many buckets one
/// query asks for and whether a price range is narrow. Price buckets are walked as a range of numbers,
/// so none is ever missed; a name bucket that another instance created since the last refresh is not
/// yet listed, so its products can be missing from a broad search sorted by name for about
/// <see cref="MaxAge"/> — the same lag the output cache has.
/// </summary>
public sealed class SortBuckets(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SortBuckets> logger) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Snapshot<BucketCounts> _snapshot = new(scopes, clock, logger, MaxAge, ReadAsync);

    public void Invalidate() => _snapshot.Invalidate();

    public void Dispose() => _snapshot.Dispose();

    public Task<BucketCounts> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => _snapshot.GetAsync(db, cancellationToken);

    private static async Task<BucketCounts> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var prices = await db.CatalogEntries.AsNoTracking().GroupBy(e => e.PriceRp)
            .Select(g => new { Price = g.Key, Entries = g.Count() }).ToListAsync(cancellationToken);
        var names = await db.CatalogEntries.AsNoTracking().GroupBy(e => e.NameKey.Substring(0, CatalogFacets.NameBucketLength))
            .Select(g => new { Prefix = g.Key, Entries = g.Count() }).ToListAsync(cancellationToken);
        return new BucketCounts(
            prices.GroupBy(p => CatalogFacets.PriceBucket(p.Price)).ToDictionary(g => g.Key, g => g.Sum(p => p.Entries)),
            names.Select(n => (Token: CatalogFacets.NameBucket(n.Prefix), n.Entries)).OrderBy(n => n.Token, StringComparer.Ordinal).ToList());
    }
}
