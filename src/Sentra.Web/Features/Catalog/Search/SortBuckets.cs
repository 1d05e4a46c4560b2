using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>How many entries each price bucket and each name bucket holds, in sort order.</summary>
public sealed record BucketCounts(IReadOnlyDictionary<int, int> Prices, IReadOnlyList<(string Token, int Entries)> Names);

/// <summary>
/// The sizes of the sort buckets (<see cref="CatalogFacets"/>), read with two grouped index scans and
/// kept for <see cref="MaxAge"/>; dropped when this instance changes the index. Sizes only decide how
/// many buckets one query asks for. Price buckets are walked as a range of numbers, so none is ever
/// missed; a name bucket that another instance created in the last <see cref="MaxAge"/> is not yet
/// listed, so its products can be missing from a broad search sorted by name for that long — the
/// same lag the output cache has.
/// </summary>
public sealed class SortBuckets(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private BucketCounts? _counts;
    private DateTimeOffset _loadedAt;
    private int _generation;
    private int _loadedGeneration = -1;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _loading.Dispose();

    public async Task<BucketCounts> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } ready) return ready;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } loaded) return loaded;
            var generation = Volatile.Read(ref _generation);
            var prices = await db.CatalogEntries.AsNoTracking().GroupBy(e => e.PriceRp)
                .Select(g => new { Price = g.Key, Entries = g.Count() }).ToListAsync(cancellationToken);
            var names = await db.CatalogEntries.AsNoTracking().GroupBy(e => e.NameKey.Substring(0, CatalogFacets.NameBucketLength))
                .Select(g => new { Prefix = g.Key, Entries = g.Count() }).ToListAsync(cancellationToken);
            _counts = new BucketCounts(
                prices.GroupBy(p => CatalogFacets.PriceBucket(p.Price)).ToDictionary(g => g.Key, g => g.Sum(p => p.Entries)),
                names.Select(n => (Token: CatalogFacets.NameBucket(n.Prefix), n.Entries)).OrderBy(n => n.Token, StringComparer.Ordinal).ToList());
            _loadedAt = clock.GetUtcNow();
            _loadedGeneration = generation;
            return _counts;
        }
        finally
        {
            _loading.Release();
        }
    }

    private BucketCounts? Fresh() =>
        _counts is { } c && _loadedGeneration == Volatile.Read(ref _generation) && clock.GetUtcNow() - _loadedAt < MaxAge ? c : null;
}
