using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Demo;
using Sentra.Web.Features.Import;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Import;

public sealed partial class ImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private const string Header = "No.;NAMA  USAHA;Nama Pemilik;NIK;Jenis Kelamin (L/P);Alamat;RT;RW;Kelurahan;Kecamatan;Kota;No. HP;Email;NIB;KBLI;Produk Utama;TK Laki-laki;TK Perempuan;Nilai Investasi;Omzet per Tahun (Rp);Kapasitas Produksi;No PIRT;No Sertifikat Halal;Tahun Berdiri;Latitude;Longitude";

    /// <summary>A messy spreadsheet as offices keep them: a title row, odd headers, mixed formats, blank rows.</summary>
    private static string MessyCsv(string existingNib) => string.Join("\r\n",
        "DATA IKM KELURAHAN PONDOK PETIR TAHUN 2025;;;;",
        "",
        Header,
        "1;Keripik Baru Jaya;Ani Suryani;3276114507850011;P;Jl. Raya Pondok Petir No. 99;3;05;Pd. Petir;Bojongsari;Depok;0812-3456-7001;ani@example.com;1234500000001;10794;Keripik singkong;2;3;Rp 15.000.000;120 juta;500 kg/bulan;P-IRT 2063276010147-28;;2015;-6,3521;106,7051",
        "2;Cireng Notasi;Budi;3,27611E+15;L;Jl. Mawar;1;1;Pondok Petir;Bojongsari;Depok;;;;10750;Cireng;1;0;5.000.000;;;;;2019;;",
        $"3;Usaha Lama Diperbarui;Pemilik Lama;;;;;;Kel. Pondok Petir;;;62813-0000-1111;;{existingNib};;;4;4;1,2 M;2,5 miliar;;;;;;",
        "",
        "4;Keripik Baru Jaya Lagi;Ani Suryani;;P;;;;Pondok Petir;;;;;1234500000001;;;;;;;;;;;;",
        "5;Dodol Salah Uang;Cici;;P;;;;Pondok Petir;Bojongsari;;;;;10796;Dodol;;;satu juta;;;;;;;",
        "6;Usaha Atlantis;Dedi;;L;;;;Atlantis;;;;;;;;;;;;;;;;;",
        "7;Sambal Salah Kelamin;Euis;3276114507850028;Pria;;;;Pondok Petir;;;;;;;;;;;;;;;;;");

    [Fact]
    public async Task Dry_run_reports_by_row_and_column_then_commit_saves_all_accepted_rows()
    {
        var existingNib = DemoData.Businesses.First(b => b.Nib is not null).Nib!;
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var jobUrl = await UploadAsync(officer, "data-ikm.csv", Encoding.UTF8.GetBytes(MessyCsv(existingNib)));
        var report = await WaitAsync(officer, jobUrl);

        Assert.Equal("1", Count(report, "create"));
        Assert.Equal("1", Count(report, "update"));
        Assert.Equal("5", Count(report, "reject"));
        Assert.Equal("1", Count(report, "duplicates"));
        Assert.Contains("notasi ilmiah", report);                        // row 5 of the sheet, NIK column
        Assert.Contains("Baris ini sama dengan baris 4", report);         // duplicate NIB of the first data row
        Assert.Contains("Bukan nilai Rupiah yang valid", report);                           // "satu juta"
        Assert.Contains("Kelurahan/desa tidak dikenal", report);           // Atlantis
        Assert.Contains("Jenis kelamin tidak cocok dengan NIK", report);   // Pria with a woman's NIK
        Assert.Matches("<td>5</td><td>NIK</td>", report);

        // Nothing is saved by the dry run.
        await using (var db = App.NewDbContext()) Assert.False(await db.Businesses.AnyAsync(b => b.Name == "Keripik Baru Jaya"));

        var commit = await SentraApp.PostFormAsync(officer, jobUrl + "?handler=Commit", [], formPage: jobUrl);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var done = await WaitAsync(officer, jobUrl);
        Assert.Contains("1 usaha ditambahkan, 1 diperbarui, 5 baris dilewati", done);

        await using var check = App.NewDbContext();
        var created = await check.Businesses.Include(b => b.Owners).ThenInclude(o => o.Person).Include(b => b.Observations)
            .Include(b => b.Permits).Include(b => b.KbliCodes).SingleAsync(b => b.Name == "Keripik Baru Jaya");
        Assert.Equal(BusinessStatus.Draft, created.Status);
        Assert.Equal("32.76.11.1004", created.VillageCode);
        Assert.Equal(("003", "005"), (created.Rt, created.Rw));
        Assert.Equal(-6.3521, created.Latitude!.Value, 4);
        Assert.Equal("10794", created.KbliCodes.Single().KbliCode);
        var observation = created.Observations.Single();
        Assert.Equal(ObservationSource.Import, observation.Source);
        Assert.Equal(15_000_000, observation.InvestmentRp);
        Assert.Equal(120_000_000, observation.AnnualSalesRp);
        Assert.Equal(500m, observation.CapacityPerMonth);
        Assert.Equal("kg", observation.CapacityUnit);
        Assert.Equal(5, observation.Workers);
        var pirt = created.Permits.Single(p => p.Kind == PermitKind.Pirt);
        Assert.Equal("206327601014728", pirt.Number);
        Assert.Equal(new DateOnly(2028, 12, 31), pirt.ExpiresOn);
        var owner = created.Owners.Single().Person!;
        var protector = App.Services.GetRequiredService<PersonalDataProtector>();
        Assert.Equal("3276114507850011", protector.Decrypt(owner.NikCipher!));
        Assert.Equal(Sex.Female, owner.Sex);
        Assert.Equal("+6281234567001", protector.Decrypt(owner.PhoneCipher!));

        // Created records are audited like any other change, personal data masked.
        var businessId = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var businessAudit = await check.AuditEntries.SingleAsync(a => a.EntityType == "Business" && a.EntityId == businessId);
        Assert.Equal(Sentra.Web.Features.Audit.AuditAction.Created, businessAudit.Action);
        Assert.NotNull(businessAudit.UserId);
        Assert.Contains("Keripik Baru Jaya", businessAudit.Changes);
        var personId = owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var personAudit = await check.AuditEntries.SingleAsync(a => a.EntityType == "Person" && a.EntityId == personId);
        Assert.DoesNotContain("3276114507850011", personAudit.Changes);
        Assert.Contains(Sentra.Web.Features.Audit.AuditTrail.ToRow(personAudit).Changes,
            c => c.Field == "NikCipher" && c.New == Sentra.Web.Features.Audit.AuditInterceptor.Masked);
        // Keys reserved for bulk rows leave the database's own numbering intact.
        var next = await SentraApp.PostFormAsync(await App.SignedInAsync(DemoAccounts.Officer), "/registry/businesses/new", new()
        {
            ["Input.Name"] = "Sesudah Impor", ["Input.LegalForm"] = "Individual", ["Input.VillageCode"] = "32.76.11.1004", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);

        var updated = await check.Businesses.Include(b => b.Observations).SingleAsync(b => b.Nib == existingNib);
        Assert.Contains(updated.Observations, o => o.Source == ObservationSource.Import && o.InvestmentRp == 1_200_000_000 && o.AnnualSalesRp == 2_500_000_000);
        Assert.NotEqual("Usaha Lama Diperbarui", DemoData.Businesses.First(b => b.Nib == existingNib).Name);
        Assert.False(await check.Businesses.AnyAsync(b => b.Name == "Cireng Notasi" || b.Name == "Usaha Atlantis"));
    }

    [Fact]
    public async Task A_failure_during_the_commit_saves_nothing()
    {
        var before = await CountBusinessesAsync();
        var rows = Enumerable.Range(1, ImportCommitter.BatchSize + 20)
            .Select(i => $"{i};Usaha Massal {i};Pemilik {i};;L;;;;Pondok Petir;Bojongsari;Depok;;;;10794;Keripik;1;1;;;;;;;;");
        var csv = string.Join("\n", new[] { Header }.Concat(rows));
        using var scope = App.Services.CreateScope();
        var user = await PrincipalAsync(scope, DemoAccounts.Officer);
        var plan = await scope.ServiceProvider.GetRequiredService<ImportAnalyser>().AnalyseAsync(user, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "massal.csv", null);
        Assert.Equal(ImportCommitter.BatchSize + 20, plan.Creates);
        // Sabotage a row of the second batch so the database refuses it (a KBLI code that does not exist).
        plan.Rows[^1].Kbli = ["00000"];
        await Assert.ThrowsAnyAsync<Exception>(() => scope.ServiceProvider.GetRequiredService<ImportCommitter>().CommitAsync(user, plan));
        Assert.Equal(before, await CountBusinessesAsync());
    }

    [Fact]
    public async Task An_xlsx_with_a_numeric_nik_and_the_template_header_is_read()
    {
        var template = await (await App.SignedInAsync(DemoAccounts.Officer)).GetByteArrayAsync("/registry/import/template.xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(template), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Nama Usaha", rows[0]["B"]?.ToString());

        using var file = new MemoryStream();
        var headers = Header.Split(';');
        Dictionary<string, object?> Row(params (int Column, object Value)[] cells)
        {
            // MiniExcel takes its columns from the first row: every row carries every column.
            var row = headers.Select((_, i) => Sentra.Web.Features.Import.Parsing.SpreadsheetReader.ColumnName(i)).ToDictionary(c => c, _ => (object?)null);
            foreach (var (column, value) in cells) row[Sentra.Web.Features.Import.Parsing.SpreadsheetReader.ColumnName(column)] = value;
            return row;
        }
        var sheet = new List<Dictionary<string, object?>>
        {
            Row((0, "Daftar IKM")),
            Row(headers.Select((h, i) => (i, (object)h)).ToArray()),
            Row((0, 1), (1, "Opak Angka"), (2, "Fajar"), (3, 3276110512900012d), (8, "Pondok Petir"), (14, 10794)),
        };
        await MiniExcelLibs.MiniExcel.SaveAsAsync(file, sheet, printHeader: false);
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var report = await WaitAsync(officer, await UploadAsync(officer, "angka.xlsx", file.ToArray()));
        Assert.Equal("1", Count(report, "reject"));
        Assert.Contains("notasi ilmiah", report);
    }

    [Fact]
    public async Task Only_admins_and_officers_may_import()
    {
        foreach (var login in new[] { DemoAccounts.Leader, DemoAccounts.OwnerOne, DemoAccounts.Partner })
        {
            var client = await App.SignedInAsync(login);
            var response = await client.GetAsync("/registry/import");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_next_to_the_field()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var response = await PostFileAsync(officer, "foto.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jenis berkas tidak didukung", await response.Content.ReadAsStringAsync());
    }

    private async Task<int> CountBusinessesAsync()
    {
        await using var db = App.NewDbContext();
        return await db.Businesses.CountAsync();
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceScope scope, string email)
    {
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sentra.Web.Features.Accounts.AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Sentra.Web.Features.Accounts.AppUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string name, byte[] bytes)
    {
        var page = await client.GetStringAsync("/registry/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(SentraApp.AntiforgeryToken(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync("/registry/import", form);
    }

    private static async Task<string> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        var response = await PostFileAsync(client, name, bytes);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    private static async Task<string> WaitAsync(HttpClient client, string url)
    {
        for (var i = 0; i < 600; i++)
        {
            var html = await client.GetStringAsync(url);
            if (!html.Contains("data-testid=\"import-running\"", StringComparison.Ordinal)) return html;
            await Task.Delay(100);
        }
        throw new TimeoutException("The import did not finish.");
    }

    private static string Count(string html, string name) =>
        CountPattern().Matches(html).FirstOrDefault(m => m.Groups[1].Value == name)?.Groups[2].Value
        ?? throw new InvalidOperationException("No count " + name + " in: " + Regex.Replace(html[html.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " "));

    [GeneratedRegex("data-testid=\"count-([a-z]+)\">([0-9]+)<")]
    private static partial Regex CountPattern();
}
