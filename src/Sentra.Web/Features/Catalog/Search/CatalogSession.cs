using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// PostgreSQL connections for catalog searches: a pool of their own whose sessions start with
/// sequential scans and parallel workers off. A search asks only for the entries holding a word (GIN)
/// and for a page's rows by primary key; a planner that misjudges how many entries a word matches must
/// not fall back to reading every vector, and parallel workers cost more to start than these queries
/// take while the other searches are using the cores. Set once per connection, not per search (two
/// round trips fewer), and apart from the rest of the app, whose queries keep the defaults.
/// </summary>
public sealed class CatalogConnections : IDisposable
{
    private const string SearchSettings = "-c enable_seqscan=off -c max_parallel_workers_per_gather=0";

    public CatalogConnections(ResolvedDatabase database)
    {
        if (database.Provider != DatabaseProvider.Postgres) return;
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? SearchSettings : builder.Options + " " + SearchSettings;
        Source = NpgsqlDataSource.Create(builder);
    }

    /// <summary>The pool on PostgreSQL; null on SQLite, where a search uses its context's connection.</summary>
    public NpgsqlDataSource? Source { get; }

    public void Dispose() => Source?.Dispose();
}

/// <summary>The open connection one search runs its queries on.</summary>
public sealed class CatalogSession : IAsyncDisposable
{
    private readonly AppDbContext? _context;

    private CatalogSession(DbConnection connection, AppDbContext? context)
    {
        Connection = connection;
        _context = context;
    }

    public DbConnection Connection { get; }
    public bool IsPostgres => Connection is NpgsqlConnection;

    public static async Task<CatalogSession> OpenAsync(AppDbContext db, CatalogConnections connections, CancellationToken cancellationToken)
    {
        if (connections.Source is { } source) return new CatalogSession(await source.OpenConnectionAsync(cancellationToken), null);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new CatalogSession(db.Database.GetDbConnection(), db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is null) await Connection.DisposeAsync();
        else await _context.Database.CloseConnectionAsync();
    }
}
