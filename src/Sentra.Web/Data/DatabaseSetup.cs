using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sentra.Web.Features.Audit;
using Sentra.Web.Infrastructure.Startup;

namespace Sentra.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);
    /// <summary>Apply pending migrations at start-up. Turn off where a release step migrates instead.</summary>
    public bool AutoMigrate { get; set; } = true;
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Sentra";

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider: <c>Database__Provider</c> is
    /// <c>Sqlite</c> (default, a file under <c>data/</c>) or <c>Postgres</c>; the connection string is
    /// <c>ConnectionStrings__Sentra</c>. A bad value stops start-up with one line naming the setting.
    /// </summary>
    public static IServiceCollection AddSentraDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider))
            throw new StartupConfigurationException(
                $"Database__Provider: unknown provider '{options.Provider}'; use Sqlite or Postgres.");
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new StartupConfigurationException("ConnectionStrings__Sentra: required when Database__Provider is Postgres.");
            var dataDir = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dataDir);
            connectionString = $"Data Source={Path.Combine(dataDir, "sentra.db")}";
        }
        CheckSyntax(connectionString, provider);

        services.AddSingleton(new ResolvedDatabase(provider, connectionString, options.AutoMigrate));
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<ReferenceDataLoader>();
        if (provider == DatabaseProvider.Postgres)
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => ConfigurePostgres(o, connectionString)
                .AddInterceptors(sp.GetRequiredService<Features.Catalog.Search.CatalogIndexInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
        else
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => ConfigureSqlite(o, connectionString)
                .AddInterceptors(sp.GetRequiredService<Features.Catalog.Search.CatalogIndexInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsHistoryTable("__EFMigrationsHistory")).AddInterceptors(new SqlitePragmas())
            .ConfigureWarnings(IgnoreCappedCounts);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString).ConfigureWarnings(IgnoreCappedCounts);

    /// <summary>
    /// The catalog counts matches up to a cap (<c>Take(1001).Count()</c>): any 1,001 rows will do, and an
    /// ORDER BY there would only make the database sort what it counts.
    /// </summary>
    private static void IgnoreCappedCounts(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) =>
        w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    private static void CheckSyntax(string connectionString, DatabaseProvider provider)
    {
        try
        {
            DbConnectionStringBuilder builder = provider == DatabaseProvider.Postgres
                ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
                : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            _ = builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException($"ConnectionStrings__Sentra: not a valid {provider} connection string ({e.Message}).");
        }
    }

    /// <summary>Applies migrations (if enabled) and checks the database answers; a failure is one line naming the setting.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var resolved = services.GetRequiredService<ResolvedDatabase>();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            if (resolved.AutoMigrate) await db.Database.MigrateAsync(cancellationToken);
            else if (!await db.Database.CanConnectAsync(cancellationToken))
                throw new StartupConfigurationException("ConnectionStrings__Sentra: cannot connect to the database.");
            if (resolved.Provider == DatabaseProvider.Sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException && e is not StartupConfigurationException)
        {
            throw new StartupConfigurationException(
                $"ConnectionStrings__Sentra: cannot open the {resolved.Provider} database ({e.GetBaseException().Message.Split('\n')[0]}).");
        }
    }
}

public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString, bool AutoMigrate);

/// <summary>Lets <c>dotnet ef</c> build each provider's context without running the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteAppDbContext>)DatabaseSetup.ConfigureSqlite(
            new DbContextOptionsBuilder<SqliteAppDbContext>(), "Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresAppDbContext>)DatabaseSetup.ConfigurePostgres(
            new DbContextOptionsBuilder<PostgresAppDbContext>(), "Host=localhost;Database=sentra_design").Options);
}
