using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Businesses;

public sealed class BusinessApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;
    private async Task<HttpClient> As(string email) => App.WithToken(await App.TokenAsync(email));

    [Fact]
    public async Task Officer_creates_a_business_that_starts_as_a_draft_and_is_audited()
    {
        var client = await As(DemoAccounts.Officer);
        var response = await client.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Audit"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", body.GetProperty("status").GetString());
        Assert.Equal("002", body.GetProperty("rt").GetString());
        Assert.Equal("+6281211113333", body.GetProperty("publicWhatsApp").GetString());
        Assert.Equal("Pondok Petir", body.GetProperty("villageName").GetString());
        var id = body.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = App.NewDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Business" && a.EntityId == id && a.Action == AuditAction.Created));
    }

    [Fact]
    public async Task Every_bad_field_gets_its_own_message_and_nothing_is_saved()
    {
        var client = await As(DemoAccounts.Officer);
        var bad = new
        {
            name = "Usaha Salah", nib = "12345", rt = "ab", villageCode = "32.76.11.9999", latitude = 40.0, longitude = 106.7,
            publicWhatsApp = "12", kbliCodes = new[] { "99999" }, openingHours = new[] { new { day = "Monday", opens = "17:00", closes = "08:00" } },
        };
        var response = await client.PostAsJsonAsync("/api/v1/businesses", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "nib", "rt", "villageCode", "latitude", "publicWhatsApp", "kbliCodes", "openingHours" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        await using var db = App.NewDbContext();
        Assert.False(await db.Businesses.AnyAsync(b => b.Name == "Usaha Salah"));
    }

    [Fact]
    public async Task Negative_money_in_an_observation_is_refused()
    {
        var client = await As(DemoAccounts.Officer);
        var id = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var response = await client.PostAsJsonAsync($"/api/v1/businesses/{id}/observations", new { year = 2025, half = 0, paidMale = 1, investmentRp = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("investmentRp", out _));
    }

    [Fact]
    public async Task A_stale_update_gets_409_with_an_explanation()
    {
        var client = await As(DemoAccounts.Officer);
        var created = await (await client.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Versi")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt64();
        var first = RegistryTestData.NewBusiness("Keripik Versi 2");
        var ok = await client.PutAsJsonAsync($"/api/v1/businesses/{id}", WithVersion(first, version));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/v1/businesses/{id}", WithVersion(RegistryTestData.NewBusiness("Keripik Versi 3"), version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("sudah diubah", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Verification_deactivation_and_deletion_follow_the_status_rules()
    {
        var officer = await As(DemoAccounts.Officer);
        var response = await officer.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Status"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt64();

        var leader = await As(DemoAccounts.Leader);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/v1/businesses/{id}/verify", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/v1/businesses/{id}", WithVersion(RegistryTestData.NewBusiness("X"), version))).StatusCode);

        var verified = await (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/verify", new { version })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Verified", verified.GetProperty("status").GetString());
        Assert.Equal("Rina Pendamping", verified.GetProperty("verifiedBy").GetString());

        var delete = await officer.DeleteAsync($"/api/v1/businesses/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);

        var inactive = await (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/deactivate", new { version = verified.GetProperty("version").GetInt64() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Inactive", inactive.GetProperty("status").GetString());

        var draft = await (await officer.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Hapus"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/businesses/{draft.GetProperty("id").GetInt32()}")).StatusCode);
    }

    [Fact]
    public async Task Classification_is_computed_from_the_latest_observation()
    {
        var officer = await As(DemoAccounts.Officer);
        var created = await (await officer.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Kelas"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(JsonValueKind.Null, created.GetProperty("classification").ValueKind);

        await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/observations",
            new { year = 2024, half = 0, source = "OfficerVisit", paidMale = 2, paidFemale = 3, investmentRp = 50_000_000L, annualSalesRp = 300_000_000L });
        var small = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
        Assert.Equal("Small", small.GetProperty("classification").GetProperty("industry").GetString());
        Assert.Equal("Micro", small.GetProperty("classification").GetProperty("enterprise").GetString());
        Assert.Equal("AnnualSales", small.GetProperty("classification").GetProperty("enterpriseBasis").GetString());

        await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/observations",
            new { year = 2025, half = 0, source = "OfficerVisit", paidMale = 15, paidFemale = 10, investmentRp = 2_000_000_000L, annualSalesRp = 16_000_000_000L });
        var medium = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
        Assert.Equal("Medium", medium.GetProperty("classification").GetProperty("industry").GetString());
        Assert.Equal("Medium", medium.GetProperty("classification").GetProperty("enterprise").GetString());
        Assert.Equal(25, medium.GetProperty("classification").GetProperty("inputs").GetProperty("workers").GetInt32());
        Assert.Contains("Permenperin", medium.GetProperty("classification").GetProperty("industryRule").GetString());
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/businesses?industryClass=Medium&q=Keripik%20Kelas");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Pirt_is_parsed_and_its_expiry_derived()
    {
        var officer = await As(DemoAccounts.Officer);
        var created = await (await officer.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Izin"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var bad = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/permits", new { kind = "Pirt", number = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("number", out _));

        var coded = await (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/permits", new { kind = "Pirt", number = "P-IRT 2.06.3276.01.0147.28" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("206327601014728", coded.GetProperty("number").GetString());
        Assert.Equal("2028-12-31", coded.GetProperty("expiresOn").GetString());

        var issued = await (await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/permits", new { kind = "Pirt", number = "206327602014728", issuedOn = "2022-03-15" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2027-03-15", issued.GetProperty("expiresOn").GetString());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("instagram.com/keripik")]
    [InlineData("ftp://example.com/x")]
    public async Task Links_must_be_absolute_web_addresses(string url)
    {
        var client = await As(DemoAccounts.Officer);
        var input = WithVersion(RegistryTestData.NewBusiness("Keripik Tautan"), 0);
        input["websiteUrl"] = url;
        var response = await client.PostAsJsonAsync("/api/v1/businesses", input);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("websiteUrl")[0].GetString();
        Assert.Contains("https://", message);
    }

    [Fact]
    public async Task A_nik_from_an_unknown_district_is_saved_with_a_warning()
    {
        var officer = await As(DemoAccounts.Officer);
        var id = await RegistryTestData.OwnerTwoBusinessAsync(App);
        // 99.01.01 is no district of Permendagri 72/2019 (newer provinces are not in the list): a warning, not an error.
        var response = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/owners", new { name = "Pendatang Baru", nik = "9901010101900001" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var owner = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nik.UnknownDistrict", owner.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public async Task Staff_product_list_filters_by_halal_status()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var html = await officer.GetStringAsync("/registry/products?halal=Certified");
        await using var db = App.NewDbContext();
        var certified = await db.Products.CountAsync(p => p.HalalStatus == Sentra.Web.Features.Products.HalalStatus.Certified);
        Assert.Contains($"{certified} data", html);
        Assert.DoesNotContain("Belum bersertifikat halal</td>", html);
        var owner = await App.SignedInAsync(DemoAccounts.OwnerOne);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/registry/products")).StatusCode);
    }

    private static Dictionary<string, object?> WithVersion(object input, long version)
    {
        var json = JsonSerializer.SerializeToElement(input);
        var dict = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        dict["version"] = version;
        return dict;
    }
}
