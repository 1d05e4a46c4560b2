using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Data;

namespace Sentra.Tests.Operations;

/// <summary>Runs the built app as a real process, as an operator would, and reads what it prints.</summary>
public sealed class StartupTests
{
    private const string GoodKey = "cHJvZHVjdGlvbi10ZXN0LWtleS0wMTIzNDU2Nzg5YWI=";
    private const string GoodHashKey = "cHJvZHVjdGlvbi10ZXN0LWhhc2gta2V5LTAxMjM0NTY3";

    private static async Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string> env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(RepoPaths.WebDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.WorkingDirectory = Path.GetDirectoryName(RepoPaths.WebDll)!;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // Production with proper secrets unless a test says otherwise, so each test sees only its own problem.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Sentra__PersonalData__EncryptionKey"] = GoodKey;
        start.Environment["Sentra__PersonalData__HashKey"] = GoodHashKey;
        start.Environment["Sentra__PublicBaseUrl"] = "https://sentra.example.go.id";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, (await error).Trim());
    }

    [Fact]
    public async Task Unknown_provider_stops_with_one_line_naming_the_setting()
    {
        var (exit, _, err) = await RunAsync(new() { ["Database__Provider"] = "Oracle" });
        Assert.Equal(1, exit);
        Assert.Single(err.Split('\n'));
        Assert.StartsWith("Database__Provider:", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", "Nonsense Keyword=1")]
    [InlineData("Sqlite", "Data Source=/proc/no-such-dir/sentra.db")]
    [InlineData("Postgres", "")]
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2")]
    public async Task Bad_connection_string_stops_with_one_line_naming_the_setting(string provider, string connectionString)
    {
        var (exit, _, err) = await RunAsync(new() { ["Database__Provider"] = provider, ["ConnectionStrings__Sentra"] = connectionString });
        Assert.Equal(1, exit);
        Assert.Single(err.Split('\n'));
        Assert.StartsWith("ConnectionStrings__Sentra:", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_demo_accounts_and_default_secrets()
    {
        var (exit, _, err) = await RunAsync(new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Sentra__Demo__Enabled"] = "true",
            ["Sentra__PersonalData__EncryptionKey"] = Sentra.Web.Infrastructure.PersonalData.PersonalDataOptions.DevelopmentEncryptionKey,
            ["Sentra__PersonalData__HashKey"] = "",
            ["Sentra__PublicBaseUrl"] = "",
        });
        Assert.Equal(1, exit);
        var lines = err.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Sentra__Demo__Enabled:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Sentra__PersonalData__EncryptionKey:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Sentra__PersonalData__HashKey:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Sentra__PublicBaseUrl:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_admin_sets_up_production_without_demo_data()
    {
        var connectionString = await TestDatabase.CreateEmptyAsync();
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = TestDatabase.IsPostgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings__Sentra"] = connectionString,
            ["Sentra__PersonalData__EncryptionKey"] = GoodKey,
            ["Sentra__PersonalData__HashKey"] = GoodHashKey,
            ["SENTRA_ADMIN_PASSWORD"] = "Produksi2026",
        };
        var (exit, output, err) = await RunAsync(env, "create-admin", "--email", "admin@disdagin.depok.go.id", "--region", "32.76");
        Assert.True(exit == 0, err);
        Assert.Contains("Created admin admin@disdagin.depok.go.id", output);

        var options = new DbContextOptionsBuilder<AppDbContext>();
        await using AppDbContext db = TestDatabase.IsPostgres
            ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options);
        var admin = await db.Users.Include(u => u.Office).SingleAsync();
        Assert.Equal("32.76", admin.RegionCode);
        Assert.Equal("Disdagin KOTA DEPOK", admin.Office!.Name);
        var roleId = await db.UserRoles.Where(r => r.UserId == admin.Id).Select(r => r.RoleId).SingleAsync();
        Assert.Equal("Admin", await db.Roles.Where(r => r.Id == roleId).Select(r => r.Name).SingleAsync());
        Assert.NotEqual(PasswordVerificationResult.Failed,
            new PasswordHasher<Sentra.Web.Features.Accounts.AppUser>().VerifyHashedPassword(admin, admin.PasswordHash!, "Produksi2026"));
        Assert.False(await db.Businesses.AnyAsync());
        Assert.False(await db.Clusters.AnyAsync());
        Assert.Equal(91_220, await db.Regions.CountAsync());

        // Structured logs: one JSON object per line when Logging__Format=json.
        env["Logging__Format"] = "json";
        env["Logging__LogLevel__Default"] = "Information";
        var (again, againOut, againErr) = await RunAsync(env, "create-admin", "--email", "admin@disdagin.depok.go.id");
        var jsonLines = againOut.Split('\n').Where(l => l.StartsWith('{')).ToList();
        Assert.NotEmpty(jsonLines);
        Assert.All(jsonLines, l => Assert.True(System.Text.Json.JsonDocument.Parse(l).RootElement.TryGetProperty("Timestamp", out _)));
        Assert.Equal(2, again);
        Assert.Contains("already exists", againErr);
    }
}
