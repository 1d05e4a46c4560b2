using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// The one row of <c>CatalogStates</c>: a number every change to the catalog entries raises in its own
/// transaction (<see cref="CatalogIndex"/>), so an instance can tell in one look-up whether its
/// <see cref="CatalogTable"/> is still current.
/// </summary>
public sealed class CatalogState
{
    public const int Row = 1;
    public int Id { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// The current <see cref="CatalogTable"/> (<see cref="Snapshot{T}"/>). After this instance changes catalog
/// entries its next search reads the table again; otherwise, once the table is
/// <see cref="CatalogSearchOptions.TableCheckSeconds"/> old, a background look-up of the entries' version
/// (<see cref="CatalogState"/>) keeps it, or reads a new one when another instance changed the entries —
/// so changes reach every instance within seconds, and a table (with the words it has learnt) lives as
/// long as the entries do not change. A result's rows are always read fresh, so an entry removed a
/// moment ago is never shown.
/// </summary>
public sealed class CatalogTables(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogTables> logger, IOptions<CatalogSearchOptions> options)
    : IDisposable
{
    private readonly Snapshot<CatalogTable> _snapshot = new(scopes, clock, logger, TimeSpan.FromSeconds(options.Value.TableCheckSeconds),
        (db, previous, cancellationToken) => ReadAsync(db, previous, options.Value.WordCacheMegabytes * 1024L * 1024L, logger, cancellationToken));

    public void Invalidate() => _snapshot.Invalidate();

    public void Dispose() => _snapshot.Dispose();

    public Task<CatalogTable> GetAsync(AppDbContext db, CancellationToken cancellationToken = default) => _snapshot.GetAsync(db, cancellationToken);

    /// <summary>Raises the entries' version; called in the transaction that changes them.</summary>
    public static Task ChangedAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.CatalogStates.Where(s => s.Id == CatalogState.Row).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1), cancellationToken);

    private static async Task<CatalogTable> ReadAsync(AppDbContext db, CatalogTable? previous, long wordBudget, ILogger logger,
        CancellationToken cancellationToken)
    {
        // The version first: entries read after it are at least as new, so a change is never missed (at worst read twice).
        var version = await db.CatalogStates.AsNoTracking().Where(s => s.Id == CatalogState.Row).Select(s => s.Version).FirstOrDefaultAsync(cancellationToken);
        if (previous is not null && previous.Version == version) return previous;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var entries = await db.CatalogEntries.AsNoTracking().Select(e => new { e.ProductId, e.PriceRp, e.NameKey, e.Facets }).ToListAsync(cancellationToken);
        var table = new CatalogTable(entries.Select(e => new TableEntry(e.ProductId, e.PriceRp, e.NameKey, e.Facets)), wordBudget, version);
        logger.LogInformation("Catalog table read at version {Version}: {Entries} entries in {Milliseconds} ms", version, table.Count,
            (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return table;
    }
}
