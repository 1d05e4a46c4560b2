using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sentra.Web.Data;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

public sealed record CatalogHit(int ProductId, string Name, string? NameEn, long PriceRp, HalalStatus HalalStatus,
    Availability Availability, int? PhotoId, int BusinessId, string BusinessName, bool OpenNow);

public sealed record CatalogResults(CatalogQuery Query, IReadOnlyList<CatalogHit> Hits, int Total, string? CorrectedText)
{
    public int Pages => Math.Max(1, (Total + CatalogQuery.PageSize - 1) / CatalogQuery.PageSize);
}

public sealed record CatalogChoices(IReadOnlyList<(string Slug, string Name)> Sentra, IReadOnlyList<(string Code, string Name)> Districts);

/// <summary>
/// The public catalog search: the database's own full-text index (SQLite FTS5 with BM25; PostgreSQL
/// tsvector with the simple, Indonesian and English configurations) over <see cref="CatalogEntry"/>
/// rows, which exist only for public products, then filters, sorting and paging in SQL. When the
/// words find nothing, each word is corrected against the index's vocabulary and the search is
/// repeated once (see <see cref="SpellingCorrector"/>).
/// </summary>
public sealed class CatalogSearch(AppDbContext db, SearchVocabulary vocabulary, IMemoryCache memory, TimeProvider clock)
{
    internal const string ChoicesKey = "catalog-choices";

    public async Task<CatalogResults> SearchAsync(CatalogQuery query, CancellationToken cancellationToken = default)
    {
        var words = QueryWords.Of(query.Text);
        var (rows, total) = await RunAsync(query, words, cancellationToken);
        string? corrected = null;
        if (total == 0 && words.Count > 0)
        {
            var corrector = await vocabulary.GetAsync(db, cancellationToken);
            var better = words.Select(w => corrector.Correct(w) ?? w).ToList();
            if (!better.SequenceEqual(words))
            {
                (rows, total) = await RunAsync(query, better, cancellationToken);
                if (total > 0) corrected = string.Join(' ', better);
            }
        }
        var open = await OpenNowAsync(rows.Select(r => (r.BusinessId, r.VillageCode)).Distinct().ToList(), cancellationToken);
        var hits = rows.Select(r => new CatalogHit(r.ProductId, r.Name, r.NameEn, r.PriceRp, r.HalalStatus, r.Availability, r.PhotoId,
            r.BusinessId, r.BusinessName, open.Contains(r.BusinessId))).ToList();
        return new CatalogResults(query, hits, total, corrected);
    }

