using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Products;
using Sentra.Web.Infrastructure;
using Sentra.Web.Infrastructure.Localization;

namespace Sentra.Web.Features.Catalog;

/// <summary>One featured product as partners receive it: public data only, every link absolute.</summary>
/// <param name="Name">In the feed's language; in English, the Indonesian name when there is no translation.</param>
/// <param name="Untranslated">True when <paramref name="Name"/> is the Indonesian name standing in for a missing English one.</param>
/// <param name="Price">The price written for people: <c>Rp 15.000</c> / <c>Rp 15,000</c>.</param>
/// <param name="ThumbnailUrl">A 320 px WebP thumbnail (<see cref="ThumbnailJpegUrl"/> is the same as JPEG), or null without a photo.</param>
/// <param name="VerificationUrl">The product's short verification link (<c>/v/p12</c>), as printed in its QR code.</param>
public sealed record FeedProduct(int Id, string Name, bool Untranslated, long PriceRp, string Price, HalalStatus HalalStatus,
    string Halal, string Business, string Url, string? ThumbnailUrl, string? ThumbnailJpegUrl, string VerificationUrl);

/// <summary>The partner feed of one sentra: <c>GET /feed/sentra/{slug}.json?lang=id|en</c>.</summary>
public sealed record SentraFeed(string Name, string Slug, string Language, string Url, IReadOnlyList<FeedProduct> Products);

/// <summary>
/// What partner sites show of a sentra (the JSON feed and the embeddable widget): the featured products of
/// its home page, built on <see cref="PublicCatalog"/>, in the current request's language, and the origins
/// the office allows to embed them.
/// </summary>
public sealed class PartnerShowcase(PublicCatalog catalog, IStringLocalizer<SharedResource> t, IOptions<SentraOptions> options)
{
    public sealed record Showcase(SentraFeed Feed, IReadOnlyList<string> Origins);

    public async Task<Showcase?> FindAsync(string slug, HttpRequest request)
    {
        var cluster = await catalog.ClusterAsync(slug);
        if (cluster is null) return null;
        var english = Cultures.IsEnglish(CultureInfo.CurrentUICulture);
        var root = PublicUrls.Base(request, options.Value);
        var products = (await catalog.FeaturedAsync(cluster.Id)).Select(p =>
        {
            var productSlug = PublicCatalog.Slug(p.Name, p.Id);
            var untranslated = english && string.IsNullOrWhiteSpace(p.NameEn);
            return new FeedProduct(p.Id, untranslated || !english ? p.Name : p.NameEn!, untranslated, p.PriceRp,
                Formats.Rupiah(p.PriceRp, CultureInfo.CurrentCulture), p.HalalStatus, t.Label(p.HalalStatus), p.BusinessName,
                root + (english ? $"/en/products/{productSlug}" : $"/produk/{productSlug}"),
                p.PhotoId is { } photo ? $"{root}/media/photos/{photo}/w320.webp" : null,
                p.PhotoId is { } jpeg ? $"{root}/media/photos/{jpeg}/w320.jpg" : null,
                $"{root}/v/{Verification.ProductCode(p.Id)}");
        }).ToList();
        var feed = new SentraFeed(cluster.Name, cluster.Slug, english ? "en" : "id",
            root + (english ? $"/en/sentra/{cluster.Slug}" : $"/sentra/{cluster.Slug}"), products);
        return new Showcase(feed, EmbedOrigin.ListOf(cluster.EmbedOrigins));
    }
}

/// <summary>
/// The partner feed and the script that embeds the widget. The widget page itself is
/// <c>Features/Public/SentraWidget.cshtml</c> (<c>/embed/sentra/{slug}</c>, <c>/en/embed/sentra/{slug}</c>).
/// </summary>
public static class PartnerEmbed
{
    /// <summary>The iframe's height in CSS pixels: the widget is one row of cards that scrolls sideways, so it needs no script to fit.</summary>
    public const int FrameHeight = 330;

    public static IServiceCollection AddSentraPartnerEmbed(this IServiceCollection services) => services.AddScoped<PartnerShowcase>();

