using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Import.Parsing;
using Sentra.Web.Features.Products;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.Localization;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// Exports the registry list, with the list page's filters and sort, as .xlsx or .csv in the office's spreadsheet
/// format (the import template's columns, so an export can be imported again) plus status, classes and Sentra's id.
/// Rows are read in batches of <see cref="BatchSize"/> by id, so 100,000 businesses never sit in memory as entities.
/// NIK, phone and e-mail are in clear only where <see cref="RegistryAccess.CanRevealPersonalData"/> allows; the export
/// as a whole is then recorded as one reveal in the audit trail, saved before any of it leaves the server.
/// </summary>
public sealed class RegistryExport(
    AppDbContext db,
    BusinessService businesses,
    RegistryAccess access,
    PersonalDataProtector protector,
    AuditTrail audit,
    IStringLocalizer<SharedResource> t)
{
    public const int BatchSize = 1000;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The header row: the import template's columns, then the export's own.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. RegistryExportRow.Columns.Select(c => c.Name)];

    /// <summary><c>ikm-2026-11-28.xlsx</c>, dated in Jakarta.</summary>
    public string FileName(string extension) => string.Create(CultureInfo.InvariantCulture, $"ikm-{businesses.Today:yyyy-MM-dd}.{extension}");

    /// <summary>
    /// Finds the businesses to export, in the list's order, and records the reveal of personal data (if any) before
    /// anything is written: an export that cannot be audited is not given out.
    /// </summary>
    public async Task<RegistryExportPlan> PrepareAsync(ClaimsPrincipal user, BusinessQuery query, CancellationToken cancellationToken = default)
    {
        var items = await businesses.Filtered(user, query).Select(b => new
        {
            b.Id,
            b.VillageCode,
            Owner = b.Owners.OrderByDescending(o => o.IsPrimary).ThenBy(o => o.PersonId).Select(o => new
            {
                Nik = o.Person!.NikCipher != null,
                Phone = o.Person.PhoneCipher != null,
                Email = o.Person.EmailCipher != null,
            }).FirstOrDefault(),
        }).ToListAsync(cancellationToken);

        var revealed = items.Where(i => i.Owner is not null && RegistryAccess.CanRevealPersonalData(user, i.VillageCode)).ToList();
        var plan = new RegistryExportPlan([.. items.Select(i => i.Id)], revealed.Count(i => i.Owner!.Nik),
            revealed.Count(i => i.Owner!.Phone), revealed.Count(i => i.Owner!.Email));
        if (plan.NiksRevealed + plan.PhonesRevealed + plan.EmailsRevealed > 0)
        {
            var scope = user.RegionScope();
            audit.Add(user, AuditAction.Revealed, "Export", "businesses", scope.Length == 0 ? null : scope,
                new AuditChange("Nik", null, Count(plan.NiksRevealed)),
                new AuditChange("Phone", null, Count(plan.PhonesRevealed)),
                new AuditChange("Email", null, Count(plan.EmailsRevealed)),
                new AuditChange("Rows", null, Count(plan.Ids.Count)));
            await db.SaveChangesAsync(cancellationToken);
        }
        return plan;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rows of the plan, in its order, read <see cref="BatchSize"/> businesses at a time.</summary>
    public async IAsyncEnumerable<RegistryExportRow> RowsAsync(ClaimsPrincipal user, RegistryExportPlan plan,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var regionNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var ids in plan.Ids.Chunk(BatchSize))
        {
            // EF.Parameter: the ids go as one array parameter (json_each, = ANY). Expanded into 1,000 scalar parameters,
            // EF builds the SQL anew for every batch, and 100,000 rows took 70 s instead of 6.
            var batch = await access.Businesses(user).AsNoTracking().Where(b => EF.Parameter(ids).Contains(b.Id)).Select(b => new
            {
                b.Id, b.Name, b.Nib, b.Street, b.Rt, b.Rw, b.VillageCode, b.MainProductType, b.YearStarted, b.Latitude, b.Longitude,
                b.Status, b.IndustryClass, b.EnterpriseClass,
                // All owners, the first picked below: a "first owner" subquery would number the owners of every business
                // in the database for every batch. Each collection is one plain join on the batch's ids (split query).
                Owners = b.Owners.OrderByDescending(o => o.IsPrimary).ThenBy(o => o.PersonId).Select(o => new
                {
                    o.Person!.Name, o.Person.NikCipher, o.Person.NikMasked, o.Person.Sex, o.Person.PhoneCipher, o.Person.PhoneLast4,
                    o.Person.EmailCipher,
                }).ToList(),
                Kbli = b.KbliCodes.OrderByDescending(k => k.IsPrimary).ThenBy(k => k.KbliCode).Select(k => k.KbliCode).ToList(),
                Permits = b.Permits.OrderBy(p => p.Number).Select(p => new { p.Kind, p.Number }).ToList(),
                // Only the figures BusinessService.Latest and the columns need.
                Observations = b.Observations.Select(o => new BusinessObservation
                {
                    Id = o.Id, Year = o.Year, Half = o.Half, PaidMale = o.PaidMale, PaidFemale = o.PaidFemale, UnpaidMale = o.UnpaidMale,
                    UnpaidFemale = o.UnpaidFemale, InvestmentRp = o.InvestmentRp, CapacityPerMonth = o.CapacityPerMonth,
                    CapacityUnit = o.CapacityUnit, AnnualSalesRp = o.AnnualSalesRp,
                }).ToList(),
            }).AsSplitQuery().ToListAsync(cancellationToken);

            var missing = batch.Select(b => b.VillageCode).Where(c => !regionNames.ContainsKey(c)).Distinct().ToList();
            if (missing.Count > 0)
                foreach (var (code, name) in await businesses.RegionNamesAsync(missing)) regionNames[code] = name;

            var byId = batch.ToDictionary(b => b.Id);
            foreach (var id in ids)
            {
                // A business deleted since the plan was made is left out.
                if (!byId.TryGetValue(id, out var b)) continue;
                var owner = b.Owners.FirstOrDefault();
                var reveal = owner is not null && RegistryAccess.CanRevealPersonalData(user, b.VillageCode);
                var latest = BusinessService.Latest(b.Observations);
                var district = RegionCodes.ParentOf(b.VillageCode) ?? "";
                yield return new RegistryExportRow
                {
                    No = ++number,
                    BusinessName = b.Name,
                    OwnerName = owner?.Name,
                    Nik = reveal && owner!.NikCipher is { } nik ? protector.Decrypt(nik) : Person.MaskedNik(owner?.NikMasked),
                    Sex = owner?.Sex switch { Sex.Male => "L", Sex.Female => "P", _ => null },
                    Address = b.Street,
                    Rt = b.Rt,
                    Rw = b.Rw,
                    Village = regionNames.GetValueOrDefault(b.VillageCode),
                    District = regionNames.GetValueOrDefault(district),
                    City = regionNames.GetValueOrDefault(RegionCodes.ParentOf(district) ?? ""),
                    Phone = reveal && owner!.PhoneCipher is { } phone ? LocalPhone(protector.Decrypt(phone)) : Blank(Masking.Phone(owner?.PhoneLast4)),
                    // A masked e-mail address would need the clear one: staff who may not reveal it get nothing.
                    Email = reveal && owner!.EmailCipher is { } email ? protector.Decrypt(email) : null,
                    Nib = b.Nib,
                    Kbli = Joined(b.Kbli),
                    MainProduct = b.MainProductType,
                    WorkersMale = latest is null ? null : latest.PaidMale + latest.UnpaidMale,
                    WorkersFemale = latest is null ? null : latest.PaidFemale + latest.UnpaidFemale,
                    Investment = latest?.InvestmentRp,
                    AnnualSales = latest?.AnnualSalesRp,
                    Capacity = latest?.CapacityPerMonth is { } capacity
                        ? $"{capacity.ToString("0.###", CultureInfo.InvariantCulture)} {latest.CapacityUnit}".Trim()
                        : null,
                    PirtNumbers = Joined(b.Permits.Where(p => p.Kind == PermitKind.Pirt).Select(p => p.Number)),
                    HalalCertificateNumbers = Joined(b.Permits.Where(p => p.Kind == PermitKind.Halal).Select(p => p.Number)),
                    YearStarted = b.YearStarted,
                    Latitude = b.Latitude,
                    Longitude = b.Longitude,
                    Status = t.Label(b.Status),
                    IndustryClass = t.Label(b.IndustryClass),
                    EnterpriseClass = t.Label(b.EnterpriseClass),
                    Id = b.Id,
                };
            }
        }
    }

    /// <summary>
    /// Writes the workbook: one sheet, <see cref="Template.SheetName"/>, identifiers as text cells. MiniExcel needs a
    /// seekable stream, so the workbook is built in memory (22 MB for 100,000 rows) and then copied out; personal data is
    /// never written to a temporary file.
    /// </summary>
    public async Task WriteXlsxAsync(ClaimsPrincipal user, RegistryExportPlan plan, Stream output, CancellationToken cancellationToken = default)
    {
        await using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(RowsAsync(user, plan, cancellationToken), printHeader: true, sheetName: Template.SheetName,
            // FastMode holds the sheet in memory: a 450 MB heap peak for 100,000 rows, 115 MB without it.
            excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = false }, cancellationToken: cancellationToken);
        workbook.Position = 0;
        await workbook.CopyToAsync(output, cancellationToken);
    }

    /// <summary>
    /// Writes CSV as Excel in an Indonesian locale reads it (see <see cref="Template.Csv"/>): UTF-8 with a BOM, ';'
    /// between fields, decimal commas, CRLF line ends. Streamed as it is read.
    /// </summary>
    public async Task WriteCsvAsync(ClaimsPrincipal user, RegistryExportPlan plan, Stream output, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\r\n" }, leaveOpen: true);
        foreach (var header in Headers) csv.WriteField(header);
        await csv.NextRecordAsync();
        await foreach (var row in RowsAsync(user, plan, cancellationToken))
        {
            foreach (var column in RegistryExportRow.Columns) csv.WriteField(CsvText(column, column.Property.GetValue(row)));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
        await writer.FlushAsync(cancellationToken);
    }

    private static string CsvText(RegistryExportColumn column, object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture).Replace('.', ','),
        string s when column.Property.Name == nameof(RegistryExportRow.Phone) => s, // "08…" or the mask "+62••••••1234"
        string s => Defused(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Text a spreadsheet would take for a formula (a name typed as <c>=HYPERLINK(…)</c>) gets a leading apostrophe
    /// (OWASP's advice on CSV injection). Cells of the .xlsx are text cells and need no such care.
    /// </summary>
    private static string Defused(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    /// <summary>The office writes phone numbers as <c>0812…</c>; they are stored as <c>+62812…</c>.</summary>
    private static string LocalPhone(string e164) => e164.StartsWith("+62", StringComparison.Ordinal) ? "0" + e164[3..] : e164;

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    private static string? Joined(IEnumerable<string> values) => string.Join(", ", values) is { Length: > 0 } s ? s : null;

    /// <summary>
    /// The list page's filters from its query string (the page links here with its own): the same names, enums by
    /// name, and anything that does not parse ignored rather than refused. Paging is ignored: every match is exported.
    /// </summary>
    public static BusinessQuery QueryFrom(IQueryCollection query)
    {
        string? Text(string key) => query.TryGetValue(key, out var values) && First(values) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        bool Flag(string key) => bool.TryParse(Text(key), out var value) && value;
        TEnum? Named<TEnum>(string key) where TEnum : struct, Enum =>
            Text(key) is { } v && v.All(char.IsAsciiLetter) && Enum.TryParse<TEnum>(v, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
        return new BusinessQuery(
            Q: Text("q"),
            District: Text("district"),
            Village: Text("village"),
            Cluster: int.TryParse(Text("cluster"), NumberStyles.None, CultureInfo.InvariantCulture, out var cluster) ? cluster : null,
            Kbli: Text("kbli"),
            IndustryClass: Named<IndustryClass>("industryClass"),
            EnterpriseClass: Named<EnterpriseClass>("enterpriseClass"),
            Status: Named<BusinessStatus>("status"),
            Halal: Named<HalalStatus>("halal"),
            PermitExpiring: Flag("permitExpiring"),
            Sort: Text("sort") ?? "name",
            Descending: Flag("descending"));
    }

    // A checkbox may come with a hidden "false" after it; like Razor Pages' binding, the first value counts.
    private static string? First(StringValues values) => values.Count > 0 ? values[0] : null;
}

/// <summary>What <see cref="RegistryExport.PrepareAsync"/> found: the businesses in order and what will be shown in clear.</summary>
public sealed record RegistryExportPlan(IReadOnlyList<int> Ids, int NiksRevealed, int PhonesRevealed, int EmailsRevealed);

/// <summary>One column: its header and the property that holds it.</summary>
public sealed record RegistryExportColumn(string Name, PropertyInfo Property);

/// <summary>
/// One exported business. The MiniExcel attributes give each column's header and place; identifiers are text
/// (<c>Format = "@"</c>) so that Excel keeps a NIK's sixteen digits and the leading zeros of RT, RW and phone numbers.
/// Counts and amounts are numbers.
/// </summary>
public sealed class RegistryExportRow
{
    [ExcelColumn(Name = "No", Index = 0, Width = 6)] public int No { get; init; }
    [ExcelColumn(Name = "Nama Usaha", Index = 1, Width = 32)] public string? BusinessName { get; init; }
    [ExcelColumn(Name = "Nama Pemilik", Index = 2, Width = 24)] public string? OwnerName { get; init; }
    [ExcelColumn(Name = "NIK", Index = 3, Width = 20, Format = "@")] public string? Nik { get; init; }
    [ExcelColumn(Name = "Jenis Kelamin", Index = 4, Width = 8)] public string? Sex { get; init; }
    [ExcelColumn(Name = "Alamat", Index = 5, Width = 36)] public string? Address { get; init; }
    [ExcelColumn(Name = "RT", Index = 6, Width = 6, Format = "@")] public string? Rt { get; init; }
    [ExcelColumn(Name = "RW", Index = 7, Width = 6, Format = "@")] public string? Rw { get; init; }
    [ExcelColumn(Name = "Kelurahan", Index = 8, Width = 18)] public string? Village { get; init; }
    [ExcelColumn(Name = "Kecamatan", Index = 9, Width = 18)] public string? District { get; init; }
    [ExcelColumn(Name = "Kota", Index = 10, Width = 18)] public string? City { get; init; }
    [ExcelColumn(Name = "No HP", Index = 11, Width = 16, Format = "@")] public string? Phone { get; init; }
    [ExcelColumn(Name = "Email", Index = 12, Width = 26)] public string? Email { get; init; }
    [ExcelColumn(Name = "NIB", Index = 13, Width = 16, Format = "@")] public string? Nib { get; init; }
    [ExcelColumn(Name = "KBLI", Index = 14, Width = 14, Format = "@")] public string? Kbli { get; init; }
    [ExcelColumn(Name = "Produk Utama", Index = 15, Width = 24)] public string? MainProduct { get; init; }
    [ExcelColumn(Name = "TK Laki-laki", Index = 16, Width = 10)] public int? WorkersMale { get; init; }
    [ExcelColumn(Name = "TK Perempuan", Index = 17, Width = 10)] public int? WorkersFemale { get; init; }
    [ExcelColumn(Name = "Nilai Investasi", Index = 18, Width = 16)] public long? Investment { get; init; }
    [ExcelColumn(Name = "Omzet per Tahun", Index = 19, Width = 16)] public long? AnnualSales { get; init; }
    [ExcelColumn(Name = "Kapasitas Produksi", Index = 20, Width = 18)] public string? Capacity { get; init; }
    [ExcelColumn(Name = "No PIRT", Index = 21, Width = 20, Format = "@")] public string? PirtNumbers { get; init; }
    [ExcelColumn(Name = "No Sertifikat Halal", Index = 22, Width = 24, Format = "@")] public string? HalalCertificateNumbers { get; init; }
    [ExcelColumn(Name = "Tahun Berdiri", Index = 23, Width = 10)] public int? YearStarted { get; init; }
    [ExcelColumn(Name = "Latitude", Index = 24, Width = 12)] public double? Latitude { get; init; }
    [ExcelColumn(Name = "Longitude", Index = 25, Width = 12)] public double? Longitude { get; init; }
    [ExcelColumn(Name = "Status", Index = 26, Width = 16)] public string? Status { get; init; }
    [ExcelColumn(Name = "Kelas Industri", Index = 27, Width = 18)] public string? IndustryClass { get; init; }
    [ExcelColumn(Name = "Kelas Usaha", Index = 28, Width = 18)] public string? EnterpriseClass { get; init; }
    [ExcelColumn(Name = "ID Sentra", Index = 29, Width = 10)] public int Id { get; init; }

    /// <summary>The columns in order, read once from the attributes so the .xlsx and the .csv cannot disagree.</summary>
    public static IReadOnlyList<RegistryExportColumn> Columns { get; } = [.. typeof(RegistryExportRow).GetProperties()
        .Select(p => (Property: p, Column: p.GetCustomAttribute<ExcelColumnAttribute>()))
        .Where(p => p.Column is not null)
        .OrderBy(p => p.Column!.Index)
        .Select(p => new RegistryExportColumn(p.Column!.Name, p.Property))];
}

public static class RegistryExportEndpoints
{
    /// <summary>
    /// <c>GET /registry/businesses/export.xlsx</c> and <c>.csv</c> for office staff (leaders too: exporting changes
    /// nothing). Not under /api: a person without access is sent to the login or access-denied page like any page.
    /// </summary>
    public static void MapRegistryExport(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/registry/businesses").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        group.MapGet("/export.xlsx", (HttpContext http, CancellationToken cancellationToken) => ExportAsync(http, "xlsx",
            RegistryExport.XlsxContentType, (export, plan, body) => export.WriteXlsxAsync(http.User, plan, body, cancellationToken), cancellationToken));
        group.MapGet("/export.csv", (HttpContext http, CancellationToken cancellationToken) => ExportAsync(http, "csv",
            RegistryExport.CsvContentType, (export, plan, body) => export.WriteCsvAsync(http.User, plan, body, cancellationToken), cancellationToken));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, string extension, string contentType,
        Func<RegistryExport, RegistryExportPlan, Stream, Task> write, CancellationToken cancellationToken)
    {
        // Created here rather than registered, so that the feature needs only its Map call in Program.cs.
        var export = ActivatorUtilities.CreateInstance<RegistryExport>(http.RequestServices);
        var plan = await export.PrepareAsync(http.User, RegistryExport.QueryFrom(http.Request.Query), cancellationToken);
        http.Response.Headers.CacheControl = "no-store"; // may hold personal data
        return TypedResults.Stream(body => write(export, plan, body), contentType, export.FileName(extension));
    }
}
