using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Bench;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Demo;
using Sentra.Web.Features.Import;

// Import benchmark: a generated 100,000-row spreadsheet, messy in more than 10% of its rows, through the
// dry run and the commit, timed separately, with peak memory. Provider from SENTRA_TEST_PROVIDER
// (and SENTRA_TEST_POSTGRES), as for the tests. Usage: dotnet run -c Release -- [rows] [xlsx|csv]
// Catalog benchmark data: `catalog N` fills a fresh database copy with N generated products and
// prints `CONNECTION <connection string>` for bench/catalog.sh, which then load-tests the real app on it.
if (args.Length > 0 && args[0] == "catalog")
{
    Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SENTRA_WEB", RepoPaths.WebProject);
    var products = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var connection = await TestDatabase.CreateAsync();
    var fillWatch = Stopwatch.StartNew();
    await using (var catalogApp = new SentraApp(connection))
    {
        var counts = await CatalogData.FillAsync(catalogApp, products);
        Console.WriteLine($"{(TestDatabase.IsPostgres ? "PostgreSQL" : "SQLite")}: {CatalogData.Describe(counts)} in {fillWatch.Elapsed.TotalSeconds:0.0} s");
    }
    Console.WriteLine("CONNECTION " + connection);
    return;
}

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var format = args.Length > 1 ? args[1] : "xlsx";
var provider = TestDatabase.IsPostgres ? "PostgreSQL" : "SQLite";

// WebApplicationFactory finds Sentra.Web's content root by this setting when run outside a test assembly.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SENTRA_WEB", RepoPaths.WebProject);

var file = ImportFile.Generate(rows, format, out var messyRows, out var invalidRows);
Console.WriteLine($"{provider}: generated {rows:N0} rows ({messyRows:N0} messy, {invalidRows:N0} invalid) as .{format}, {file.Length / 1024.0 / 1024.0:0.0} MB");

if (args.Contains("--read-only"))
{
    var readWatch = Stopwatch.StartNew();
    var count = Sentra.Web.Features.Import.Parsing.SpreadsheetReader.Read(new MemoryStream(file), $"bench.{format}").Count();
    Console.WriteLine($"  reading alone: {count:N0} rows in {readWatch.Elapsed.TotalSeconds:0.00} s");
    return;
}

await using var app = new SentraApp(await TestDatabase.CreateAsync());
using var scope = app.Services.CreateScope();
var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
    .CreateAsync((await users.FindByEmailAsync(DemoAccounts.Officer))!);

GC.Collect();
var baseline = Process.GetCurrentProcess().WorkingSet64;
using var sampler = new PeakSampler();

var watch = Stopwatch.StartNew();
var plan = await scope.ServiceProvider.GetRequiredService<ImportAnalyser>()
    .AnalyseAsync(principal, new MemoryStream(file, writable: false), $"bench.{format}", null);
var dryRun = watch.Elapsed;
var dryRunPeak = sampler.Peak;
Console.WriteLine($"  dry run: {dryRun.TotalSeconds:0.0} s, {rows / dryRun.TotalSeconds:N0} rows/s — create {plan.Creates:N0}, update {plan.Updates:N0}, reject {plan.Rejects:N0}; peak working set {dryRunPeak / 1048576.0:N0} MB");

sampler.Reset();
watch.Restart();
var result = await scope.ServiceProvider.GetRequiredService<ImportCommitter>().CommitAsync(principal, plan);
var commit = watch.Elapsed;
var commitPeak = sampler.Peak;
Console.WriteLine($"  commit:  {commit.TotalSeconds:0.0} s, {(result.Created + result.Updated) / commit.TotalSeconds:N0} rows/s — created {result.Created:N0}, updated {result.Updated:N0}, skipped {result.Skipped:N0}; peak working set {commitPeak / 1048576.0:N0} MB");

await using var db = app.NewDbContext();
var businesses = await db.Businesses.CountAsync();
var audit = await db.AuditEntries.CountAsync();
Console.WriteLine($"  database now holds {businesses:N0} businesses and {audit:N0} audit entries (baseline working set {baseline / 1048576.0:N0} MB)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT|{provider}|{rows}|{dryRun.TotalSeconds:0.0}|{rows / dryRun.TotalSeconds:0}|{dryRunPeak / 1048576.0:0}|{commit.TotalSeconds:0.0}|{(result.Created + result.Updated) / commit.TotalSeconds:0}|{commitPeak / 1048576.0:0}"));
