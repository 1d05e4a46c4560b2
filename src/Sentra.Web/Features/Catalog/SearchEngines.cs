using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sentra.Web.Infrastructure;

namespace Sentra.Web.Features.Catalog;

/// <summary>Absolute URLs for links that leave the site (shares, search engines, QR codes).</summary>
public static class PublicUrls
{
    /// <summary>The configured public base URL (required in Production), else this request's own.</summary>
    public static string Base(HttpRequest request, SentraOptions options) =>
        (options.PublicBaseUrl ?? $"{request.Scheme}://{request.Host}").TrimEnd('/');
}

/// <summary><c>sitemap.xml</c> with every public business and product page in both languages, and <c>robots.txt</c>.</summary>
public static class SearchEngines
{
    public static void MapSearchEngineFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", async (HttpRequest request, PublicCatalog catalog, IOptions<SentraOptions> options) =>
            {
                var root = PublicUrls.Base(request, options.Value);
                var businesses = await catalog.Businesses.OrderBy(b => b.Id).Select(b => new { b.Id, b.Name, b.UpdatedAt }).ToListAsync();
                var products = await catalog.Products.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.UpdatedAt }).ToListAsync();
                var text = new StringBuilder();
                using (var xml = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = false }))
                {
                    xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
                    xml.WriteAttributeString("xmlns", "xhtml", null, "http://www.w3.org/1999/xhtml");
                    void Page(string id, string en, DateTime? changed)
                    {
                        foreach (var loc in new[] { id, en })
                        {
                            xml.WriteStartElement("url");
                            xml.WriteElementString("loc", root + loc);
                            if (changed is { } c) xml.WriteElementString("lastmod", c.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                            foreach (var (lang, href) in new[] { ("id", id), ("en", en) })
                            {
                                xml.WriteStartElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                                xml.WriteAttributeString("rel", "alternate");
                                xml.WriteAttributeString("hreflang", lang);
                                xml.WriteAttributeString("href", root + href);
                                xml.WriteEndElement();
                            }
                            xml.WriteEndElement();
                        }
                    }
                    Page("/", "/en", null);
                    Page("/direktori", "/en/directory", null);
                    foreach (var b in businesses)
                    {
                        var slug = PublicCatalog.Slug(b.Name, b.Id);
                        Page($"/usaha/{slug}", $"/en/businesses/{slug}", b.UpdatedAt);
                    }
                    foreach (var p in products)
                    {
                        var slug = PublicCatalog.Slug(p.Name, p.Id);
                        Page($"/produk/{slug}", $"/en/products/{slug}", p.UpdatedAt);
                    }
                    xml.WriteEndElement();
                }
                return Results.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8");
            })
            .AllowAnonymous()
            .CacheOutput(CatalogCache.Policy)
            .ExcludeFromDescription();

        app.MapGet("/robots.txt", (HttpRequest request, IOptions<SentraOptions> options) =>
                Results.Text($"User-agent: *\nDisallow: /account/\nDisallow: /admin/\nDisallow: /registry/\nDisallow: /my\nDisallow: /api/\nAllow: /\nSitemap: {PublicUrls.Base(request, options.Value)}/sitemap.xml\n",
                    "text/plain; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
