using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Tests.Infrastructure.Files;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Demo;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Businesses;

/// <summary>Records of one office's region stay out of another's reach, and deletions leave nothing behind.</summary>
public sealed class RegionBoundaryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;
    private async Task<HttpClient> As(string email) => App.WithToken(await App.TokenAsync(email));

    [Fact]
    public async Task Officers_cannot_receive_a_staff_accounts_invitation_link()
    {
        var admin = await App.SignedInAsync(DemoAccounts.Admin);
        var created = await SentraApp.PostFormAsync(admin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Admin Baru", ["Input.Email"] = "admin-baru@example.com", ["Input.Role"] = "Admin",
        });
        var url = created.Headers.Location!.ToString();
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var response = await SentraApp.PostFormAsync(officer, url + "?handler=Invite", [], formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("invitation-link", await officer.GetStringAsync(url));
    }

    [Fact]
    public async Task A_nik_known_in_another_region_is_neither_matched_nor_changed()
    {
        var protector = App.Services.GetRequiredService<PersonalDataProtector>();
        const string nik = "3273014101900001";
        await using (var db = App.NewDbContext())
        {
            var bandung = new Business { Name = "Usaha Bandung", VillageCode = "32.73.01.1001", Status = BusinessStatus.Verified };
            var person = new Person { Name = "Warga Bandung", RegionCode = "32.73.01.1001" };
            person.SetNik(nik, protector);
            bandung.Owners.Add(new BusinessOwner { Person = person, IsPrimary = true });
            db.Businesses.Add(bandung);
            await db.SaveChangesAsync();
        }
        var officer = await As(DemoAccounts.Officer);
        var id = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var response = await officer.PostAsJsonAsync($"/api/v1/businesses/{id}/owners", new { name = "Nama Lain", nik, phone = "0813 2222 3333" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var check = App.NewDbContext();
        var hash = protector.Hash(nik);
        var people = await check.People.Where(p => p.NikHash == hash).ToListAsync();
        Assert.Equal(2, people.Count);
        var original = people.Single(p => p.RegionCode == "32.73.01.1001");
        Assert.Equal("Warga Bandung", original.Name);
        Assert.Null(original.PhoneCipher);
    }

    [Fact]
    public async Task A_business_cannot_join_another_regions_sentra()
    {
        int foreign;
        await using (var db = App.NewDbContext())
        {
            var cluster = new Cluster { Name = "Sentra Bandung", Slug = "sentra-bandung", VillageCode = "32.73.01.1001", MainCommodity = "Kerupuk" };
            db.Clusters.Add(cluster);
            await db.SaveChangesAsync();
            foreign = cluster.Id;
        }
        var officer = await As(DemoAccounts.Officer);
        var input = JsonSerializer.SerializeToElement(RegistryTestData.NewBusiness("Keripik Lintas")).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        input["clusterIds"] = new[] { foreign };
        var response = await officer.PostAsJsonAsync("/api/v1/businesses", input);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("clusterIds", out _));
    }

    [Fact]
    public async Task Deleting_a_draft_product_deletes_its_photos_and_moving_a_business_moves_its_records()
    {
        var officer = await As(DemoAccounts.Officer);
        var business = await (await officer.PostAsJsonAsync("/api/v1/businesses", RegistryTestData.NewBusiness("Keripik Pindah"))).Content.ReadFromJsonAsync<JsonElement>();
        var businessId = business.GetProperty("id").GetInt32();
        var product = await (await officer.PostAsJsonAsync($"/api/v1/products?businessId={businessId}", new { name = "Keripik Foto", category = "chips", unit = "bungkus", priceRp = 10_000 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var productId = product.GetProperty("id").GetInt32();
        using var bitmap = TestImages.Photo(800, 600);
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(TestImages.Jpeg(bitmap));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(content, "file", "foto.jpg");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/v1/products/{productId}/photos", form)).StatusCode);

        // Moving the business to another village of Depok takes its product along.
        var move = JsonSerializer.SerializeToElement(RegistryTestData.NewBusiness("Keripik Pindah", village: "32.76.11.1001")).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        move["version"] = business.GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/v1/businesses/{businessId}", move)).StatusCode);
        await using (var db = App.NewDbContext())
            Assert.Equal("32.76.11.1001", (await db.Products.SingleAsync(p => p.Id == productId)).VillageCode);

        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/products/{productId}")).StatusCode);
        await using var check = App.NewDbContext();
        Assert.False(await check.Photos.AnyAsync(p => p.BusinessId == businessId));
        var detail = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{businessId}");
        Assert.Equal(0, detail.GetProperty("photos").GetArrayLength());
    }
}
