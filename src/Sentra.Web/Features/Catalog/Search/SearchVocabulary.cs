using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// The full-text index's own vocabulary — every word it holds and in how many entries — read from
/// SQLite's <c>fts5vocab</c> table or PostgreSQL's <c>ts_stat</c>, kept in memory for spelling
/// correction. It is read only when a search finds nothing, dropped when this instance changes the
/// index, and re-read after <see cref="MaxAge"/> so changes made by other instances arrive too.
/// </summary>
public sealed class SearchVocabulary(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private SpellingCorrector? _corrector;
    private DateTimeOffset _loadedAt;
    private int _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose() => _loading.Dispose();

    public async Task<SpellingCorrector> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var generation = Volatile.Read(ref _generation);
        if (Fresh(generation) is { } ready) return ready;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            generation = Volatile.Read(ref _generation);
            if (Fresh(generation) is { } loaded) return loaded;
            var terms = await ReadAsync(db, cancellationToken);
            var corrector = new SpellingCorrector(terms);
            _loadedAt = clock.GetUtcNow();
            _corrector = corrector;
            _loadedGeneration = generation;
            return corrector;
        }
        finally
        {
            _loading.Release();
        }
    }

    private int _loadedGeneration = -1;

    private SpellingCorrector? Fresh(int generation) =>
        _corrector is { } c && _loadedGeneration == generation && clock.GetUtcNow() - _loadedAt < MaxAge ? c : null;

    private static async Task<List<(string, int)>> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? """SELECT word AS "Term", ndoc AS "Documents" FROM ts_stat('SELECT "SearchVector" FROM "CatalogVectors"')"""
            : """SELECT term AS "Term", doc AS "Documents" FROM catalog_fts_vocab""";
        var rows = await db.Database.SqlQueryRaw<VocabularyRow>(sql).ToListAsync(cancellationToken);
        return rows.Where(r => !CatalogFacets.IsToken(r.Term)).Select(r => (r.Term, r.Documents)).ToList();
    }

    private sealed class VocabularyRow
    {
        public string Term { get; set; } = "";
        public int Documents { get; set; }
    }
}
