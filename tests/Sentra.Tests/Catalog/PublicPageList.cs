using System.Runtime.CompilerServices;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Tests.Infrastructure.Files;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Catalog;

/// <summary>
/// The public pages that the page-weight test (here) and the accessibility test (browser tests) walk
/// through. Add a public page by adding its URL to <see cref="Urls"/>; words in braces are filled in
/// from the demo data by <see cref="ResolveAsync"/>.
/// </summary>
public static class PublicPageList
{
    public static readonly IReadOnlyList<string> Urls =
    [
        "/",
        "/sentra/pondok-petir",
        "/en/sentra/pondok-petir",
        "/produk/{product}",
        "/en/products/{product}",
        "/usaha/{business}",
        "/en/businesses/{business}",
        "/v/{valid-product}",
        "/v/{expired-product}",
        "/v/p999999", // an unknown code: the "not registered" page, answered with 404
        "/katalog",
        "/katalog?q=kripik&halal=1",
        "/en/catalog?q=chips",
        "/direktori",
        "/en/directory",
    ];

    public static TheoryData<string> Theory(params string[] more)
    {
        var data = new TheoryData<string>();
        foreach (var url in Urls.Concat(more)) data.Add(url);
        return data;
    }

    private static readonly ConditionalWeakTable<SentraApp, Lazy<Task<Dictionary<string, string>>>> Values = new();

    /// <summary>
    /// The URL with its placeholders filled in. The first call per app also gives the chosen product two
    /// photos and a second product of the same business one, so that pages show images as they will
    /// once owners add photos (the demo data has none yet).
    /// </summary>
    public static async Task<string> ResolveAsync(SentraApp app, string url)
    {
        var values = await Values.GetValue(app, a => new Lazy<Task<Dictionary<string, string>>>(() => PrepareAsync(a))).Value;
        foreach (var (key, value) in values) url = url.Replace("{" + key + "}", value, StringComparison.Ordinal);
        return url;
    }

    private static async Task<Dictionary<string, string>> PrepareAsync(SentraApp app)
    {
        await using var db = app.NewDbContext();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var publicProducts = db.Products.Where(p => p.IsPublic && p.Business!.Status == BusinessStatus.Verified);
        var product = await publicProducts.Include(p => p.Business)
            .Where(p => p.NameEn != null && p.Business!.PublicWhatsApp != null).OrderBy(p => p.Id).FirstAsync();
        var valid = await publicProducts.Where(p => p.Permit != null && p.Permit.ExpiresOn > today.AddYears(1)
                && !p.HalalCertificates.Any(h => h.Permit!.ExpiresOn != null && h.Permit.ExpiresOn < today.AddYears(1)))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var expired = await publicProducts.Where(p => p.Permit != null && p.Permit.ExpiresOn < today)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var sibling = await publicProducts.Where(p => p.BusinessId == product.BusinessId && p.Id != product.Id)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();

        var officer = app.WithToken(await app.TokenAsync(DemoAccounts.Officer));
        foreach (var (id, seed) in new[] { (product.Id, 1), (product.Id, 2), (sibling, 3) })
        {
            using var bitmap = TestImages.Photo(1200, 900, seed);
            var content = new ByteArrayContent(TestImages.Jpeg(bitmap));
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            using var form = new MultipartFormDataContent { { content, "file", $"foto-{seed}.jpg" } };
            var response = await officer.PostAsync($"/api/v1/products/{id}/photos", form);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Photo upload for product {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return new Dictionary<string, string>
        {
            ["product"] = PublicCatalog.Slug(product.Name, product.Id),
            ["business"] = PublicCatalog.Slug(product.Business!.Name, product.BusinessId),
            ["valid-product"] = Verification.ProductCode(valid),
            ["expired-product"] = Verification.ProductCode(expired),
        };
    }
}
