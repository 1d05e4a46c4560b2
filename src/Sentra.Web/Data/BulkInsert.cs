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
    public static async Task InsertAsync<T>(DbContext db, string[] properties, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        var columns = string.Join(",", properties.Select(p => $"\"{entity.FindProperty(p)!.GetColumnName()}\""));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        // Stay well under SQLite's and PostgreSQL's limits on parameters per statement.
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
}
