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
    /// <summary>Searches that work the database at once; more wait their turn (0: two per processor).</summary>
    public int MaxConcurrentSearches { get; set; }

    /// <summary>
    /// Up to this many matches (at most <see cref="CatalogQuery.MaxCount"/>) a search is "few": paged
    /// from one read of all of them (PostgreSQL) or through the index; beyond, newest-first pages walk the
    /// newest entries.
    /// </summary>
    public int FewMatches { get; set; } = CatalogQuery.MaxCount;
    /// <summary>How many of the newest index rows a newest-first page of a broad search looks at before reading through the index (PostgreSQL).</summary>
    public int NewestWindow { get; set; } = 2000;
    /// <summary>Up to this many matches a sorted page is read by sorting them all; beyond it, bucket by bucket.</summary>
    public int FullSortLimit { get; set; } = CatalogQuery.MaxCount;
    /// <summary>A stretch of the price or name order with more matches than this is read bucket by bucket (<see cref="SortUnit"/>).</summary>
    public int UnitSplit { get; set; } = 2000;
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
/// The public catalog search on the database's own full-text index (SQLite FTS5; PostgreSQL tsvectors
/// with GIN) over <see cref="CatalogEntry"/> rows, which exist only for public products. Filters are
/// tokens in the same index (<see cref="CatalogFacets"/>), so a word and its filters are one
/// intersection of posting lists. Every page is read without visiting every match:
/// <list type="bullet">
/// <item>best match and newest stream matches in product order (names first) and stop at the page;</item>
/// <item>price and name order sort all matches when there are at most
/// <see cref="CatalogSearchOptions.FullSortLimit"/>; a broad search asks bucket by bucket
/// (cheapest prices first, names from A) and stops once the page is filled;</item>
/// <item>counts stop at <see cref="CatalogQuery.MaxCount"/> ("1,000+").</item>
/// </list>
/// Words match whole (stemmed) words; a search that finds nothing is repeated with every word as a
/// prefix (a word not finished on a phone) and then with words corrected against the index's
/// vocabulary (<see cref="SpellingCorrector"/>).
/// </summary>
public sealed class CatalogSearch(AppDbContext db, SearchVocabulary vocabulary, SortBuckets buckets, CatalogChoiceLists choices,
    CatalogConnections connections, TimeProvider clock, IOptions<CatalogSearchOptions> options, CatalogSearchGate gate)
{
    /// <summary>Terms in one group: an index reads an OR of many terms slower than the terms one by one.</summary>
    private const int MaxGroupTerms = 16;

    /// <summary>The cheapest and dearest entry, read once per search (a misspelled search runs up to three times).</summary>
    private (long Cheapest, long Dearest)? _priceRange;

    public async Task<CatalogResults> SearchAsync(CatalogQuery query, CancellationToken cancellationToken = default)
    {
        _priceRange = null;
        var words = QueryWords.Of(query.Text);
        if (await TokensAsync(query, cancellationToken) is not { } tokens) return new CatalogResults(query, [], 0, null);
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var session = await CatalogSession.OpenAsync(db, connections, cancellationToken);
        var (rows, total) = await RunAsync(session, query, words, tokens, prefix: false, cancellationToken);
        string? corrected = null;
        var corrector = total == 0 && words.Count > 0 ? await vocabulary.GetAsync(db, cancellationToken) : null;
        // Words as prefixes (one not finished on a phone) — unless every word is a whole indexed word, so
        // that nothing was left unfinished and the filters are what rule the matches out.
        if (corrector is not null && !words.All(corrector.IsTerm))
            (rows, total) = await RunAsync(session, query, words, tokens, prefix: true, cancellationToken);
        if (corrector is not null && total == 0)
        {
            var better = words.Select(w => corrector.Correct(w) ?? w).ToList();
            if (!better.SequenceEqual(words))
            {
                (rows, total) = await RunAsync(session, query, better, tokens, prefix: false, cancellationToken);
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

    private async Task<(List<CatalogRow> Rows, int Total)> RunAsync(CatalogSession session, CatalogQuery query, IReadOnlyList<string> words, List<string> tokens, bool prefix,
        CancellationToken cancellationToken)
    {
        var skip = (query.Page - 1) * CatalogQuery.PageSize;
        const int take = CatalogQuery.PageSize;
        var sql = CatalogSql.For(session, query.MinPrice, query.MaxPrice, options.Value.NewestWindow);
        if (words.Count == 0 && tokens.Count == 0) return await UnfilteredAsync(sql, query.Sort, skip, cancellationToken);

        var all = new TextMatch(words, prefix, tokens);
        (int Low, int High)? priceBuckets = null;
        if (query.MinPrice is not null || query.MaxPrice is not null)
        {
            var (low, high) = (priceBuckets = await PriceBucketsAsync(sql, query, cancellationToken)).Value;
            if (high < low) return ([], 0);
            // A narrow range as bucket terms in the index; a wide one only as bounds on the prices.
            if (Share((await buckets.GetAsync(db, cancellationToken)).Prices, low, high) <= sql.NarrowPriceShare)
                all = all with { PriceTerms = CatalogFacets.PriceRangeTerms(low, high) };
        }
        int total;
        if (sql.KeysInIndex)
        {
            // One read of the index counts the search; a search with few matches is paged from it.
            var matches = await sql.MatchesAsync(all, query.Sort, CatalogQuery.MaxCount + 1, cancellationToken);
            total = matches.Count;
            if (total > 0 && total <= Math.Min(CatalogQuery.MaxCount, options.Value.FewMatches)
                && (query.Sort is CatalogSort.Relevance or CatalogSort.Newest || total <= options.Value.FullSortLimit))
                return (await sql.RowsAsync(PageOf(matches, query.Sort, skip, take), cancellationToken), total);
        }
        else total = await sql.CountAsync(all, CatalogQuery.MaxCount + 1, cancellationToken);
        if (total == 0) return ([], 0);
        var few = total <= Math.Min(CatalogQuery.MaxCount, options.Value.FewMatches);
        switch (query.Sort)
        {
            case CatalogSort.Relevance when words.Count > 0:
                // Entries whose names hold every word come first, then the rest; newest first within each.
                var names = all with { NamesOnly = true };
                var rows = await sql.PageAsync(names, CatalogSort.Newest, skip, take, cancellationToken, few);
                if (rows.Count < take)
                {
                    // How many entries the names put first: those on this page, or (none here) all there are, at most skip.
                    var firstCount = rows.Count > 0 ? skip + rows.Count : skip == 0 ? 0 : await sql.CountAsync(names, skip + 1, cancellationToken);
                    rows.AddRange(await sql.PageAsync(all with { ExceptNames = true }, CatalogSort.Newest, Math.Max(0, skip - firstCount),
                        take - rows.Count, cancellationToken, few));
                }
                return (rows, total);
            case CatalogSort.Relevance or CatalogSort.Newest:
                return (await sql.PageAsync(all, CatalogSort.Newest, skip, take, cancellationToken, few), total);
            default:
                if (total <= options.Value.FullSortLimit) return (await sql.PageAsync(all, query.Sort, skip, take, cancellationToken), total);
                return (await BucketPageAsync(sql, all, query, priceBuckets, skip, take, cancellationToken), total);
        }
    }

    /// <summary>
    /// The product ids of one page of these matches in the catalog's order: best match puts entries
    /// whose names hold every word first, then newest first; price and name order break ties by id, as
    /// the database does (name keys are ASCII, so ordinal order is the index's "C" order).
    /// </summary>
    internal static List<int> PageOf(IEnumerable<MatchKey> matches, CatalogSort sort, int skip, int take) =>
        (sort switch
        {
            CatalogSort.PriceLow => matches.OrderBy(m => m.PriceRp).ThenBy(m => m.ProductId),
            CatalogSort.PriceHigh => matches.OrderByDescending(m => m.PriceRp).ThenByDescending(m => m.ProductId),
            CatalogSort.Name => matches.OrderBy(m => m.NameKey, StringComparer.Ordinal).ThenBy(m => m.ProductId),
            _ => matches.OrderByDescending(m => m.Named).ThenByDescending(m => m.ProductId),
        }).Skip(skip).Take(take).Select(m => m.ProductId).ToList();

    /// <summary>
    /// A page in price or name order from a broad search. The order is cut into units
    /// (<see cref="CatalogFacets.PriceUnits"/>, <see cref="CatalogFacets.NameUnits"/>) that the index
    /// matches like one token; consecutive units are asked for together, each group four times the
    /// size of the last, until the page is filled. A unit with more matches than
    /// <see cref="CatalogSearchOptions.UnitSplit"/> is read part by part instead. Every row of one
    /// group sorts before every row of the next, so the page equals the page of a full sort.
    /// </summary>
    private async Task<List<CatalogRow>> BucketPageAsync(CatalogSql sql, TextMatch all, CatalogQuery query, (int Low, int High)? priceBuckets,
        int skip, int take, CancellationToken cancellationToken)
    {
        var counts = await buckets.GetAsync(db, cancellationToken);
        List<SortUnit> units;
        if (query.Sort == CatalogSort.Name)
            units = CatalogFacets.NameUnits(counts.Names);
        else
        {
            var (low, high) = priceBuckets ?? await PriceBucketsAsync(sql, query, cancellationToken);
            units = high < low ? [] : CatalogFacets.PriceUnits(counts.Prices, low, high, descending: query.Sort == CatalogSort.PriceHigh);
        }
        var split = options.Value.UnitSplit;
        var needed = skip + take;
        var rows = new List<CatalogRow>();
        var queue = new LinkedList<SortUnit>(units);
        long wanted = needed;
        while (rows.Count < needed && queue.First is { } head)
        {
            if (head.Value.Parts.Count > 1 && head.Value.Entries > split)
            {
                // A big unit: sorted whole when it holds few matches, else read part by part.
                queue.RemoveFirst();
                var unit = all with { AnyOf = [head.Value.Term] };
                var matches = await sql.CountAsync(unit, split + 1, cancellationToken);
                if (matches == 0) continue;
                if (matches <= split)
                    rows.AddRange(await sql.PageAsync(unit, query.Sort, 0, needed - rows.Count, cancellationToken));
                else
                    foreach (var part in head.Value.Parts.Reverse()) queue.AddFirst(new SortUnit(part.Token, part.Entries, []));
                continue;
            }
            var group = new List<string>();
            long entries = 0;
            while (queue.First is { } next && group.Count < MaxGroupTerms && (group.Count == 0 || entries < wanted)
                   && !(next.Value.Parts.Count > 1 && next.Value.Entries > split))
            {
                group.Add(next.Value.Term);
                entries += next.Value.Entries;
                queue.RemoveFirst();
            }
            rows.AddRange(await sql.PageAsync(all with { AnyOf = group }, query.Sort, 0, needed - rows.Count, cancellationToken));
            wanted *= 4;
        }
        return rows.Skip(skip).Take(take).ToList();
    }

    /// <summary>
    /// The price buckets a search can reach: its price range narrowed to the cheapest and dearest
    /// entries (read fresh from the price index, so a price written a moment ago is never skipped).
    /// </summary>
    private async Task<(int Low, int High)> PriceBucketsAsync(CatalogSql sql, CatalogQuery query, CancellationToken cancellationToken)
    {
        var (cheapest, dearest) = _priceRange ??= await sql.PriceRangeAsync(cancellationToken);
        return (CatalogFacets.PriceBucket(Math.Max(query.MinPrice ?? 0, cheapest)),
            CatalogFacets.PriceBucket(Math.Min(query.MaxPrice ?? long.MaxValue, dearest)));
    }

    /// <summary>The share of the entries whose price bucket lies from <paramref name="low"/> to <paramref name="high"/>.</summary>
    internal static double Share(IReadOnlyDictionary<int, int> prices, int low, int high)
    {
        long inRange = 0, all = 0;
        foreach (var (bucket, entries) in prices)
        {
            all += entries;
            if (bucket >= low && bucket <= high) inRange += entries;
        }
        return all == 0 ? 0 : (double)inRange / all;
    }

    /// <summary>No words and no filters but the price: the entries in an order their indexes deliver, on the search's connection.</summary>
    private static async Task<(List<CatalogRow>, int)> UnfilteredAsync(CatalogSql sql, CatalogSort sort, int skip, CancellationToken cancellationToken)
    {
        var total = await sql.CountEntriesAsync(CatalogQuery.MaxCount + 1, cancellationToken);
        if (total == 0) return ([], 0);
        return (await sql.EntriesPageAsync(sort, skip, CatalogQuery.PageSize, cancellationToken), total);
    }
}
