using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sentra.Web.Data;

/// <summary>
/// Per-connection SQLite settings: a 32 MB page cache (the default is 2 MB, too small for the catalog's
/// index and entries at 100,000 products), memory-mapped reads and in-memory temporary sorts. Run on
/// every open; pooled connections make that a few microseconds.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
