using Sentra.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Products;
using Sentra.Web.Features.Regions;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// Keeps <see cref="CatalogEntry"/> rows equal to what <see cref="PublicCatalog"/> shows. The
/// full-text index follows the rows by itself (FTS5 triggers; a trigger filling <c>CatalogVectors</c>).
/// Called after every save that touches products, businesses or photos
/// (<see cref="CatalogIndexInterceptor"/>), and in full at start-up when the entries are missing.
/// </summary>
public sealed class CatalogIndex(ProductCategories categories, SearchVocabulary vocabulary, CatalogTables tables)
{
    private const int Batch = 500;

    /// <summary>Rewrites the entries of these products and of every product of these businesses.</summary>
    public async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<int> productIds, IReadOnlyCollection<int> businessIds,
        CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<int>(productIds);
        foreach (var chunk in businessIds.Distinct().Chunk(Batch))
        {
            ids.UnionWith(await db.Products.AsNoTracking().Where(p => chunk.Contains(p.BusinessId)).Select(p => p.Id).ToListAsync(cancellationToken));
            // Entries of products that moved to another business or were deleted.
            ids.UnionWith(await db.CatalogEntries.AsNoTracking().Where(e => chunk.Contains(e.BusinessId)).Select(e => e.ProductId).ToListAsync(cancellationToken));
        }
        if (ids.Count == 0) return;
        foreach (var chunk in ids.Chunk(Batch))
        {
            await db.CatalogEntries.Where(e => chunk.Contains(e.ProductId)).ExecuteDeleteAsync(cancellationToken);
            await InsertAsync(db, PublicCatalog.VisibleProducts(db).Where(p => chunk.Contains(p.Id)), cancellationToken);
        }
        // The table is told after the commit (CatalogCache.InvalidateAsync): told now, it could reread the old version.
        await CatalogTables.ChangedAsync(db, cancellationToken);
        vocabulary.Invalidate();
    }

    /// <summary>Rebuilds every entry (start-up when entries are missing; the <c>reindex</c> command).</summary>
    public async Task RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.CatalogEntries.ExecuteDeleteAsync(cancellationToken);
        var last = 0;
        while (true)
        {
            var chunk = await PublicCatalog.VisibleProducts(db).Where(p => p.Id > last).OrderBy(p => p.Id).Select(p => p.Id).Take(2000).ToListAsync(cancellationToken);
            if (chunk.Count == 0) break;
            foreach (var part in chunk.Chunk(Batch))
                await InsertAsync(db, PublicCatalog.VisibleProducts(db).Where(p => part.Contains(p.Id)), cancellationToken);
            last = chunk[^1];
        }
        await CatalogTables.ChangedAsync(db, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        // Fresh statistics for PostgreSQL's planner; FTS5 merges the new index into one segment.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("""ANALYZE "CatalogEntries", "CatalogVectors";""", cancellationToken);
        else await db.Database.ExecuteSqlRawAsync("INSERT INTO catalog_fts(catalog_fts) VALUES('optimize');", cancellationToken);
        vocabulary.Invalidate();
        tables.Invalidate();
    }

    /// <summary>Whether the entries look out of step with the products (none while some product is public).</summary>
    public static async Task<bool> NeedsRebuildAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        !await db.CatalogEntries.AnyAsync(cancellationToken) && await PublicCatalog.VisibleProducts(db).AnyAsync(cancellationToken);

    private async Task InsertAsync(AppDbContext db, IQueryable<Product> products, CancellationToken cancellationToken)
    {
        var rows = await products.Select(p => new
        {
            p.Id, p.BusinessId, p.Name, p.NameEn, p.Description, p.DescriptionEn, p.Category, p.PriceRp, p.HalalStatus, p.Availability,
            p.UpdatedAt, p.CreatedAt, BusinessName = p.Business!.Name, p.Business.Brand, p.Business.VillageCode,
            PhotoId = p.Photos.OrderBy(ph => ph.SortOrder).ThenBy(ph => ph.Id).Select(ph => (int?)ph.Id).FirstOrDefault(),
        }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return;
        var codes = rows.Select(r => r.VillageCode).Distinct().ToList();
        var districts = codes.Select(c => RegionCodes.ParentOf(c) ?? c).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code) || districts.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var businessIds = rows.Select(r => r.BusinessId).Distinct().ToList();
        var hours = (await db.OpeningHours.AsNoTracking().Where(h => businessIds.Contains(h.BusinessId)).ToListAsync(cancellationToken))
            .GroupBy(h => h.BusinessId).ToDictionary(g => g.Key, g => WeeklyHours.Format(g));
        var sentra = (await db.ClusterMemberships.AsNoTracking().Where(m => businessIds.Contains(m.BusinessId))
                .Select(m => new { m.BusinessId, m.ClusterId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.BusinessId, m => m.ClusterId);
        var timeZones = await OfficeTimeZones.LoadAsync(db, cancellationToken);
        var entries = rows.Select(r =>
        {
            var district = RegionCodes.ParentOf(r.VillageCode) ?? r.VillageCode;
            var category = categories.Find(r.Category);
            string?[] parts = [r.Description, r.DescriptionEn, category?.NameId, category?.NameEn, r.Brand,
                names.GetValueOrDefault(r.VillageCode), names.GetValueOrDefault(district)];
            var text = string.Join(" ", parts.Where(s => !string.IsNullOrWhiteSpace(s)));
            var nameKey = CatalogFacets.NameKey(r.Name);
            return new CatalogEntry
            {
                ProductId = r.Id, BusinessId = r.BusinessId, Name = r.Name, NameEn = r.NameEn, BusinessName = r.BusinessName,
                Category = r.Category, PriceRp = r.PriceRp, HalalStatus = r.HalalStatus, Availability = r.Availability,
                VillageCode = r.VillageCode, DistrictCode = district, PhotoId = r.PhotoId,
                SearchText = text.Length > 12000 ? text[..12000] : text,
                NameKey = nameKey,
                Facets = CatalogFacets.Of(r.Category, r.HalalStatus, district, sentra[r.BusinessId], r.Availability),
                UpdatedAt = r.UpdatedAt == default ? r.CreatedAt : r.UpdatedAt,
                Hours = hours.GetValueOrDefault(r.BusinessId), TimeZone = timeZones.Of(r.VillageCode),
            };
        }).ToList();
        await BulkInsert.InsertEntitiesAsync(db, entries, cancellationToken);
    }
}
