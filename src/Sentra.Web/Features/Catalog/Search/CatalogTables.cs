using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// The current <see cref="CatalogTable"/> (<see cref="Snapshot{T}"/>): read again after this instance
/// changes catalog entries (<see cref="CatalogIndex"/>), so its next search sees the change; replaced in
/// the background after <see cref="MaxAge"/>, so changes made by other instances arrive within a minute —
/// the lag the output cache of public pages already has. A result's rows are always read fresh, so an
/// entry another instance removed a moment ago is never shown.
/// </summary>
public sealed class CatalogTables(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogTables> logger, IOptions<CatalogSearchOptions> options)
    : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Snapshot<CatalogTable> _snapshot = new(scopes, clock, logger, MaxAge,
        (db, cancellationToken) => ReadAsync(db, options.Value.WordCacheMegabytes * 1024L * 1024L, cancellationToken));

    public void Invalidate() => _snapshot.Invalidate();

    public void Dispose() => _snapshot.Dispose();

    public Task<CatalogTable> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => _snapshot.GetAsync(db, cancellationToken);

    private static async Task<CatalogTable> ReadAsync(AppDbContext db, long wordBudget, CancellationToken cancellationToken)
    {
        var entries = await db.CatalogEntries.AsNoTracking().Select(e => new { e.ProductId, e.PriceRp, e.NameKey, e.Facets }).ToListAsync(cancellationToken);
        return new CatalogTable(entries.Select(e => new TableEntry(e.ProductId, e.PriceRp, e.NameKey, e.Facets)), wordBudget);
    }
}
