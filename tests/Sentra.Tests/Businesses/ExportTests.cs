using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Demo;
using Sentra.Web.Features.Import.Parsing;
using Sentra.Web.Features.Products;
using Sentra.Web.Infrastructure.PersonalData;
using Xunit.Abstractions;

namespace Sentra.Tests.Businesses;

/// <summary>The registry export (.xlsx and .csv) over the demo sentra; it changes nothing but the audit trail.</summary>
public sealed partial class ExportTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string Xlsx = "/registry/businesses/export.xlsx";
    private const string Csv = "/registry/businesses/export.csv";
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Officer_gets_every_business_in_the_template_format_with_niks_in_clear_as_text_and_one_audit_entry()
    {
        var client = await App.SignedInAsync(DemoAccounts.Officer);
        var before = await LastAuditIdAsync();

        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync(Xlsx);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        output.WriteLine($"xlsx export of 20 businesses: {watch.ElapsedMilliseconds} ms, {bytes.Length} bytes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RegistryExport.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"ikm-{JakartaToday():yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var header = MiniExcel.Query(new MemoryStream(bytes)).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString() ?? "").ToList();
        Assert.Equal(RegistryExport.Headers, header);
        Assert.Equal(HeaderMatcher.CanonicalHeaders, header.Take(HeaderMatcher.CanonicalHeaders.Count));
        Assert.Equal(["Status", "Kelas Industri", "Kelas Usaha", "ID Sentra"], header.Skip(HeaderMatcher.CanonicalHeaders.Count));

        var rows = Rows(bytes);
        Assert.Equal(20, rows.Count);
        Assert.Equal(Enumerable.Range(1, 20), rows.Select(r => Convert.ToInt32(r["No"], CultureInfo.InvariantCulture)));
        Assert.All(rows, r =>
        {
            Assert.Matches(SixteenDigits(), Assert.IsType<string>(r["NIK"]));
            Assert.Matches(LocalPhone(), Assert.IsType<string>(r["No HP"]));
            Assert.Contains(r["Jenis Kelamin"], new object?[] { "L", "P" });
            Assert.Equal("Pondok Petir", r["Kelurahan"]);
            Assert.Equal("Bojongsari", r["Kecamatan"]);
            Assert.Equal("KOTA DEPOK", r["Kota"]);
            Assert.Matches(@"^\d{3}$", Assert.IsType<string>(r["RT"]));
        });

        // The NIK is the owner's, decrypted; ids are Sentra's.
        await using var db = App.NewDbContext();
        var protector = App.Services.GetRequiredService<PersonalDataProtector>();
        var first = rows[0];
        var id = Convert.ToInt32(first["ID Sentra"], CultureInfo.InvariantCulture);
        var owner = await db.BusinessOwners.Where(o => o.BusinessId == id && o.IsPrimary).Select(o => o.Person!).SingleAsync();
        Assert.Equal(protector.Decrypt(owner.NikCipher!), first["NIK"]);
        Assert.Equal(owner.Name, first["Nama Pemilik"]);
        var ids = await db.Businesses.Where(b => b.VillageCode == "32.76.11.1004").Select(b => b.Id).ToListAsync();
        Assert.Equal(ids.Order(), rows.Select(r => Convert.ToInt32(r["ID Sentra"], CultureInfo.InvariantCulture)).Order());

        // Identifiers are text cells, so Excel keeps all sixteen digits (not 3.27611E+15).
        var sheet = SheetXml(bytes);
        var nikCells = NikCell().Matches(sheet).Skip(1).ToList();
        Assert.Equal(20, nikCells.Count);
        Assert.All(nikCells, c => Assert.Equal("str", c.Groups["type"].Value));

        // And it reads back through the import's reader: headers recognised, NIKs whole.
        var sheetRows = SpreadsheetReader.Read(new MemoryStream(bytes), "ikm.xlsx").ToList();
        var found = HeaderMatcher.FindHeaderRow([.. sheetRows.Select(r => r.Cells)]);
        Assert.True(found.IsValid);
        Assert.Equal(HeaderMatcher.CanonicalHeaders.Count, found.Columns.Count);
        Assert.Matches(SixteenDigits(), sheetRows[1].Cell(found.Columns[ImportColumn.Nik]));

        var entries = await NewExportAuditsAsync(before);
        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.Revealed, entry.Action);
        Assert.Equal("businesses", entry.EntityId);
        Assert.Equal("32.76", entry.RegionCode);
        var officerId = await db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync();
        Assert.Equal(officerId, entry.UserId);
        Assert.Contains(AuditTrail.ToRow(entry).Changes, c => c is { Field: "Nik", New: "20" });
    }

    [Fact]
    public async Task Leader_may_export_but_sees_niks_and_phones_masked_and_nothing_is_audited()
    {
        var client = await App.SignedInAsync(DemoAccounts.Leader);
        var before = await LastAuditIdAsync();

        var response = await client.GetAsync(Xlsx);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Matches(MaskedNik(), Assert.IsType<string>(r["NIK"]));
            Assert.Matches(@"^\+62•{6}\d{4}$", Assert.IsType<string>(r["No HP"]));
            Assert.Null(r["Email"]);
        });
        Assert.Empty(await NewExportAuditsAsync(before));
    }

    [Fact]
    public async Task Filters_of_the_list_page_narrow_the_export_and_invalid_values_are_ignored()
    {
        var client = await App.SignedInAsync(DemoAccounts.Officer);
        await using var db = App.NewDbContext();
        var drafts = await db.Businesses.Where(b => b.Status == BusinessStatus.Draft).Select(b => b.Id).ToListAsync();
        Assert.NotEmpty(drafts);

        var rows = Rows(await client.GetByteArrayAsync($"{Xlsx}?status=Draft&page=2"));
        Assert.Equal(drafts.Order(), rows.Select(r => Convert.ToInt32(r["ID Sentra"], CultureInfo.InvariantCulture)).Order());
        Assert.Single(rows.Select(r => r["Status"]).Distinct());

        var unfiltered = Rows(await client.GetByteArrayAsync($"{Xlsx}?status=Nonsense&halal=7&industryClass=&cluster=x&sort=name&descending=true"));
        Assert.Equal(20, unfiltered.Count);
        var names = unfiltered.Select(r => (string)r["Nama Usaha"]!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal).Reverse(), names);
    }

    [Fact]
    public async Task Csv_is_utf8_with_bom_semicolon_separated_and_reads_back_through_the_import_reader()
    {
        var client = await App.SignedInAsync(DemoAccounts.Officer);

        var response = await client.GetAsync(Csv);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"ikm-{JakartaToday():yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.StartsWith(string.Join(';', RegistryExport.Headers) + "\r\n", text, StringComparison.Ordinal);

        var rows = SpreadsheetReader.Read(new MemoryStream(bytes), "ikm.csv").ToList();
        Assert.Equal(21, rows.Count);
        var found = HeaderMatcher.FindHeaderRow([.. rows.Select(r => r.Cells)]);
        Assert.True(found.IsValid);
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Matches(SixteenDigits(), r.Cell(found.Columns[ImportColumn.Nik]));
            Assert.Equal("KOTA DEPOK", r.Cell(found.Columns[ImportColumn.City]));
        });
        // Coordinates with a decimal comma, as Excel in an Indonesian locale writes them.
        Assert.Contains(rows.Skip(1), r => r.Cell(found.Columns[ImportColumn.Latitude]) is { } lat && lat.StartsWith("-6,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DemoAccounts.OwnerOne, "/account/access-denied")]
    [InlineData(DemoAccounts.Partner, "/account/access-denied")]
    [InlineData(null, "/account/login")]
    public async Task Owners_partners_and_strangers_are_sent_away_without_a_file(string? login, string redirect)
    {
        var client = login is null ? App.Browser() : await App.SignedInAsync(login);
        var before = await LastAuditIdAsync();
        foreach (var url in new[] { Xlsx, Csv })
        {
            var response = await client.GetAsync(url + "?status=Draft");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(redirect, response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
            Assert.Null(response.Content.Headers.ContentDisposition);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Empty(await NewExportAuditsAsync(before));
    }

    [Theory]
    [InlineData("status=draft", BusinessStatus.Draft)]
    [InlineData("status=Verified&status=Draft", BusinessStatus.Verified)]
    [InlineData("status=1", null)]
    [InlineData("status=Draft,Verified", null)]
    [InlineData("status=", null)]
    public void Enum_filters_are_read_by_name(string query, BusinessStatus? expected) =>
        Assert.Equal(expected, RegistryExport.QueryFrom(Query(query)).Status);

    [Fact]
    public void The_query_string_binds_like_the_list_page()
    {
        var q = RegistryExport.QueryFrom(Query("q=cireng&district=32.76.11&village=32.76.11.1004&cluster=3&kbli=107&industryClass=Small"
            + "&enterpriseClass=Micro&halal=Certified&permitExpiring=true&permitExpiring=false&sort=village&descending=true&page=4"));
        Assert.Equal(new BusinessQuery("cireng", "32.76.11", "32.76.11.1004", 3, "107", IndustryClass.Small,
            EnterpriseClass.Micro, null, HalalStatus.Certified, true, null, "village", true),
            q);
        Assert.Equal(new BusinessQuery(), RegistryExport.QueryFrom(Query("cluster=abc&permitExpiring=on&sort=")));
    }

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));

    private static List<IDictionary<string, object?>> Rows(byte[] xlsx) =>
        [.. MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>()];

    private static string SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = App.NewDbContext();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEntry>> NewExportAuditsAsync(long after)
    {
        await using var db = App.NewDbContext();
        return await db.AuditEntries.Where(a => a.Id > after && a.EntityType == "Export").ToListAsync();
    }

    private static DateOnly JakartaToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Jakarta"));

    [GeneratedRegex(@"^\d{16}$")]
    private static partial Regex SixteenDigits();

    [GeneratedRegex(@"^\d{4}•{8}\d{4}$")]
    private static partial Regex MaskedNik();

    [GeneratedRegex(@"^08\d{8,11}$")]
    private static partial Regex LocalPhone();

    /// <summary>Cells of column D (NIK) with their type: "str" is text, "n" or none a number.</summary>
    [GeneratedRegex(@"<x:c r=""D\d+""(?: t=""(?<type>\w+)"")?")]
    private static partial Regex NikCell();
}
