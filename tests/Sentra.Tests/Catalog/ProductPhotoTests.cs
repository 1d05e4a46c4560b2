using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using SkiaSharp;

namespace Sentra.Tests.Catalog;

/// <summary>Product photos on the public pages (the demo's drawn pictures): sized, shareable, and private where the product is.</summary>
public sealed class ProductPhotoTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task The_product_page_shows_its_photo_with_a_size_and_shares_it_by_absolute_url()
    {
        await using var db = App.NewDbContext();
        var product = await db.Products.Include(p => p.Photos).OrderBy(p => p.Id)
            .FirstAsync(p => p.IsPublic && p.Business!.Status == BusinessStatus.Verified && p.Photos.Any());
        var photoId = product.Photos.Single().Id;
        var slug = PublicCatalog.Slug(product.Name, product.Id);
        var client = App.Browser();
        foreach (var url in new[] { $"/produk/{slug}", $"/en/products/{slug}" })
        {
            var html = await client.GetStringAsync(url);
            var img = Regex.Match(html, "<img src=\"(/media/photos/[0-9]+/w640[.]jpg)\"[^>]* width=\"([0-9]+)\" height=\"([0-9]+)\"");
            Assert.True(img.Success, url);
            Assert.Equal($"/media/photos/{photoId}/w640.jpg", img.Groups[1].Value);
            Assert.Equal(("640", "480"), (img.Groups[2].Value, img.Groups[3].Value));
            Assert.Contains($"/media/photos/{photoId}/w320.webp 320w", html);
            Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost/media/photos/{photoId}/w640.jpg\" />", html);
            var jsonLd = Regex.Match(html, "<script type=\"application/ld[+]json\">(.+?)</script>").Groups[1].Value;
            using var ld = System.Text.Json.JsonDocument.Parse(jsonLd);
            Assert.Equal($"http://localhost/media/photos/{photoId}/w640.jpg", ld.RootElement.GetProperty("image").GetString());
        }

        // What a share preview fetches: anyone may, and it is the size the page says.
        var anonymous = App.CreateClient();
        var shared = await anonymous.GetAsync($"/media/photos/{photoId}/w640.jpg");
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.Equal("image/jpeg", shared.Content.Headers.ContentType?.MediaType);
        using (var bitmap = SKBitmap.Decode(await shared.Content.ReadAsByteArrayAsync()))
            Assert.Equal((640, 480), (bitmap.Width, bitmap.Height));
        var thumbnail = await anonymous.GetAsync($"/media/photos/{photoId}/w320.webp");
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.InRange((await thumbnail.Content.ReadAsByteArrayAsync()).Length, 1, 40 * 1024);
    }

    [Fact]
    public async Task Lists_show_sized_lazy_thumbnails()
    {
        var client = App.Browser();
        var sentra = await client.GetStringAsync("/sentra/pondok-petir");
        Assert.Matches("<img src=\"/media/photos/[0-9]+/w320[.]webp\" alt=\"\" width=\"320\" height=\"240\" loading=\"lazy\"", sentra);
        await using var db = App.NewDbContext();
        var business = await db.Businesses.OrderBy(b => b.Id).FirstAsync(b => b.Status == BusinessStatus.Verified);
        var page = await client.GetStringAsync($"/usaha/{PublicCatalog.Slug(business.Name, business.Id)}");
        Assert.Matches("<img src=\"/media/photos/[0-9]+/w320[.]webp\" alt=\"\" width=\"320\" height=\"240\" loading=\"lazy\"", page);
    }

    [Fact]
    public async Task Photos_of_products_of_a_draft_business_are_not_served_to_the_public()
    {
        await using var db = App.NewDbContext();
        var photoId = await db.Photos.Where(ph => ph.ProductId != null && db.Businesses.Any(b => b.Id == ph.BusinessId && b.Status == BusinessStatus.Draft))
            .Select(ph => ph.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync($"/media/photos/{photoId}/w320.webp")).StatusCode);
    }
}
