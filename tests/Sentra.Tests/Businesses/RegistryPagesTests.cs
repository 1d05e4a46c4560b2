using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Tests.Infrastructure.Files;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Businesses;

/// <summary>The registry through its pages (forms as a browser posts them) and photo files.</summary>
public sealed partial class RegistryPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private static Dictionary<string, string> BusinessForm(string name, string nib = "") => new()
    {
        ["Input.Name"] = name, ["Input.LegalForm"] = "Individual", ["Input.Nib"] = nib, ["Input.VillageCode"] = "32.76.11.1004",
        ["Input.Rt"] = "4", ["Input.Rw"] = "2", ["KbliText"] = "10794, 10750", ["Input.SalesChannels"] = "OwnShop",
        ["Input.OpeningHours[0].Day"] = "Monday", ["Input.OpeningHours[0].Opens"] = "08:00", ["Input.OpeningHours[0].Closes"] = "16:00",
        ["Input.Version"] = "0",
    };

    [Fact]
    public async Task Officer_creates_verifies_and_sees_the_history_through_the_pages()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var bad = await SentraApp.PostFormAsync(officer, "/registry/businesses/new", BusinessForm("Bakso Uji Halaman", nib: "12-34"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("NIB harus terdiri dari 13 digit", html);
        await using (var db = App.NewDbContext()) Assert.False(await db.Businesses.AnyAsync(b => b.Name == "Bakso Uji Halaman"));

        var created = await SentraApp.PostFormAsync(officer, "/registry/businesses/new", BusinessForm("Bakso Uji Halaman", nib: "1111222233334"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var page = await officer.GetStringAsync(url);
        Assert.Contains("Bakso Uji Halaman", page);
        Assert.Contains("10794 Industri Kerupuk", page);
        Assert.Contains("RT 004/RW 002", page);
        Assert.Contains("Draf", page);

        var verified = await SentraApp.PostFormAsync(officer, url + "?handler=Verify", new() { ["version"] = VersionOf(page) }, formPage: url);
        var after = await verified.Content.ReadAsStringAsync();
        Assert.Contains("Usaha terverifikasi.", after);
        Assert.Contains("Diverifikasi oleh Rina Pendamping", after);
        Assert.Contains("Riwayat perubahan", after);
        Assert.Matches("Status</strong>: Draft → Verified", after);

        // A second verify with the old version is refused as a conflict, not applied twice.
        var stale = await SentraApp.PostFormAsync(officer, url + "?handler=Deactivate", new() { ["version"] = VersionOf(page) }, formPage: url);
        Assert.Contains("sudah diubah sejak Anda membukanya", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Leaders_read_the_registry_but_see_no_editing_controls_and_cannot_post()
    {
        var leader = await App.SignedInAsync(DemoAccounts.Leader);
        var id = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var list = await leader.GetStringAsync("/registry/businesses");
        Assert.Contains(DemoData.Businesses[1].Name, list);
        var page = await leader.GetStringAsync($"/registry/businesses/{id}");
        Assert.DoesNotContain("data-testid=\"edit-business\"", page);
        Assert.DoesNotContain("data-testid=\"verify-business\"", page);
        Assert.DoesNotContain("data-testid=\"reveal-nik\"", page);
        var edit = await leader.GetAsync($"/registry/businesses/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/account/access-denied", edit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revealing_a_nik_on_the_page_shows_it_once_and_audits_it()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var id = await RegistryTestData.OwnerOneBusinessAsync(App);
        var url = $"/registry/businesses/{id}";
        var page = await officer.GetStringAsync(url);
        Assert.Matches("data-testid=\"nik-masked\">3276•{8}[0-9]{4}<", page);
        Assert.DoesNotMatch("(?<![0-9A-Z])327611[0-9]{10}(?![0-9])", page);
        var personId = Regex.Match(page, "name=\"personId\" value=\"([0-9]+)\"").Groups[1].Value;
        var revealed = await (await SentraApp.PostFormAsync(officer, url + "?handler=RevealNik", new() { ["personId"] = personId }, formPage: url)).Content.ReadAsStringAsync();
        Assert.Matches("data-testid=\"nik-revealed\">327611[0-9]{10}<", revealed);
        Assert.Contains("Data pribadi dibuka", revealed);
        Assert.DoesNotMatch("(?<![0-9A-Z])327611[0-9]{10}(?![0-9])", await officer.GetStringAsync(url));
    }

    [Fact]
    public async Task Product_photos_are_processed_and_served_only_where_allowed()
    {
        var ownerToken = await App.TokenAsync(DemoAccounts.OwnerOne);
        var owner = App.WithToken(ownerToken);
        var mine = await RegistryTestData.OwnerOneBusinessAsync(App);
        var productId = await RegistryTestData.ProductOfAsync(App, mine);

        using var bitmap = TestImages.Photo(1200, 900);
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(TestImages.Jpeg(bitmap));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(content, "file", "foto.jpg");
        var uploaded = await owner.PostAsync($"/api/v1/products/{productId}/photos", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var photoId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var text = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 nope"u8.ToArray()), "file", "foto.jpg" } };
        var refused = await owner.PostAsync($"/api/v1/products/{productId}/photos", text);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("bukan foto", await refused.Content.ReadAsStringAsync());

        await using (var db = App.NewDbContext())
        {
            var files = await db.StoredFiles.Where(f => f.PhotoId == photoId).ToListAsync();
            Assert.Contains(files, f => f.Name == "w320.webp" && f.Width == 320 && f.Length <= 40 * 1024);
            Assert.Contains(files, f => f.Name == "full.jpg" && f.Width == 1200);
        }

        // The demo product is public and the business verified: anyone may fetch the thumbnail.
        var anonymous = App.CreateClient();
        var thumb = await anonymous.GetAsync($"/media/photos/{photoId}/w320.webp");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.Equal("image/webp", thumb.Content.Headers.ContentType?.MediaType);

        // Hidden products keep their photos private.
        await using (var db = App.NewDbContext())
        {
            var product = await db.Products.SingleAsync(p => p.Id == productId);
            product.IsPublic = false;
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/media/photos/{photoId}/w320.webp")).StatusCode);
        var otherOwner = App.WithToken(await App.TokenAsync(DemoAccounts.OwnerTwo));
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.GetAsync($"/media/photos/{photoId}/w320.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/media/photos/{photoId}/w320.webp")).StatusCode);

        // Office staff see the product's history on its page.
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var page = await officer.GetStringAsync($"/registry/products/{productId}/edit");
        Assert.Contains("Riwayat perubahan", page);
        Assert.Contains("IsPublic", page);
    }

    private static string VersionOf(string html) => VersionPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionPattern();
}
