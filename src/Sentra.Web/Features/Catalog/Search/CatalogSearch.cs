using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

public sealed record CatalogHit(int ProductId, string Name, string? NameEn, long PriceRp, HalalStatus HalalStatus,
    Availability Availability, int? PhotoId, int BusinessId, string BusinessName, bool OpenNow);

public sealed record CatalogResults(CatalogQuery Query, IReadOnlyList<CatalogHit> Hits, int Total, string? CorrectedText)
{
    public int Pages => Math.Clamp((Total + CatalogQuery.PageSize - 1) / CatalogQuery.PageSize, 1, CatalogQuery.MaxPage);
    /// <summary>More matches than were counted: shown as "1,000+".</summary>
    public bool Capped => Total > CatalogQuery.MaxCount;
}

public sealed record CatalogChoices(IReadOnlyList<(int Id, string Slug, string Name)> Sentra, IReadOnlyList<(string Code, string Name)> Districts);

/// <summary>
/// The filter lists of the catalog (sentra and districts with public products), kept in memory
/// (<see cref="Snapshot{T}"/>): read again after this instance changes a public record, refreshed in
/// the background after a minute.
/// </summary>
public sealed class CatalogChoiceLists(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogChoiceLists> logger) : IDisposable
{
    private readonly Snapshot<CatalogChoices> _snapshot = new(scopes, clock, logger, TimeSpan.FromMinutes(1), ReadAsync);

    public void Invalidate() => _snapshot.Invalidate();

    public void Dispose() => _snapshot.Dispose();

    public Task<CatalogChoices> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => _snapshot.GetAsync(db, cancellationToken);

    private static async Task<CatalogChoices> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var sentra = await db.Clusters.AsNoTracking()
            .Where(c => c.Members.Any(m => db.CatalogEntries.Any(e => e.BusinessId == m.BusinessId)))
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Slug, c.Name }).ToListAsync(cancellationToken);
        var codes = await db.CatalogEntries.AsNoTracking().Select(e => e.DistrictCode).Distinct().ToListAsync(cancellationToken);
        var districts = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).OrderBy(r => r.Name)
            .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        return new CatalogChoices(sentra.Select(s => (s.Id, s.Slug, s.Name)).ToList(), districts.Select(d => (d.Code, d.Name)).ToList());
    }
}

public sealed class CatalogSearchOptions
{
    /// <summary>Searches that work at once; more wait their turn (0: two per processor).</summary>
    public int MaxConcurrentSearches { get; set; }

    /// <summary>
    /// Memory the table may hold for the entries of words already asked for (<see cref="CatalogTable.WordAsync"/>);
    /// a word read beyond it is read again on its next search. 0 reads every word from the index every time.
    /// </summary>
    public int WordCacheMegabytes { get; set; } = 64;

    /// <summary>How old the table may grow before a search has its version checked in the background (changes by other instances).</summary>
    public double TableCheckSeconds { get; set; } = 5;
}

/// <summary>
/// Lets a few searches work the database at a time and queues the rest. A search is all CPU — SQLite
/// runs in this process, PostgreSQL on the same few cores — so thirty-two searches sharing two cores
/// each take sixteen times as long; queued, a short search waits its turn and then runs at full speed,
/// and a long one no longer drags every other one out. Two searches per processor on both databases:
/// on PostgreSQL a search spends half its time waiting for the database's answers (measured on two
/// cores: about 8% more searches/s with four at a time than with two); on SQLite one per processor
/// left about a tenth of the CPU idle, and four at a time on two cores served 13–20% more searches/s
/// than two, with a lower p99 (bench/catalog-ab.sh: every one of 8 + 6 alternating rounds, both ways
/// round). <c>Sentra:Catalog:MaxConcurrentSearches</c> overrides it.
/// </summary>
public sealed class CatalogSearchGate(IOptions<CatalogSearchOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(options.Value.MaxConcurrentSearches > 0 ? options.Value.MaxConcurrentSearches : Environment.ProcessorCount * 2);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken);
        return new Turn(_turns);
    }

    public void Dispose() => _turns.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) turns.Release();
        }
    }
}

