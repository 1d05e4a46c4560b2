using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sentra.Tests.Infrastructure;

/// <summary>
/// The database every integration test runs on, chosen by <c>SENTRA_TEST_PROVIDER</c> (Sqlite or
/// Postgres; <c>SENTRA_TEST_POSTGRES</c> is then the connection string of a user with CREATEDB).
/// A template database is migrated and seeded once per run; each test fixture gets its own copy,
/// so fixtures run in parallel without seeing each other's data.
/// </summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("SENTRA_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";
    public static bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"sentra-tests-{Environment.ProcessId}");
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("SENTRA_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("SENTRA_TEST_PROVIDER=Postgres needs SENTRA_TEST_POSTGRES (run ./test.sh, which starts a server).");

    /// <summary>A fresh database copied from the seeded template; returns its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _template ??= await CreateTemplateAsync();
            return IsPostgres ? await CopyPostgresAsync(_template) : await CopySqliteAsync(_template);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>An empty database (no migrations applied), for tests of start-up itself.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        Directory.CreateDirectory(Root);
        if (!IsPostgres) return $"Data Source={Path.Combine(Root, $"empty-{Guid.NewGuid():N}.db")}";
        var name = $"sentra_e_{Guid.NewGuid():N}"[..30];
        await ExecuteAsync(PostgresServer, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        Directory.CreateDirectory(Root);
        string connectionString;
        if (IsPostgres)
        {
            var name = $"sentra_tpl_{Environment.ProcessId}";
            await ExecuteAsync(PostgresServer, $"DROP DATABASE IF EXISTS {name}");
            await ExecuteAsync(PostgresServer, $"CREATE DATABASE {name}");
            connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(Root, "template.db")}";
        }
        // Starting the app once migrates, loads reference data and seeds the demo sentra.
        await using (var app = new SentraApp(connectionString))
        {
            _ = app.Services;
        }
        if (IsPostgres) NpgsqlConnection.ClearAllPools();
        else SqliteConnection.ClearAllPools();
        return connectionString;
    }

    private static async Task<string> CopySqliteAsync(string template)
    {
        var file = Path.Combine(Root, $"db-{Guid.NewGuid():N}.db");
        await using var connection = new SqliteConnection(template);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $file";
        command.Parameters.AddWithValue("$file", file);
        await command.ExecuteNonQueryAsync();
        return $"Data Source={file}";
    }

    private static async Task<string> CopyPostgresAsync(string template)
    {
        var templateName = new NpgsqlConnectionStringBuilder(template).Database;
        var name = $"sentra_t_{Guid.NewGuid():N}"[..30];
        await ExecuteAsync(PostgresServer, $"CREATE DATABASE {name} TEMPLATE {templateName}");
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
