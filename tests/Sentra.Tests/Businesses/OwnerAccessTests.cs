using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Businesses;

/// <summary>Owners see and change only their own businesses and products, through every page and API call.</summary>
public sealed class OwnerAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Owner_lists_only_their_own_business()
    {
        var owner = App.WithToken(await App.TokenAsync(DemoAccounts.OwnerOne));
        var list = await owner.GetFromJsonAsync<JsonElement>("/api/v1/businesses?pageSize=100");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(await RegistryTestData.OwnerOneBusinessAsync(App), list.GetProperty("items")[0].GetProperty("id").GetInt32());
        var products = await owner.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=100");
        var mine = await RegistryTestData.OwnerOneBusinessAsync(App);
        Assert.All(products.GetProperty("items").EnumerateArray(), p => Assert.Equal(mine, p.GetProperty("businessId").GetInt32()));
    }

    [Fact]
    public async Task Another_owners_business_and_products_are_invisible_and_unchangeable_through_the_api()
    {
        var owner = App.WithToken(await App.TokenAsync(DemoAccounts.OwnerOne));
        var other = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var otherProduct = await RegistryTestData.ProductOfAsync(App, other);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/businesses/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PutAsJsonAsync($"/api/v1/businesses/{other}", RegistryTestData.NewBusiness("Hijack"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/products/{otherProduct}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PutAsJsonAsync($"/api/v1/products/{otherProduct}", new { name = "Hijack", category = "snacks", unit = "pcs", priceRp = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/v1/products/{otherProduct}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"/api/v1/products?businessId={other}", new { name = "Sisip", category = "snacks", unit = "pcs", priceRp = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"/api/v1/businesses/{other}/observations", new { year = 2025, paidMale = 1 })).StatusCode);
        var list = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/products?business={other}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        await using var db = App.NewDbContext();
        Assert.False(await db.Businesses.AnyAsync(b => b.Name == "Hijack"));
        Assert.False(await db.Products.AnyAsync(p => p.Name == "Hijack" || p.Name == "Sisip"));
    }

    [Fact]
    public async Task Another_owners_business_is_invisible_through_the_pages()
    {
        var owner = await App.SignedInAsync(DemoAccounts.OwnerOne);
        var other = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var otherProduct = await RegistryTestData.ProductOfAsync(App, other);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/registry/businesses/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/registry/businesses/{other}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/registry/products/{otherProduct}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/registry/products/new?business={other}")).StatusCode);
        // The staff list is not for owners at all.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/registry/businesses")).StatusCode);
        var mine = await owner.GetStringAsync("/my");
        Assert.Contains(DemoData.Businesses[0].Name, mine);
        Assert.DoesNotContain(DemoData.Businesses[1].Name, mine);
    }

    [Fact]
    public async Task Owner_edits_own_product_but_cannot_reveal_nik_or_verify()
    {
        var ownerToken = await App.TokenAsync(DemoAccounts.OwnerOne);
        var owner = App.WithToken(ownerToken);
        var mine = await RegistryTestData.OwnerOneBusinessAsync(App);
        var productId = await RegistryTestData.ProductOfAsync(App, mine);
        var product = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/products/{productId}");
        var update = JsonSerializer.Deserialize<Dictionary<string, object?>>(product.GetRawText())!
            .Where(kv => typeof(Sentra.Web.Features.Products.ProductInput).GetProperty(char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..]) is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        update["priceRp"] = 17_500;
        var ok = await owner.PutAsJsonAsync($"/api/v1/products/{productId}", update);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(17_500, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("priceRp").GetInt64());

        var detail = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{mine}");
        var personId = detail.GetProperty("owners")[0].GetProperty("personId").GetInt32();
        Assert.Contains("••••", detail.GetProperty("owners")[0].GetProperty("nikMasked").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync($"/api/v1/businesses/{mine}/owners/{personId}/reveal-nik", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/v1/businesses/{mine}/verify", new { version = detail.GetProperty("version").GetInt64() })).StatusCode);
    }

    [Fact]
    public async Task Owner_changing_the_nib_sends_a_verified_business_back_to_re_verification()
    {
        var owner = App.WithToken(await App.TokenAsync(DemoAccounts.OwnerTwo));
        var id = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var detail = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
        Assert.Equal("Verified", detail.GetProperty("status").GetString());
        var input = new Dictionary<string, object?>
        {
            ["name"] = detail.GetProperty("name").GetString(), ["nib"] = "9876543210123", ["villageCode"] = detail.GetProperty("villageCode").GetString(),
            ["clusterIds"] = detail.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray(),
            ["kbliCodes"] = detail.GetProperty("kbli").EnumerateArray().Select(k => k.GetString()).ToArray(),
            ["version"] = detail.GetProperty("version").GetInt64(),
        };
        var response = await owner.PutAsJsonAsync($"/api/v1/businesses/{id}", input);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("NeedsReverification", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Owner_reports_figures_and_adds_a_permit_for_their_own_business()
    {
        var owner = App.WithToken(await App.TokenAsync(DemoAccounts.OwnerOne));
        var id = await RegistryTestData.OwnerOneBusinessAsync(App);
        var observation = await owner.PostAsJsonAsync($"/api/v1/businesses/{id}/observations",
            new { year = 2025, half = 1, source = "OfficerVisit", paidFemale = 4, annualSalesRp = 90_000_000L });
        Assert.Equal(HttpStatusCode.Created, observation.StatusCode);
        // An owner's figures are an owner report, whatever the request says, and send the business back for re-verification.
        Assert.Equal("OwnerReport", (await observation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
        var detail = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
        Assert.Equal("NeedsReverification", detail.GetProperty("status").GetString());
        var permit = await owner.PostAsJsonAsync($"/api/v1/businesses/{id}/permits", new { kind = "Pirt", number = "206327609014730" });
        Assert.Equal(HttpStatusCode.Created, permit.StatusCode);
    }

    [Fact]
    public async Task Officer_reveals_a_nik_and_the_reveal_is_audited()
    {
        var officer = App.WithToken(await App.TokenAsync(DemoAccounts.Officer));
        var id = await RegistryTestData.OwnerOneBusinessAsync(App);
        var detail = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
        var personId = detail.GetProperty("owners")[0].GetProperty("personId").GetInt32();
        var masked = detail.GetProperty("owners")[0].GetProperty("nikMasked").GetString()!;
        Assert.Matches("^3276•{8}[0-9]{4}$", masked);
        var nik = await (await officer.PostAsync($"/api/v1/businesses/{id}/owners/{personId}/reveal-nik", null)).Content.ReadFromJsonAsync<string>();
        Assert.Matches("^327611[0-9]{10}$", nik!);
        Assert.Equal(masked[..4] + masked[^4..], nik![..4] + nik[^4..]);
        await using var db = App.NewDbContext();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == AuditAction.Revealed);
        Assert.Equal(personId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal("Person", entry.EntityType);
        Assert.DoesNotContain(nik, entry.Changes);
    }

    [Fact]
    public async Task Officer_adds_an_owner_with_a_checked_nik()
    {
        var officer = App.WithToken(await App.TokenAsync(DemoAccounts.Officer));
        var id = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var bad = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/owners", new { name = "Istri Dedi", nik = "3276119913850001" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("tanggal lahir", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("nik")[0].GetString());
        var excel = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/owners", new { name = "Istri Dedi", nik = "3.27611E+15" });
        Assert.Contains("notasi ilmiah", (await excel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("nik")[0].GetString());
        var ok = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/owners", new { name = "Istri Dedi", nik = "3276115507880003", phone = "0813 9999 0000" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var owner = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Female", owner.GetProperty("sex").GetString());
        Assert.Equal("+62••••••0000", owner.GetProperty("phoneMasked").GetString());
        await using var db = App.NewDbContext();
        var person = await db.People.SingleAsync(p => p.Name == "Istri Dedi");
        Assert.DoesNotContain("3276115507880003", person.NikCipher);
        Assert.Equal(new DateOnly(1988, 7, 15), person.BirthDate);
    }
}