/// <summary>
/// The public catalog search. Which entries hold a word is asked of the database's own full-text index
/// (SQLite FTS5; PostgreSQL tsvectors with GIN; <see cref="CatalogSql"/>) — once per word, kept in the
/// <see cref="CatalogTable"/>; the filters, the count, the order and the page are worked out in memory
/// on that table; the page's twenty rows are read from the database. Words match whole (stemmed)
/// words; a search that finds nothing is repeated with every word as a prefix (a word not finished on
/// a phone) and then with words corrected against the index's vocabulary (<see cref="SpellingCorrector"/>).
/// Decision 14 says why the work is split this way.
/// </summary>
public sealed class CatalogSearch(AppDbContext db, SearchVocabulary vocabulary, CatalogTables tables, CatalogChoiceLists choices,
    CatalogConnections connections, TimeProvider clock, CatalogSearchGate gate)
{
    public async Task<CatalogResults> SearchAsync(CatalogQuery query, CancellationToken cancellationToken = default)
    {
        var words = QueryWords.Of(query.Text);
        if (await TokensAsync(query, cancellationToken) is not { } tokens) return new CatalogResults(query, [], 0, null);
        using var turn = await gate.EnterAsync(cancellationToken);
        var table = await tables.GetAsync(db, cancellationToken);
        await using var session = await CatalogSession.OpenAsync(db, connections, cancellationToken);
        var sql = CatalogSql.For(session);
        var (rows, total) = await RunAsync(sql, table, query, words, tokens, prefix: false, cancellationToken);
        string? corrected = null;
        var corrector = total == 0 && words.Count > 0 ? await vocabulary.GetAsync(db, cancellationToken) : null;
        // Words as prefixes (one not finished on a phone) — unless every word is a whole indexed word, so
        // that nothing was left unfinished and the filters are what rule the matches out.
        if (corrector is not null && !words.All(corrector.IsTerm))
            (rows, total) = await RunAsync(sql, table, query, words, tokens, prefix: true, cancellationToken);
        if (corrector is not null && total == 0)
        {
            var better = words.Select(w => corrector.Correct(w) ?? w).ToList();
            if (!better.SequenceEqual(words))
            {
                (rows, total) = await RunAsync(sql, table, query, better, tokens, prefix: false, cancellationToken);
                if (total > 0) corrected = string.Join(' ', better);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var hits = rows.Select(r => new CatalogHit(r.ProductId, r.Name, r.NameEn, r.PriceRp, r.HalalStatus, r.Availability, r.PhotoId,
            r.BusinessId, r.BusinessName, WeeklyHours.IsOpen(r.Hours, TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone))))).ToList();
        return new CatalogResults(query, hits, total, corrected);
    }

    /// <summary>The sentra and districts that have public products, for the filter lists.</summary>
    public Task<CatalogChoices> ChoicesAsync(CancellationToken cancellationToken = default) => choices.GetAsync(db, cancellationToken);

    /// <summary>The filters as index tokens; null when a filter names a sentra that has no public products (nothing matches).</summary>
    private async Task<List<string>?> TokensAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        var tokens = new List<string>();
        if (query.Category is { } category) tokens.Add(CatalogFacets.Category(category));
        if (query.HalalOnly) tokens.Add(CatalogFacets.Halal);
        if (query.District is { } district) tokens.Add(CatalogFacets.District(district));
        if (query.Availability is { } availability) tokens.Add(CatalogFacets.Availability(availability));
        if (query.Sentra is { } slug)
        {
            var sentra = (await ChoicesAsync(cancellationToken)).Sentra.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefault();
            if (sentra is null) return null;
            tokens.Add(CatalogFacets.Sentra(sentra.Value));
        }
        return tokens;
    }

    /// <summary>One round of a search: its page's rows and its count (up to <see cref="CatalogQuery.MaxCount"/> + 1).</summary>
    private static async Task<(List<CatalogRow> Rows, int Total)> RunAsync(CatalogSql sql, CatalogTable table, CatalogQuery query,
        IReadOnlyList<string> words, List<string> tokens, bool prefix, CancellationToken cancellationToken)
    {
        var sets = tokens.Select(table.Token).ToList();
        if (sets.Any(s => s.Count == 0)) return ([], 0);
        foreach (var word in words)
        {
            var set = await WordAsync(sql, table, word, prefix, namesOnly: false, cancellationToken);
            if (set.Count == 0) return ([], 0);
            sets.Add(set);
        }
        var matches = table.Match(sets, query.MinPrice, query.MaxPrice);
        if (matches.Count == 0) return ([], 0);
        List<EntrySet>? named = null;
        if (query.Sort == CatalogSort.Relevance && words.Count > 0)
        {
            // Best match: entries whose names hold every word come first.
            named = [];
            foreach (var word in words) named.Add(await WordAsync(sql, table, word, prefix, namesOnly: true, cancellationToken));
        }
        var page = table.Page(matches, query.Sort, named, (query.Page - 1) * CatalogQuery.PageSize, CatalogQuery.PageSize);
        return (await sql.RowsAsync(page, cancellationToken), Math.Min(matches.Count, CatalogQuery.MaxCount + 1));
    }

    private static ValueTask<EntrySet> WordAsync(CatalogSql sql, CatalogTable table, string word, bool prefix, bool namesOnly,
        CancellationToken cancellationToken) =>
        table.WordAsync((namesOnly ? "n" : "t") + (prefix ? "*" : " ") + word, () => sql.WordAsync(word, prefix, namesOnly, cancellationToken));
}
