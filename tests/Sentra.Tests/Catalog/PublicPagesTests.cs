using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Products;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Catalog;

/// <summary>Public product and business pages: readable stable URLs, both languages, and nothing private.</summary>
public sealed class PublicPagesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private async Task<Product> PublicProductAsync(Func<IQueryable<Product>, IQueryable<Product>>? filter = null)
    {
        await using var db = App.NewDbContext();
        var query = db.Products.Include(p => p.Business).Where(p => p.IsPublic && p.Business!.Status == BusinessStatus.Verified && p.Business.PublicWhatsApp != null);
        return await (filter ?? (q => q)).Invoke(query).OrderBy(p => p.Id).FirstAsync();
    }

    [Fact]
    public async Task A_visible_product_has_a_readable_page_with_price_permits_and_a_whatsapp_link()
    {
        var product = await PublicProductAsync(q => q.Where(p => p.NameEn != null));
        var slug = PublicCatalog.Slug(product.Name, product.Id);
        Assert.Matches("^[a-z0-9-]+-[0-9]+$", slug);
        var client = App.Browser();
        var html = await client.GetStringAsync($"/produk/{slug}");
        Assert.Contains(product.Name, html);
        Assert.Contains(Sentra.Web.Infrastructure.Localization.Formats.Rupiah(product.PriceRp, System.Globalization.CultureInfo.GetCultureInfo("id-ID")), html);
        var wa = Regex.Match(html, "data-testid=\"whatsapp\"[^>]*href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("https://wa.me/" + product.Business!.PublicWhatsApp!.TrimStart('+') + "?text=", WebUtility.HtmlDecode(wa), StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(product.Name), WebUtility.HtmlDecode(wa));
        Assert.Contains($"hreflang=\"en\" href=\"http://localhost/en/products/{slug}\"", html);
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/produk/{slug}\">", html);
        Assert.Contains("<meta property=\"og:title\"", html);
        var jsonLd = Regex.Match(html, "<script type=\"application/ld[+]json\">(.+?)</script>").Groups[1].Value;
        using var ld = System.Text.Json.JsonDocument.Parse(jsonLd);
        Assert.Equal("Product", ld.RootElement.GetProperty("@type").GetString());
        Assert.Equal(product.PriceRp, ld.RootElement.GetProperty("offers").GetProperty("price").GetInt64());

        var english = await client.GetStringAsync($"/en/products/{slug}");
        Assert.Contains(product.NameEn!, english);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Order on WhatsApp", english);
    }

    [Fact]
    public async Task English_falls_back_to_the_indonesian_name_marked_untranslated()
    {
        var product = await PublicProductAsync(q => q.Where(p => p.NameEn == null));
        var html = await App.Browser().GetStringAsync($"/en/products/{PublicCatalog.Slug(product.Name, product.Id)}");
        Assert.Contains(product.Name, html);
        Assert.Contains("data-testid=\"untranslated\"", html);
    }

    [Fact]
    public async Task An_old_or_shortened_link_moves_to_the_current_one()
    {
        var product = await PublicProductAsync();
        var response = await App.Browser().GetAsync($"/produk/nama-lama-{product.Id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/produk/{PublicCatalog.Slug(product.Name, product.Id)}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Hidden_products_and_draft_businesses_are_not_public()
    {
        int hiddenId, draftProductId, draftBusinessId;
        await using (var db = App.NewDbContext())
        {
            var hidden = await db.Products.Include(p => p.Business).FirstAsync(p => p.Business!.Status == BusinessStatus.Verified && p.IsPublic);
            hidden.IsPublic = false;
            await db.SaveChangesAsync();
            hiddenId = hidden.Id;
            var draft = await db.Businesses.Include(b => b.Products).FirstAsync(b => b.Status == BusinessStatus.Draft && b.Products.Any(p => p.IsPublic));
            draftBusinessId = draft.Id;
            draftProductId = draft.Products.First(p => p.IsPublic).Id;
        }
        var client = App.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/produk/x-{hiddenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/produk/x-{draftProductId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/usaha/x-{draftBusinessId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/produk/tanpa-nomor")).StatusCode);
    }

    [Fact]
    public async Task Business_pages_show_place_hours_and_products_but_no_personal_data()
    {
        await using var db = App.NewDbContext();
        var business = await db.Businesses.Include(b => b.Owners).ThenInclude(o => o.Person)
            .FirstAsync(b => b.Status == BusinessStatus.Verified && b.PublicWhatsApp != null);
        var html = await App.Browser().GetStringAsync($"/usaha/{PublicCatalog.Slug(business.Name, business.Id)}");
        Assert.Contains(business.Name, html);
        Assert.Contains("Pondok Petir", html);
        Assert.Contains("data-testid=\"open-now\"", html);
        Assert.Contains("https://www.google.com/maps/dir/?api=1&amp;destination=", html);
        var protector = App.Services.GetRequiredService<PersonalDataProtector>();
        var person = business.Owners.Single().Person!;
        var nik = protector.Decrypt(person.NikCipher!);
        Assert.DoesNotContain(nik, html);
        Assert.DoesNotContain(person.Name, html);
        Assert.DoesNotContain(nik[..4] + "••", html);
        foreach (var product in await db.Products.Where(p => p.BusinessId == business.Id && p.IsPublic).ToListAsync())
            Assert.Contains(product.Name, html);
    }
}

public sealed class VerificationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task A_registered_product_with_valid_permits_is_confirmed()
    {
        await using var db = App.NewDbContext();
        var product = await db.Products.Include(p => p.Permit).FirstAsync(p => p.IsPublic && p.Business!.Status == BusinessStatus.Verified
            && p.Permit != null && p.Permit.ExpiresOn > DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)
            && !p.HalalCertificates.Any(h => h.Permit!.ExpiresOn != null && h.Permit.ExpiresOn < DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)));
        var html = await App.Browser().GetStringAsync($"/v/{Verification.ProductCode(product.Id)}");
        Assert.Contains("data-testid=\"verify-registered\"", html);
        Assert.Contains(product.Permit!.Number, html);
        Assert.DoesNotContain("data-testid=\"verify-expired\"", html);
    }

    [Fact]
    public async Task An_expired_permit_is_warned_about()
    {
        await using var db = App.NewDbContext();
        var product = await db.Products.Include(p => p.Permit).FirstAsync(p => p.IsPublic && p.Business!.Status == BusinessStatus.Verified
            && p.Permit != null && p.Permit.ExpiresOn < DateOnly.FromDateTime(DateTime.UtcNow));
        var html = await App.Browser().GetStringAsync($"/v/{Verification.ProductCode(product.Id)}");
        Assert.Contains("data-testid=\"verify-expired\"", html);
        Assert.Contains("sudah kedaluwarsa", html);
    }

    [Theory]
    [InlineData("p999999")]
    [InlineData("x1")]
    [InlineData("p")]
    public async Task An_unknown_code_says_so_plainly(string code)
    {
        var response = await App.Browser().GetAsync($"/v/{code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tidak terdaftar", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_product_has_a_qr_code_of_its_short_link()
    {
        var response = await App.Browser().GetAsync("/v/p1/qr.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SearchEngineTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task The_sitemap_lists_every_public_page_in_both_languages_and_nothing_else()
    {
        var xml = System.Xml.Linq.XDocument.Parse(await App.Browser().GetStringAsync("/sitemap.xml"));
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = xml.Descendants(ns + "loc").Select(l => l.Value).ToHashSet();
        await using var db = App.NewDbContext();
        foreach (var p in await db.Products.Include(p => p.Business).ToListAsync())
        {
            var slug = PublicCatalog.Slug(p.Name, p.Id);
            var visible = p.IsPublic && p.Availability != Availability.Discontinued
                          && p.Business!.Status is BusinessStatus.Verified or BusinessStatus.NeedsReverification;
            Assert.Equal(visible, locations.Contains($"http://localhost/produk/{slug}"));
            Assert.Equal(visible, locations.Contains($"http://localhost/en/products/{slug}"));
        }
        foreach (var b in await db.Businesses.Where(b => b.Status == BusinessStatus.Draft).ToListAsync())
            Assert.DoesNotContain($"http://localhost/usaha/{PublicCatalog.Slug(b.Name, b.Id)}", locations);
    }

    [Fact]
    public async Task Robots_point_to_the_sitemap_and_keep_out_of_private_areas()
    {
        var robots = await App.Browser().GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        Assert.Contains("Disallow: /registry/", robots);
        Assert.Contains("Disallow: /account/", robots);
    }
}

public sealed class SentraHomeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task The_sentra_home_lists_its_verified_businesses_and_featured_products()
    {
        var client = App.Browser();
        var home = await client.GetStringAsync("/");
        Assert.Contains("href=\"/sentra/pondok-petir\"", home);
        var html = await client.GetStringAsync("/sentra/pondok-petir");
        await using var db = App.NewDbContext();
        foreach (var b in await db.Businesses.ToListAsync())
            Assert.Equal(b.Status is BusinessStatus.Verified or BusinessStatus.NeedsReverification, html.Contains($"/usaha/{PublicCatalog.Slug(b.Name, b.Id)}\"", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"sentra-featured\"", html);
        Assert.Contains("data-testid=\"member-open\"", html);
        Assert.Contains("data-markers=", html);
        var english = await client.GetStringAsync("/en/sentra/pondok-petir");
        Assert.Contains("Featured products", english);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sentra/tidak-ada")).StatusCode);
    }
}
