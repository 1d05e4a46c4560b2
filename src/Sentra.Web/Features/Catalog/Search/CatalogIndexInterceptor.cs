using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sentra.Web.Data;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// Notes which products and businesses a save touches and, once the rows are written, brings their
/// catalog entries up to date and drops the public pages from the output cache. Registered before
/// the audit interceptor, so on audited saves this runs inside the audit's transaction: the change,
/// its audit entry and its catalog entry commit together.
/// </summary>
public sealed class CatalogIndexInterceptor(CatalogIndex index, CatalogCache cache) : SaveChangesInterceptor
{
    private sealed record Touched(HashSet<int> ProductIds, HashSet<int> BusinessIds, List<Product> NewProducts, List<Photo> NewPhotos);

    /// <summary>Records shown on public pages besides products, businesses and photos: a change drops the cached pages.</summary>
    private static readonly HashSet<Type> ShownPublicly =
    [
        typeof(Clusters.Cluster), typeof(Permit), typeof(HalalCertificateProduct), typeof(Offices.Office),
    ];

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, Touched> _touched = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            _touched.Remove(db);
            if (Collect(db) is { } touched)
            {
                // A deleted sentra takes its memberships with it (cascade): its members' entries lose its token.
                var deleted = db.ChangeTracker.Entries<Clusters.Cluster>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();
                if (deleted.Count > 0)
                    touched.BusinessIds.UnionWith(await db.ClusterMemberships.AsNoTracking().Where(m => deleted.Contains(m.ClusterId))
                        .Select(m => m.BusinessId).ToListAsync(cancellationToken));
                _touched.Add(db, touched);
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not AppDbContext db || !_touched.TryGetValue(db, out var touched)) return result;
        _touched.Remove(db);
        touched.ProductIds.UnionWith(touched.NewProducts.Select(p => p.Id));
        foreach (var photo in touched.NewPhotos)
            if (photo.ProductId is { } productId) touched.ProductIds.Add(productId);
        // Saves that touch only sentra, permits or offices change no entry: they just drop the cached pages.
        if (touched.ProductIds.Count > 0 || touched.BusinessIds.Count > 0)
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await index.RefreshAsync(db, touched.ProductIds, touched.BusinessIds, cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        await cache.InvalidateAsync(cancellationToken);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) _touched.Remove(db);
        return Task.CompletedTask;
    }

    private static Touched? Collect(AppDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        Touched? touched = null;
        Touched Get() => touched ??= new Touched([], [], [], []);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Product product when entry.State == EntityState.Added:
                    Get().NewProducts.Add(product);
                    break;
                case Product product:
                    Get().ProductIds.Add(product.Id);
                    Get().BusinessIds.Add(product.BusinessId);
                    if (entry.Property(nameof(Product.BusinessId)).OriginalValue is int from) Get().BusinessIds.Add(from);
                    break;
                case Business business when entry.State != EntityState.Added:
                    Get().BusinessIds.Add(business.Id);
                    break;
                case Photo photo when entry.State == EntityState.Added:
                    Get().NewPhotos.Add(photo);
                    break;
                case Photo photo:
                    if (photo.ProductId is { } productId) Get().ProductIds.Add(productId);
                    break;
                case OpeningHours hours:   // folded into the business's entries ("open now")
                    Get().BusinessIds.Add(hours.BusinessId);
                    break;
                case Clusters.ClusterMembership membership:   // the entries' sentra filter tokens
                    Get().BusinessIds.Add(membership.BusinessId);
                    break;
                case var other when ShownPublicly.Contains(other.GetType()):
                    Get();
                    break;
            }
        }
        return touched;
    }
}