    /// <summary>The sentra and districts that have public products, for the filter lists (cached briefly).</summary>
    public async Task<CatalogChoices> ChoicesAsync(CancellationToken cancellationToken = default) =>
        (await memory.GetOrCreateAsync(ChoicesKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var sentra = await db.Clusters.AsNoTracking()
                .Where(c => c.Members.Any(m => db.CatalogEntries.Any(e => e.BusinessId == m.BusinessId)))
                .OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).ToListAsync(cancellationToken);
            var codes = await db.CatalogEntries.AsNoTracking().Select(e => e.DistrictCode).Distinct().ToListAsync(cancellationToken);
            var districts = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).OrderBy(r => r.Name)
                .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
            return new CatalogChoices(sentra.Select(s => (s.Slug, s.Name)).ToList(), districts.Select(d => (d.Code, d.Name)).ToList());
        }))!;


    private sealed class Row
    {
        public int ProductId { get; init; }
        public required string Name { get; init; }
        public string? NameEn { get; init; }
        public long PriceRp { get; init; }
        public HalalStatus HalalStatus { get; init; }
        public Availability Availability { get; init; }
        public int? PhotoId { get; init; }
        public int BusinessId { get; init; }
        public required string BusinessName { get; init; }
        public required string VillageCode { get; init; }
    }

    private sealed class Ranked
    {
        public required CatalogEntry Entry { get; init; }
        public double Rank { get; init; }
    }

    /// <summary>A full-text match: the entry and its rank (lower is better on both databases).</summary>
    public sealed class Match
    {
        public int ProductId { get; set; }
        public double Rank { get; set; }
    }

    private async Task<(List<Row> Rows, int Total)> RunAsync(CatalogQuery query, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var entries = Filter(db.CatalogEntries.AsNoTracking(), query);
        var ranked = words.Count == 0
            ? entries.Select(e => new Ranked { Entry = e, Rank = 0 })
            : entries.Join(Matches(words), e => e.ProductId, m => m.ProductId, (e, m) => new Ranked { Entry = e, Rank = m.Rank });
        var total = await ranked.CountAsync(cancellationToken);
        if (total == 0) return ([], 0);
        var ordered = query.Sort switch
        {
            CatalogSort.PriceLow => ranked.OrderBy(r => r.Entry.PriceRp).ThenBy(r => r.Entry.ProductId),
            CatalogSort.PriceHigh => ranked.OrderByDescending(r => r.Entry.PriceRp).ThenBy(r => r.Entry.ProductId),
            CatalogSort.Name => ranked.OrderBy(r => r.Entry.Name).ThenBy(r => r.Entry.ProductId),
            CatalogSort.Newest => ranked.OrderByDescending(r => r.Entry.UpdatedAt).ThenBy(r => r.Entry.ProductId),
            _ when words.Count == 0 => ranked.OrderByDescending(r => r.Entry.PhotoId != null).ThenBy(r => r.Entry.Name).ThenBy(r => r.Entry.ProductId),
            _ => ranked.OrderBy(r => r.Rank).ThenBy(r => r.Entry.ProductId),
        };
        var rows = await ordered.Skip((query.Page - 1) * CatalogQuery.PageSize).Take(CatalogQuery.PageSize)
            .Select(r => new Row
            {
                ProductId = r.Entry.ProductId, Name = r.Entry.Name, NameEn = r.Entry.NameEn, PriceRp = r.Entry.PriceRp,
                HalalStatus = r.Entry.HalalStatus, Availability = r.Entry.Availability, PhotoId = r.Entry.PhotoId,
                BusinessId = r.Entry.BusinessId, BusinessName = r.Entry.BusinessName, VillageCode = r.Entry.VillageCode,
            }).ToListAsync(cancellationToken);
        return (rows, total);
    }

    private IQueryable<CatalogEntry> Filter(IQueryable<CatalogEntry> entries, CatalogQuery query)
    {
        if (query.Category is { } category) entries = entries.Where(e => e.Category == category);
        if (query.HalalOnly) entries = entries.Where(e => e.HalalStatus == HalalStatus.Certified);
        if (query.MinPrice is { } min) entries = entries.Where(e => e.PriceRp >= min);
        if (query.MaxPrice is { } max) entries = entries.Where(e => e.PriceRp <= max);
        if (query.District is { } district) entries = entries.Where(e => e.DistrictCode == district);
        if (query.Availability is { } availability) entries = entries.Where(e => e.Availability == availability);
        if (query.Sentra is { } sentra)
            entries = entries.Where(e => db.ClusterMemberships.Any(m => m.BusinessId == e.BusinessId && m.Cluster!.Slug == sentra));
        return entries;
    }

    /// <summary>Entries matching every word (as a prefix, or by its Indonesian/English stem).</summary>
    private IQueryable<Match> Matches(IReadOnlyList<string> words)
    {
        if (db.Database.IsNpgsql())
        {
            // One tsquery per word: the word as a prefix (simple), or its Indonesian or English stem.
            var terms = words.Select((_, i) =>
                $"(to_tsquery('simple', {{{i}}} || ':*') || plainto_tsquery('indonesian', {{{i}}}) || plainto_tsquery('english', {{{i}}}))");
            var sql = $"""
                SELECT e."ProductId", -ts_rank(e."SearchVector", q.query)::float8 AS "Rank"
                FROM "CatalogEntries" e, (SELECT {string.Join(" && ", terms)} AS query) q
                WHERE e."SearchVector" @@ q.query
                """;
            return db.Database.SqlQueryRaw<Match>(sql, words.Cast<object>().ToArray());
        }
        // FTS5: every word as a quoted prefix term; BM25 weighs names above business and description.
        var match = string.Join(' ', words.Select(w => $"\"{w}\"*"));
        return db.Database.SqlQueryRaw<Match>(
            """SELECT rowid AS "ProductId", bm25(catalog_fts, 10.0, 8.0, 4.0, 1.0) AS "Rank" FROM catalog_fts WHERE catalog_fts MATCH {0}""", match);
    }

    private async Task<HashSet<int>> OpenNowAsync(List<(int BusinessId, string VillageCode)> businesses, CancellationToken cancellationToken)
    {
        if (businesses.Count == 0) return [];
        var ids = businesses.Select(b => b.BusinessId).ToList();
        var hours = await db.OpeningHours.AsNoTracking().Where(h => ids.Contains(h.BusinessId)).ToListAsync(cancellationToken);
        if (hours.Count == 0) return [];
        var offices = await memory.GetOrCreateAsync("office-time-zones", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return await db.Offices.AsNoTracking().Where(o => o.RegionCode != "").Select(o => new { o.RegionCode, o.TimeZone }).ToListAsync(cancellationToken);
        });
        var now = clock.GetUtcNow().UtcDateTime;
        var open = new HashSet<int>();
        foreach (var (businessId, village) in businesses)
        {
            var zone = offices!.Where(o => village == o.RegionCode || village.StartsWith(o.RegionCode + ".", StringComparison.Ordinal))
                .OrderByDescending(o => o.RegionCode.Length).Select(o => o.TimeZone).FirstOrDefault() ?? "Asia/Jakarta";
            var local = TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(zone));
            var time = TimeOnly.FromDateTime(local);
            if (hours.Any(h => h.BusinessId == businessId && h.Day == local.DayOfWeek && time >= h.Opens && time < h.Closes)) open.Add(businessId);
        }
        return open;
    }
}
