using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Demo;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Catalog;

/// <summary>
/// Partners embed the catalog: the JSON feed and the widget show a sentra's featured products, public data only,
/// to browsers only on the origins the office lists.
/// </summary>
public sealed class PartnerEmbedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Feed = "/feed/sentra/" + DemoSeeder.ClusterSlug + ".json";
    private const string Widget = "/embed/sentra/" + DemoSeeder.ClusterSlug;
    private const string GodongIjo = "https://godongijo.example";
    private const string LocalPartner = "http://localhost:8080";

    private SentraApp App => fixture.App;

    private async Task ListOriginsAsync(params string[] origins)
    {
        await using var db = App.NewDbContext();
        var cluster = await db.Clusters.SingleAsync(c => c.Slug == DemoSeeder.ClusterSlug);
        cluster.EmbedOrigins = EmbedOrigin.Store(origins);
        await db.SaveChangesAsync();
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> FeedAsync(string url = Feed, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (origin is not null) request.Headers.Add("Origin", origin);
        var response = await App.Browser().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static List<int> Ids(JsonElement feed) => feed.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task The_feed_lists_the_sentra_home_featured_products_with_absolute_links()
    {
        var (response, feed) = await FeedAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("id", feed.GetProperty("language").GetString());
        Assert.Equal("http://localhost/sentra/pondok-petir", feed.GetProperty("url").GetString());

        await using var db = App.NewDbContext();
        var cluster = await db.Clusters.SingleAsync(c => c.Slug == DemoSeeder.ClusterSlug);
        Assert.Equal(cluster.Name, feed.GetProperty("name").GetString());
        using var scope = App.Services.CreateScope();
        var featured = await scope.ServiceProvider.GetRequiredService<PublicCatalog>().FeaturedAsync(cluster.Id);
        Assert.NotEmpty(featured);
        Assert.Equal(featured.Select(p => p.Id), Ids(feed));

        var first = feed.GetProperty("products")[0];
        var product = await db.Products.Include(p => p.Business).Include(p => p.Photos).SingleAsync(p => p.Id == first.GetProperty("id").GetInt32());
        var slug = PublicCatalog.Slug(product.Name, product.Id);
        Assert.Equal(product.Name, first.GetProperty("name").GetString());
        Assert.False(first.GetProperty("untranslated").GetBoolean());
        Assert.Equal(product.PriceRp, first.GetProperty("priceRp").GetInt64());
        Assert.Equal(Sentra.Web.Infrastructure.Localization.Formats.Rupiah(product.PriceRp, System.Globalization.CultureInfo.GetCultureInfo("id-ID")),
            first.GetProperty("price").GetString());
        Assert.Equal(product.HalalStatus.ToString(), first.GetProperty("halalStatus").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("halal").GetString()));
        Assert.Equal(product.Business!.Name, first.GetProperty("business").GetString());
        Assert.Equal($"http://localhost/produk/{slug}", first.GetProperty("url").GetString());
        Assert.Equal($"http://localhost/v/p{product.Id}", first.GetProperty("verificationUrl").GetString());
        var photo = product.Photos.OrderBy(p => p.SortOrder).FirstOrDefault();
        Assert.Equal(photo is null ? null : $"http://localhost/media/photos/{photo.Id}/w320.webp", first.GetProperty("thumbnailUrl").GetString());

        // Every link of the feed answers, the verification link included.
        var client = App.Browser();
        foreach (var p in feed.GetProperty("products").EnumerateArray())
            foreach (var link in new[] { "url", "verificationUrl", "thumbnailUrl", "thumbnailJpegUrl" })
                if (p.GetProperty(link).GetString() is { } href)
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(href).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Hidden_products_and_draft_businesses_leave_the_feed_and_the_widget_and_personal_data_never_appears()
    {
        var (_, before) = await FeedAsync();
        var ids = Ids(before);
        Assert.True(ids.Count >= 2);
        int hiddenId, draftBusinessId;
        List<int> draftProducts;
        await using (var db = App.NewDbContext())
        {
            var hidden = await db.Products.SingleAsync(p => p.Id == ids[0]);
            hidden.IsPublic = false;
            hiddenId = hidden.Id;
            var other = await db.Products.Include(p => p.Business).FirstAsync(p => ids.Contains(p.Id) && p.BusinessId != hidden.BusinessId);
            draftBusinessId = other.BusinessId;
            other.Business!.Status = BusinessStatus.Draft;
            await db.SaveChangesAsync();
            draftProducts = await db.Products.Where(p => p.BusinessId == draftBusinessId).Select(p => p.Id).ToListAsync();
        }

        var (_, after) = await FeedAsync();
        var afterIds = Ids(after);
        Assert.NotEmpty(afterIds);
        Assert.DoesNotContain(hiddenId, afterIds);
        Assert.Empty(afterIds.Intersect(draftProducts));
        var widget = await App.Browser().GetStringAsync(Widget);
        Assert.DoesNotContain($"-{hiddenId}\"", widget);
        foreach (var id in draftProducts) Assert.DoesNotContain($"-{id}\"", widget);

        // No owner's name, NIK or private phone number, in any form, in the feed or the widget (both languages).
        var texts = new[] { after.GetRawText(), (await FeedAsync(Feed + "?lang=en")).Body.GetRawText(), widget, await App.Browser().GetStringAsync("/en" + Widget) };
        var protector = App.Services.GetRequiredService<PersonalDataProtector>();
        await using var read = App.NewDbContext();
        var owners = await read.BusinessOwners.Include(o => o.Person).Where(o => o.Business!.Clusters.Any(m => m.Cluster!.Slug == DemoSeeder.ClusterSlug))
            .Select(o => o.Person!).ToListAsync();
        Assert.NotEmpty(owners);
        foreach (var person in owners)
        {
            var secrets = new List<string> { person.Name };
            if (person.NikCipher is { } nik) secrets.Add(protector.Decrypt(nik));
            if (person.PhoneCipher is { } phone)
            {
                var e164 = protector.Decrypt(phone);
                secrets.AddRange([e164, e164.TrimStart('+'), "0" + e164.TrimStart('+')[2..]]);
            }
            foreach (var text in texts)
                foreach (var secret in secrets)
                    Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_a_listed_origin_gets_a_cors_header()
    {
        await ListOriginsAsync(GodongIjo, LocalPartner);

        var (listed, _) = await FeedAsync(origin: GodongIjo);
        Assert.Equal(GodongIjo, Assert.Single(listed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("Origin", listed.Headers.Vary);
        var (withPort, _) = await FeedAsync(Feed + "?lang=en", origin: LocalPartner);
        Assert.Equal(LocalPartner, Assert.Single(withPort.Headers.GetValues("Access-Control-Allow-Origin")));

        foreach (var stranger in new[] { "https://evil.example", "http://godongijo.example", "https://godongijo.example:8443", "https://sub.godongijo.example", "null" })
        {
            var (response, _) = await FeedAsync(origin: stranger);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), stranger);
            Assert.Contains("Origin", response.Headers.Vary);
        }
        var (noOrigin, _) = await FeedAsync();
        Assert.False(noOrigin.Headers.Contains("Access-Control-Allow-Origin"));

        await ListOriginsAsync();
        var (removed, _) = await FeedAsync(origin: GodongIjo);
        Assert.False(removed.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_preflight_is_answered_for_listed_origins_only()
    {
        await ListOriginsAsync(GodongIjo);
        async Task<HttpResponseMessage> PreflightAsync(string url, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, url);
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            request.Headers.Add("Access-Control-Request-Headers", "accept-language");
            return await App.Browser().SendAsync(request);
        }

        var listed = await PreflightAsync(Feed, GodongIjo);
        Assert.Equal(HttpStatusCode.NoContent, listed.StatusCode);
        Assert.Equal(GodongIjo, Assert.Single(listed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("GET", Assert.Single(listed.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Contains("Accept-Language", Assert.Single(listed.Headers.GetValues("Access-Control-Allow-Headers")));
        Assert.Contains("Origin", listed.Headers.Vary);

        var stranger = await PreflightAsync(Feed, "https://evil.example");
        Assert.Equal(HttpStatusCode.NoContent, stranger.StatusCode);
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Methods"));

        Assert.Equal(HttpStatusCode.NotFound, (await PreflightAsync("/feed/sentra/tidak-ada.json", GodongIjo)).StatusCode);
    }

    [Fact]
    public async Task The_widget_may_be_framed_only_by_the_site_and_exactly_the_listed_origins()
    {
        var client = App.Browser();
        await ListOriginsAsync();
        var alone = await client.GetAsync(Widget);
        Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
        Assert.EndsWith("frame-ancestors 'self'", Csp(alone), StringComparison.Ordinal);
        Assert.False(alone.Headers.Contains("X-Frame-Options"));

        await ListOriginsAsync(GodongIjo, LocalPartner);
        foreach (var url in new[] { Widget, "/en" + Widget })
        {
            var framed = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, framed.StatusCode);
            var policy = Csp(framed);
            var ancestors = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
            Assert.Equal(["'self'", GodongIjo, LocalPartner], ancestors.Split(' ')[1..]);
            Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.False(framed.Headers.Contains("X-Frame-Options"));
        }

        // Every other page keeps the site's own rule.
        var home = await client.GetAsync("/sentra/pondok-petir");
        Assert.Contains("frame-ancestors 'self';", Csp(home), StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", Assert.Single(home.Headers.GetValues("X-Frame-Options")));
    }

    private static string Csp(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

    [Fact]
    public async Task The_widget_links_each_product_in_a_new_tab_in_its_language()
    {
        var (_, feed) = await FeedAsync();
        var html = await App.Browser().GetStringAsync(Widget);
        Assert.Contains("<html lang=\"id\">", html);
        Assert.Matches("href=\"/css/embed[.a-z0-9]*\\.css", html);   // fingerprinted by MapStaticAssets
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        foreach (var p in feed.GetProperty("products").EnumerateArray())
            Assert.Contains($"href=\"{p.GetProperty("url").GetString()}\" target=\"_blank\" rel=\"noopener\"", html);

        var english = await App.Browser().GetStringAsync("/en" + Widget);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Featured products", english);
        Assert.Contains("href=\"http://localhost/en/products/", english);
    }

    [Fact]
    public async Task The_script_puts_the_widget_frame_where_it_stands()
    {
        var response = await App.Browser().GetAsync(Widget + ".js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        Assert.Contains("document.currentScript", script);
        Assert.Contains("insertBefore(frame, script)", script);
        Assert.Contains("frame.src = \"http://localhost/embed/sentra/pondok-petir\";", script);

        var english = await App.Browser().GetStringAsync("/en" + Widget + ".js");
        Assert.Contains("frame.src = \"http://localhost/en/embed/sentra/pondok-petir\";", english);
        Assert.Contains("Featured products of", english);
    }

    [Fact]
    public async Task English_falls_back_to_the_indonesian_name_marked_untranslated()
    {
        var (_, feed) = await FeedAsync();
        var ids = Ids(feed);
        Assert.True(ids.Count >= 2);
        await using (var db = App.NewDbContext())
        {
            var untranslated = await db.Products.SingleAsync(p => p.Id == ids[0]);
            untranslated.NameEn = null;
            var translated = await db.Products.SingleAsync(p => p.Id == ids[1]);
            translated.NameEn = "Translated snack " + translated.Id;
            await db.SaveChangesAsync();
        }
        await using var read = App.NewDbContext();
        var products = await read.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);

        var (_, english) = await FeedAsync(Feed + "?lang=EN");
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Equal("http://localhost/en/sentra/pondok-petir", english.GetProperty("url").GetString());
        var first = english.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == ids[0]);
        Assert.Equal(products[ids[0]].Name, first.GetProperty("name").GetString());
        Assert.True(first.GetProperty("untranslated").GetBoolean());
        Assert.Equal(Sentra.Web.Infrastructure.Localization.Formats.Rupiah(products[ids[0]].PriceRp, System.Globalization.CultureInfo.GetCultureInfo("en-US")),
            first.GetProperty("price").GetString());
        Assert.StartsWith("http://localhost/en/products/", first.GetProperty("url").GetString(), StringComparison.Ordinal);
        var second = english.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == ids[1]);
        Assert.Equal("Translated snack " + ids[1], second.GetProperty("name").GetString());
        Assert.False(second.GetProperty("untranslated").GetBoolean());

        var (_, indonesian) = await FeedAsync(Feed + "?lang=id");
        Assert.All(indonesian.GetProperty("products").EnumerateArray(), p => Assert.False(p.GetProperty("untranslated").GetBoolean()));
        Assert.Equal(products[ids[1]].Name, indonesian.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == ids[1]).GetProperty("name").GetString());

        var widget = await App.Browser().GetStringAsync("/en" + Widget);
        Assert.Contains("data-testid=\"untranslated\"", widget);
        Assert.Contains("not yet translated", widget);
    }

    [Fact]
    public async Task An_unknown_sentra_is_a_404_problem_and_an_unknown_language_a_400()
    {
        var (missing, problem) = await FeedAsync("/feed/sentra/tidak-ada.json", origin: GodongIjo);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Sentra tidak ditemukan", problem.GetProperty("title").GetString());
        Assert.False(missing.Headers.Contains("Access-Control-Allow-Origin"));

        var (_, english) = await FeedAsync("/feed/sentra/tidak-ada.json?lang=en");
        Assert.Equal("Sentra not found", english.GetProperty("title").GetString());

        var (badLanguage, invalid) = await FeedAsync(Feed + "?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.Contains("\"fr\"", invalid.GetProperty("errors").GetProperty("lang")[0].GetString(), StringComparison.Ordinal);

        var client = App.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/embed/sentra/tidak-ada")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/embed/sentra/tidak-ada")).StatusCode);
        var script = await client.GetAsync("/embed/sentra/tidak-ada.js");
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }
}
