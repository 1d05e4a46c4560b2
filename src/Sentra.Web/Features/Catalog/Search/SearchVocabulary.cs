using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// The full-text index's own vocabulary — every word it holds and in how many entries — read from
/// SQLite's <c>fts5vocab</c> table or PostgreSQL's <c>ts_stat</c>, kept in memory for spelling
/// correction (<see cref="Snapshot{T}"/>). It is read when a search first finds nothing, read again
/// when this instance changes the index, and refreshed in the background after <see cref="MaxAge"/>
/// so changes made by other instances arrive too.
/// </summary>
public sealed class SearchVocabulary(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchVocabulary> logger) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly Snapshot<SpellingCorrector> _snapshot =
        new(scopes, clock, logger, MaxAge, async (db, cancellationToken) => new SpellingCorrector(await ReadAsync(db, cancellationToken)));

    public void Invalidate() => _snapshot.Invalidate();

    public void Dispose() => _snapshot.Dispose();

    public Task<SpellingCorrector> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => _snapshot.GetAsync(db, cancellationToken);

    private static async Task<List<(string, int)>> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql()
            ? """SELECT word AS "Term", ndoc AS "Documents" FROM ts_stat('SELECT "SearchVector" FROM "CatalogVectors"')"""
            : """SELECT term AS "Term", doc AS "Documents" FROM catalog_fts_vocab""";
        var rows = await db.Database.SqlQueryRaw<VocabularyRow>(sql).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Term, r.Documents)).ToList();
    }

    private sealed class VocabularyRow
    {
        public string Term { get; set; } = "";
        public int Documents { get; set; }
    }
}
