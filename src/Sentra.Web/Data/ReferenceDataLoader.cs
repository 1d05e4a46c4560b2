using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Regions;

namespace Sentra.Web.Data;

/// <summary>
/// Loads the reference lists shipped in <c>Data/Reference</c> into the database on first start
/// (or when a new version ships). Inserted as multi-row statements: 91,220 regions take about a
/// second on either provider, where one EF insert per row would take many.
/// </summary>
public sealed class ReferenceDataLoader(AppDbContext db, TimeProvider clock, ILogger<ReferenceDataLoader> logger)
{
    public const string RegionsName = "regions";
    public const string RegionsVersion = "permendagri-72-2019";
    public const string RegionsFile = "wilayah-permendagri-72-2019.csv";
    public const string KbliName = "kbli";
    public const string KbliVersion = "2020";
    public const string KbliFile = "kbli-2020.csv";

    public static string ReferenceDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var loaded = await db.ReferenceDataSets.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Version, cancellationToken);
        if (loaded.GetValueOrDefault(RegionsName) != RegionsVersion)
            await LoadRegionsAsync(cancellationToken);
        if (loaded.GetValueOrDefault(KbliName) != KbliVersion)
            await LoadKbliAsync(cancellationToken);
    }

    private async Task LoadRegionsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        using (var reader = new StreamReader(Path.Combine(ReferenceDirectory, RegionsFile)))
        using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false }))
        {
            while (await csv.ReadAsync())
            {
                var code = csv.GetField(0)!.Trim();
                var name = csv.GetField(1)!.Trim();
                rows.Add([code, name, name.ToLowerInvariant(), (int)RegionCodes.LevelOf(code), RegionCodes.ParentOf(code)]);
            }
        }
        await ReplaceAsync<Region>(["Code", "Name", "SearchName", "Level", "ParentCode"], rows, null, RegionsName, RegionsVersion,
            "Permendagri No. 72 Tahun 2019 via kodewilayah/permendagri-72-2019 (dist/base.csv, commit 8510275)", "CC0 1.0",
            cancellationToken);
    }

    private async Task LoadKbliAsync(CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        using (var reader = new StreamReader(Path.Combine(ReferenceDirectory, KbliFile)))
        using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            await csv.ReadAsync();
            csv.ReadHeader();
            while (await csv.ReadAsync())
            {
                var code = csv.GetField("code")!.Trim();
                var title = csv.GetField("title_id")!.Trim();
                var titleEn = csv.GetField("title_en")?.Trim();
                var parent = csv.GetField("parent")?.Trim();
                rows.Add([KbliVersion, code, csv.GetField("level")!.Trim(), title, string.IsNullOrEmpty(titleEn) ? null : titleEn,
                    string.IsNullOrEmpty(parent) ? null : parent, $"{code} {title}".ToLowerInvariant()]);
            }
        }
        // Only this version's rows are replaced: businesses keep codes of other KBLI versions.
        await ReplaceAsync<KbliCode>(["Version", "Code", "Level", "TitleId", "TitleEn", "ParentCode", "SearchText"], rows,
            ("Version", KbliVersion), KbliName, KbliVersion, "Peraturan BPS No. 2 Tahun 2020 (KBLI 2020); see Data/Reference/kbli-2020-SOURCES.md",
            "Regulation content, not subject to copyright (UU 28/2014 art. 42)", cancellationToken);
    }

    private async Task ReplaceAsync<T>(string[] properties, List<object?[]> rows, (string Property, string Value)? only, string name, string version, string source,
        string licence, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = entity.GetTableName()!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (only is { } filter)
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\" WHERE \"{entity.FindProperty(filter.Property)!.GetColumnName()}\" = {{0}}",
                [filter.Value], cancellationToken);
        else
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\"", cancellationToken);
        await BulkInsert.InsertAsync<T>(db, properties, rows, cancellationToken);
        var set = await db.ReferenceDataSets.FindAsync([name], cancellationToken);
        if (set is null) db.ReferenceDataSets.Add(set = new ReferenceDataSet { Name = name, Version = version, Source = source, Licence = licence });
        set.Version = version;
        set.Source = source;
        set.Licence = licence;
        set.RowCount = rows.Count;
        set.LoadedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded {Count} rows of reference data {Name} version {Version}", rows.Count, name, version);
    }
}
