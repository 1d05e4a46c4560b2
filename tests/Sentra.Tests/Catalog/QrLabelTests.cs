using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Businesses;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Demo;
using Sentra.Web.Features.Products;

namespace Sentra.Tests.Catalog;

/// <summary>Owners download printable sheets of QR labels for the public products of their own businesses.</summary>
public sealed partial class QrLabelTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private static string Page(int businessId) => $"/registry/businesses/{businessId}/qr-labels";
    private static string Pdf(int businessId) => $"/registry/businesses/{businessId}/qr-labels.pdf";

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form's fields for these products, in the page's order, as a browser would post them.</summary>
    private static Dictionary<string, string> Form(IEnumerable<(int ProductId, bool Selected, string Copies)> items, string language = "id")
    {
        var fields = new Dictionary<string, string> { ["Input.Language"] = language };
        var i = 0;
        foreach (var (productId, selected, copies) in items)
        {
            fields[$"Input.Items[{N(i)}].ProductId"] = N(productId);
            if (selected) fields[$"Input.Items[{N(i)}].Selected"] = "true";
            fields[$"Input.Items[{N(i)}].Copies"] = copies;
            i++;
        }
        return fields;
    }

    private Task<List<Product>> PublicProductsAsync(int businessId) => PublicProductsAsync(App, businessId);

    private static async Task<List<Product>> PublicProductsAsync(SentraApp app, int businessId)
    {
        await using var db = app.NewDbContext();
        return await db.Products.Where(p => p.BusinessId == businessId && p.IsPublic && p.Availability != Availability.Discontinued)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync();
    }

    /// <summary>A verified business other than the two owners', with at least two public products, for tests that change data.</summary>
    private async Task<int> OtherVerifiedBusinessAsync(int skip)
    {
        await using var db = App.NewDbContext();
        var owners = new[] { DemoData.Businesses[0].Name, DemoData.Businesses[1].Name };
        return await db.Businesses.Where(b => b.Status == BusinessStatus.Verified && !owners.Contains(b.Name)
                && b.Products.Count(p => p.IsPublic && p.Availability != Availability.Discontinued) >= 2)
            .OrderBy(b => b.Id).Skip(skip).Select(b => b.Id).FirstAsync();
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string testId)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(string.Join(" | ", Regex.Matches(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value).Where(v => v.Length > 0)));
    }

    [Fact]
    public async Task The_owner_downloads_a_pdf_sheet_of_labels_for_their_own_products()
    {
        var businessId = await RegistryTestData.OwnerOneBusinessAsync(App);
        var products = await PublicProductsAsync(businessId);
        Assert.True(products.Count >= 2);
        var client = await App.SignedInAsync(DemoAccounts.OwnerOne);

        var form = await client.GetStringAsync(Page(businessId));
        foreach (var p in products) Assert.Contains(WebUtility.HtmlEncode(p.Name), form);
        Assert.Contains($"action=\"{Pdf(businessId)}\"", form);
        Assert.Contains("Produk yang disembunyikan, masih draf", form);

        // 30 + 1 labels: one full page of 24 and a second with 7.
        var response = await SentraApp.PostFormAsync(client, Pdf(businessId),
            Form(products.Select((p, i) => (p.Id, i < 2, i == 0 ? "30" : "1"))), formPage: Page(businessId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches("^qr-labels-cireng-isi-bu-siti-[0-9]+[.]pdf$", response.Content.Headers.ContentDisposition.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));

        var pages = PdfText.Pages(pdf);
        Assert.Equal(2, pages.Count);
        Assert.Equal(24, Count(pages[0], "Pindai untuk cek izin & halal"));
        Assert.Equal(7, Count(pages[1], "Pindai untuk cek izin & halal"));
        Assert.Equal(30, pages.Sum(p => Count(p, $"localhost/v/p{N(products[0].Id)} ")));
        Assert.Equal(1, Count(pages[1], $"localhost/v/p{N(products[1].Id)} "));
        Assert.Contains(products[0].Name, pages[0]);
        Assert.Contains(DemoData.Businesses[0].Name, pages[0]);
        Assert.Contains("halaman 2 dari 2", pages[1]);
        Assert.DoesNotContain(products[2].Name, string.Join(" ", pages));
    }

    [Fact]
    public async Task English_labels_carry_the_english_names_and_words()
    {
        var businessId = await RegistryTestData.OwnerOneBusinessAsync(App);
        var product = (await PublicProductsAsync(businessId)).First(p => p.NameEn is not null);
        var client = await App.SignedInAsync(DemoAccounts.OwnerOne);
        var response = await SentraApp.PostFormAsync(client, Pdf(businessId), Form([(product.Id, true, "2")], language: "en"), formPage: Page(businessId));
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        var page = Assert.Single(pages);
        Assert.Equal(2, Count(page, "Scan to check permits & halal"));
        Assert.Contains(product.NameEn!, page);
        Assert.Contains("page 1 of 1", page);
        Assert.DoesNotContain("Pindai", page);
        // The codes open the English verification page.
        Assert.Equal(2, Count(page, $"localhost/en/v/p{N(product.Id)} "));
    }

    [Fact]
    public async Task The_codes_point_to_the_configured_public_address()
    {
        await using var app = new SentraApp(await TestDatabase.CreateAsync()).With("Sentra:PublicBaseUrl", "https://sentra.depok.go.id");
        var businessId = await RegistryTestData.OwnerOneBusinessAsync(app);
        var product = (await PublicProductsAsync(app, businessId)).First();
        var client = await app.SignedInAsync(DemoAccounts.OwnerOne);
        var response = await SentraApp.PostFormAsync(client, Pdf(businessId), Form([(product.Id, true, "1")]), formPage: Page(businessId));
        var page = Assert.Single(PdfText.Pages(await response.Content.ReadAsByteArrayAsync()));
        Assert.Contains($"sentra.depok.go.id/v/p{N(product.Id)}", page);
        Assert.DoesNotContain("localhost", page);
    }

    [Fact]
    public async Task Another_owners_business_is_not_found()
    {
        var other = await RegistryTestData.OwnerTwoBusinessAsync(App);
        var own = await RegistryTestData.OwnerOneBusinessAsync(App);
        var product = (await PublicProductsAsync(other)).First();
        var client = await App.SignedInAsync(DemoAccounts.OwnerOne);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Page(other))).StatusCode);
        var response = await SentraApp.PostFormAsync(client, Pdf(other), Form([(product.Id, true, "1")]), formPage: Page(own));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_owners_product_is_refused_on_ones_own_sheet()
    {
        var own = await RegistryTestData.OwnerOneBusinessAsync(App);
        var foreign = (await PublicProductsAsync(await RegistryTestData.OwnerTwoBusinessAsync(App))).First();
        var client = await App.SignedInAsync(DemoAccounts.OwnerOne);
        var response = await SentraApp.PostFormAsync(client, Pdf(own), Form([(foreign.Id, true, "1")]), formPage: Page(own));
        Assert.Contains("tidak bisa dicetak", await ErrorAsync(response, "labels-items-error"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var businessId = await RegistryTestData.OwnerOneBusinessAsync(App);
        foreach (var url in new[] { Page(businessId), Pdf(businessId) })
        {
            var response = await App.Browser().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Hidden_and_discontinued_products_are_listed_apart_and_refused()
    {
        var businessId = await OtherVerifiedBusinessAsync(skip: 0);
        var products = await PublicProductsAsync(businessId);
        await using (var db = App.NewDbContext())
        {
            var hidden = await db.Products.SingleAsync(p => p.Id == products[0].Id);
            hidden.IsPublic = false;
            var discontinued = await db.Products.SingleAsync(p => p.Id == products[1].Id);
            discontinued.Availability = Availability.Discontinued;
            await db.SaveChangesAsync();
        }
        var client = await App.SignedInAsync(DemoAccounts.Admin);
        var html = await client.GetStringAsync(Page(businessId));
        var unavailable = Regex.Match(html, "data-testid=\"labels-unavailable\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(WebUtility.HtmlEncode(products[0].Name), unavailable);
        Assert.Contains("disembunyikan dari katalog", unavailable);
        Assert.Contains(WebUtility.HtmlEncode(products[1].Name), unavailable);
        Assert.Contains("tidak diproduksi lagi", unavailable);
        Assert.DoesNotContain($"value=\"{N(products[0].Id)}\"", html);
        Assert.Contains("belum berlaku", html);

        foreach (var refused in products.Take(2))
        {
            var response = await SentraApp.PostFormAsync(client, Pdf(businessId), Form([(refused.Id, true, "1")]), formPage: Page(businessId));
            Assert.Contains("tidak bisa dicetak", await ErrorAsync(response, "labels-items-error"));
        }
    }

    [Fact]
    public async Task A_draft_business_explains_that_its_codes_are_not_valid_yet()
    {
        int businessId, productId;
        await using (var db = App.NewDbContext())
        {
            var draft = await db.Businesses.Include(b => b.Products).FirstAsync(b => b.Status == BusinessStatus.Draft && b.Products.Any(p => p.IsPublic));
            businessId = draft.Id;
            productId = draft.Products.First(p => p.IsPublic).Id;
        }
        var client = await App.SignedInAsync(DemoAccounts.Officer);
        var html = await client.GetStringAsync(Page(businessId));
        Assert.Contains("data-testid=\"labels-business-not-public\"", html);
        Assert.DoesNotContain("data-testid=\"labels-form\"", html);
        Assert.Contains("usaha belum diverifikasi", html);

        var response = await SentraApp.PostFormAsync(client, Pdf(businessId), Form([(productId, true, "1")]), formPage: Page(businessId));
        Assert.Contains("tidak bisa dicetak", await ErrorAsync(response, "labels-items-error"));
    }

    [Fact]
    public async Task Bad_choices_are_explained_next_to_their_fields()
    {
        var businessId = await RegistryTestData.OwnerOneBusinessAsync(App);
        var products = await PublicProductsAsync(businessId);
        var client = await App.SignedInAsync(DemoAccounts.OwnerOne);
        async Task<HttpResponseMessage> Post(Dictionary<string, string> fields) =>
            await SentraApp.PostFormAsync(client, Pdf(businessId), fields, formPage: Page(businessId));

        var none = await Post(Form(products.Select(p => (p.Id, false, "24"))));
        Assert.Equal("Pilih setidaknya satu produk.", await ErrorAsync(none, "labels-items-error"));

        foreach (var copies in new[] { "0", "49", "" })
        {
            var response = await Post(Form(products.Select((p, i) => (p.Id, true, i == 1 ? copies : "2"))));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal("Jumlah label harus antara 1 dan 48.", await ErrorAsync(response, "labels-copies-error"));
            // The form keeps what was typed and chosen.
            Assert.Contains($"name=\"Input.Items[1].Copies\" value=\"{copies}\"", html);
        }

        var notANumber = await Post(Form(products.Select((p, i) => (p.Id, true, i == 0 ? "banyak" : "2"))));
        Assert.Contains("banyak", await ErrorAsync(notANumber, "labels-copies-error"));

        var language = await Post(Form([(products[0].Id, true, "1")], language: "fr"));
        Assert.Equal("Pilih Bahasa Indonesia atau English.", await ErrorAsync(language, "labels-language-error"));

        // The same product posted again and again (no form does that) is still bounded.
        var tooMany = await Post(Form(Enumerable.Repeat((products[0].Id, true, "48"), 21)));
        Assert.Equal("Paling banyak 960 label sekali unduh. Kurangi jumlahnya.", await ErrorAsync(tooMany, "labels-items-error"));
    }

    [Fact]
    public async Task Messages_follow_the_users_language()
    {
        var businessId = await RegistryTestData.OwnerOneBusinessAsync(App);
        var products = await PublicProductsAsync(businessId);
        var client = await App.SignedInAsync(DemoAccounts.OwnerOne);
        await SentraApp.PostFormAsync(client, "/language", new() { ["culture"] = "en-US", ["returnUrl"] = "/my" }, formPage: "/my");
        var html = await client.GetStringAsync(Page(businessId));
        Assert.Contains("QR labels for packaging", html);
        Assert.Contains("<option value=\"en\" lang=\"en\" selected=\"selected\">", html);

        var response = await SentraApp.PostFormAsync(client, Pdf(businessId), Form(products.Select(p => (p.Id, false, "1")), "en"), formPage: Page(businessId));
        Assert.Equal("Choose at least one product.", await ErrorAsync(response, "labels-items-error"));
        var copies = await SentraApp.PostFormAsync(client, Pdf(businessId), Form([(products[0].Id, true, "100")], "en"), formPage: Page(businessId));
        Assert.Equal("Number of labels must be between 1 and 48.", await ErrorAsync(copies, "labels-copies-error"));
    }

    [Fact]
    public async Task The_owner_finds_the_labels_from_their_businesses_and_the_business_page()
    {
        var businessId = await RegistryTestData.OwnerOneBusinessAsync(App);
        var client = await App.SignedInAsync(DemoAccounts.OwnerOne);
        Assert.Contains($"href=\"{Page(businessId)}\" data-testid=\"my-qr-labels\"", await client.GetStringAsync("/my"));
        Assert.Contains($"href=\"{Page(businessId)}\" data-testid=\"qr-labels\"", await client.GetStringAsync($"/registry/businesses/{businessId}"));
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));
}
