using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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

public sealed record CatalogChoices(IReadOnlyList<(string Slug, string Name)> Sentra, IReadOnlyList<(string Code, string Name)> Districts);

/// <summary>
/// The public catalog search: the database's own full-text index (SQLite FTS5; PostgreSQL tsvector
/// with the simple, Indonesian and English configurations) over <see cref="CatalogEntry"/> rows,
/// which exist only for public products, then filters, sorting and paging in SQL. Every plan reads
/// a page in an order an index delivers and counts at most <see cref="CatalogQuery.MaxCount"/>
/// matches, so a broad word over a national catalog costs about what a rare one does. When the
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
        var now = clock.GetUtcNow().UtcDateTime;
        var hits = rows.Select(r => new CatalogHit(r.ProductId, r.Name, r.NameEn, r.PriceRp, r.HalalStatus, r.Availability, r.PhotoId,
            r.BusinessId, r.BusinessName, WeeklyHours.IsOpen(r.Hours, TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone))))).ToList();
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
        public string? Hours { get; init; }
        public required string TimeZone { get; init; }
    }

    private async Task<(List<Row> Rows, int Total)> RunAsync(CatalogQuery query, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var filtered = Filter(db.CatalogEntries.AsNoTracking(), query);
        var skip = (query.Page - 1) * CatalogQuery.PageSize;
        if (words.Count == 0)
        {
            var total = await filtered.Take(CatalogQuery.MaxCount + 1).CountAsync(cancellationToken);
            return total == 0 ? ([], 0) : (await PageAsync(Sorted(filtered, query.Sort), skip, CatalogQuery.PageSize, cancellationToken), total);
        }
        var all = Matches(words, namesOnly: false);
        var matching = filtered.Where(e => all.Contains(e.ProductId));
        var count = await matching.Take(CatalogQuery.MaxCount + 1).CountAsync(cancellationToken);
        if (count == 0) return ([], 0);
        if (query.Sort != CatalogSort.Relevance)
            return (await PageAsync(Sorted(matching, query.Sort), skip, CatalogQuery.PageSize, cancellationToken), count);

        // Best match: entries whose names hold every word come first, then the rest; newest first within each.
        // Two streamed queries instead of scoring every match: a broad word matches tens of thousands of entries.
        var names = Matches(words, namesOnly: true);
        var first = matching.Where(e => names.Contains(e.ProductId));
        var rows = await PageAsync(first.OrderByDescending(e => e.ProductId), skip, CatalogQuery.PageSize, cancellationToken);
        if (rows.Count < CatalogQuery.PageSize)
        {
            var firstCount = rows.Count > 0 ? skip + rows.Count : await first.Take(skip + 1).CountAsync(cancellationToken);
            var rest = matching.Where(e => !names.Contains(e.ProductId)).OrderByDescending(e => e.ProductId);
            rows.AddRange(await PageAsync(rest, Math.Max(0, skip - firstCount), CatalogQuery.PageSize - rows.Count, cancellationToken));
        }
        return (rows, count);
    }

    /// <summary>Orders that a database index can deliver a page of without sorting every match.</summary>
    private static IQueryable<CatalogEntry> Sorted(IQueryable<CatalogEntry> entries, CatalogSort sort) => sort switch
    {
        CatalogSort.PriceLow => entries.OrderBy(e => e.PriceRp).ThenBy(e => e.ProductId),
        CatalogSort.PriceHigh => entries.OrderByDescending(e => e.PriceRp).ThenByDescending(e => e.ProductId),
        CatalogSort.Name => entries.OrderBy(e => e.Name).ThenBy(e => e.ProductId),
        _ => entries.OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.ProductId),
    };

    private static Task<List<Row>> PageAsync(IQueryable<CatalogEntry> ordered, int skip, int take, CancellationToken cancellationToken) =>
        ordered.Skip(skip).Take(take).Select(e => new Row
        {
            ProductId = e.ProductId, Name = e.Name, NameEn = e.NameEn, PriceRp = e.PriceRp, HalalStatus = e.HalalStatus,
            Availability = e.Availability, PhotoId = e.PhotoId, BusinessId = e.BusinessId, BusinessName = e.BusinessName,
            Hours = e.Hours, TimeZone = e.TimeZone,
        }).ToListAsync(cancellationToken);

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

    /// <summary>
    /// Ids of entries matching every word — as a prefix, or by its Indonesian or English stem — in any
    /// text, or (<paramref name="namesOnly"/>) in the product's names.
    /// </summary>
    private IQueryable<int> Matches(IReadOnlyList<string> words, bool namesOnly)
    {
        if (db.Database.IsNpgsql())
        {
            var terms = words.Select((_, i) =>
                $"(to_tsquery('simple', {{{i}}} || ':*') || plainto_tsquery('indonesian', {{{i}}}) || plainto_tsquery('english', {{{i}}}))");
            var column = namesOnly ? "NameVector" : "SearchVector";
            return db.Database.SqlQueryRaw<int>(
                $"""SELECT "ProductId" AS "Value" FROM "CatalogVectors" WHERE "{column}" @@ ({string.Join(" && ", terms)})""",
                words.Cast<object>().ToArray());
        }
        // FTS5: each word a quoted prefix term (letters and digits only, so nothing else can be query syntax).
        var match = namesOnly
            ? string.Join(" AND ", words.Select(w => $"{{Name NameEn}} : \"{w}\"*"))
            : string.Join(' ', words.Select(w => $"\"{w}\"*"));
        return db.Database.SqlQueryRaw<int>("""SELECT rowid AS "Value" FROM catalog_fts WHERE catalog_fts MATCH {0}""", match);
    }
}
