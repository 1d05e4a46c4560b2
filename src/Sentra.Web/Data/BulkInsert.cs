using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sentra.Web.Data;

/// <summary>
/// Inserts many rows with multi-row INSERT statements inside the context's current transaction,
/// bypassing the change tracker: reference data and audit entries are written this way, where one
/// tracked entity per row would cost far more than the row itself. Table and column names come from
/// the EF model, so both providers get their own quoting-compatible names.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Inserts whole entities, every mapped column, keys included (see <see cref="ReserveIdsAsync{T}"/>),
    /// converting values the way EF would (enums to numbers).
    /// </summary>
    public static async Task InsertEntitiesAsync<T>(DbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken = default)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        var properties = type.GetProperties().ToList();
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToList();
        var rows = entities.Select(e => properties.Select((p, i) =>
        {
            var value = p.GetGetter().GetClrValue(e);
            return value is null || converters[i] is not { } converter ? value : converter.ConvertToProvider(value);
        }).ToArray()).ToList();
        await InsertAsync<T>(db, properties.Select(p => p.Name).ToArray(), rows, cancellationToken);
    }

    /// <summary>
    /// Reserves <paramref name="count"/> new keys of <typeparamref name="T"/>'s integer identity column inside the
    /// current transaction: from the sequence on PostgreSQL; on SQLite (whose transactions hold the write
    /// lock) above both the table's largest key and its AUTOINCREMENT counter.
    /// </summary>
    public static async Task<int[]> ReserveIdsAsync<T>(DbContext db, int count, CancellationToken cancellationToken = default)
    {
        if (count == 0) return [];
        var type = db.Model.FindEntityType(typeof(T))!;
        var table = type.GetTableName()!;
        var column = type.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                              ?? throw new InvalidOperationException("Reserving keys needs a transaction.");
        if (db.Database.IsNpgsql())
        {
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{column}')) FROM generate_series(1, {count})";
            var ids = new List<int>(count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(checked((int)reader.GetInt64(0)));
            return [.. ids];
        }
        command.CommandText = $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0))";
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(last + 1, count).ToArray();
    }

    public static async Task InsertAsync<T>(DbContext db, string[] properties, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var columns = string.Join(",", properties.Select(p => $"\"{entity.FindProperty(p)!.GetColumnName()}\""));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            await InsertPreparedAsync(db, table, columns, properties.Length, rows, cancellationToken);
            return;
        }
        // Stay well under PostgreSQL's limit on parameters per statement.
        var batch = Math.Max(1, 2000 / properties.Length);
        for (var start = 0; start < rows.Count; start += batch)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var values = new List<string>();
            foreach (var (row, i) in rows.Skip(start).Take(batch).Select((r, i) => (r, i)))
            {
                var names = new string[row.Length];
                for (var c = 0; c < row.Length; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[c] = $"@p{i}_{c}";
                    parameter.Value = row[c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                values.Add($"({string.Join(",", names)})");
            }
            command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES {string.Join(",", values)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite: one prepared single-row statement executed per row. SQLite looks named parameters up one
    /// by one, so a statement with thousands of them costs more than the rows themselves.
    /// </summary>
    private static async Task InsertPreparedAsync(DbContext db, string table, string columns, int width, IReadOnlyList<object?[]> rows,
        CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var parameters = new System.Data.Common.DbParameter[width];
        for (var c = 0; c < width; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = $"@p{c}";
            command.Parameters.Add(parameters[c]);
        }
        command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(",", parameters.Select(p => p.ParameterName))})";
        foreach (var row in rows)
        {
            for (var c = 0; c < width; c++) parameters[c].Value = row[c] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