    public static IEndpointRouteBuilder MapPartnerEmbed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed/sentra/{slug}.json", FeedAsync)
            .AllowAnonymous()
            .CacheOutput(CatalogCache.FeedPolicy)
            .WithTags("Partners")
            .WithName("SentraFeed")
            .WithSummary("A sentra's featured products for partner sites; lang=id (default) or en. Browsers may read it only from the origins the office lists (CORS).")
            .Produces<SentraFeed>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapMethods("/feed/sentra/{slug}.json", [HttpMethods.Options], PreflightAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/embed/sentra/{slug}.js", (string slug, HttpContext http, PartnerShowcase showcase, IStringLocalizer<SharedResource> t) =>
                ScriptAsync(slug, english: false, http, showcase, t))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet($"/{Cultures.EnglishPrefix}/embed/sentra/{{slug}}.js", (string slug, HttpContext http, PartnerShowcase showcase, IStringLocalizer<SharedResource> t) =>
                ScriptAsync(slug, english: true, http, showcase, t))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<SentraFeed>, ValidationProblem, ProblemHttpResult>> FeedAsync(
        string slug, string? lang, HttpContext http, PartnerShowcase showcase, IStringLocalizer<SharedResource> t)
    {
        // The answer depends on the caller's origin: caches must keep one copy per origin.
        http.Response.Headers.Vary = "Origin";
        var english = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
        if (!english && !string.IsNullOrEmpty(lang) && !string.Equals(lang, "id", StringComparison.OrdinalIgnoreCase))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = [t["Embed.LanguageUnknown", lang].Value] });
        UseLanguage(english);
        if (await showcase.FindAsync(slug, http.Request) is not { } found)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["Embed.SentraUnknown"], detail: t["Embed.SentraUnknownDetail", slug]);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && found.Origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            http.Response.Headers.AccessControlAllowOrigin = origin;
        return TypedResults.Ok(found.Feed);
    }

    /// <summary>
    /// The CORS preflight a browser sends before a partner page's <c>fetch</c> with headers of its own
    /// (an <c>Accept-Language</c>, a <c>Content-Type</c>): allowed for the listed origins only, for GET,
    /// with the plain request headers; the answer may be kept ten minutes.
    /// </summary>
    private static async Task<IResult> PreflightAsync(string slug, HttpContext http, PartnerShowcase showcase, IStringLocalizer<SharedResource> t)
    {
        http.Response.Headers.Vary = "Origin";
        if (await showcase.FindAsync(slug, http.Request) is not { } found)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: t["Embed.SentraUnknown"], detail: t["Embed.SentraUnknownDetail", slug]);
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && found.Origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.AccessControlAllowMethods = "GET";
            http.Response.Headers.AccessControlAllowHeaders = "Accept, Accept-Language, Content-Language, Content-Type";
            http.Response.Headers.AccessControlMaxAge = "600";
        }
        return Results.NoContent();
    }

    /// <summary>
    /// A script that puts the widget's iframe where its own script tag stands, so a partner pastes one line.
    /// Which sites may show the frame is decided by the frame's own <c>frame-ancestors</c>, not here.
    /// </summary>
    private static async Task<IResult> ScriptAsync(string slug, bool english, HttpContext http, PartnerShowcase showcase, IStringLocalizer<SharedResource> t)
    {
        UseLanguage(english);
        if (await showcase.FindAsync(slug, http.Request) is not { } found)
            return Results.Text("/* " + t["Embed.SentraUnknown"] + " */", "text/javascript; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        var root = PublicUrls.Base(http.Request, http.RequestServices.GetRequiredService<IOptions<SentraOptions>>().Value);
        var src = root + WidgetPath(found.Feed.Slug, english);
        string Js(string text) => JsonSerializer.Serialize(text);
        var script = $$"""
            (function () {
              var script = document.currentScript;
              var frame = document.createElement('iframe');
              frame.src = {{Js(src)}};
              frame.title = {{Js(t["Embed.FrameTitle", found.Feed.Name].Value)}};
              frame.loading = 'lazy';
              frame.setAttribute('data-sentra-widget', {{Js(found.Feed.Slug)}});
              frame.style.display = 'block';
              frame.style.width = '100%';
              frame.style.height = '{{FrameHeight}}px';
              frame.style.border = '0';
              if (script && script.parentNode) script.parentNode.insertBefore(frame, script);
              else document.body.appendChild(frame);
            })();

            """;
        return Results.Text(script, "text/javascript; charset=utf-8");
    }

    public static string WidgetPath(string slug, bool english) => (english ? $"/{Cultures.EnglishPrefix}" : "") + $"/embed/sentra/{slug}";

    public static string ScriptPath(string slug, bool english) => WidgetPath(slug, english) + ".js";

    public static string FeedPath(string slug, bool english) => $"/feed/sentra/{slug}.json" + (english ? "?lang=en" : "");

    private static void UseLanguage(bool english)
    {
        var culture = english ? Cultures.EnglishCulture : Cultures.IndonesianCulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
