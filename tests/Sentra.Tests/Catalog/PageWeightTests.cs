using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sentra.Tests.Infrastructure;

namespace Sentra.Tests.Catalog;

/// <summary>
/// Light enough for slow phones: a public page with its style sheets and scripts transfers at most
/// 60 KB compressed (images excluded), and its images never make the page jump or load before they
/// are needed.
/// </summary>
public sealed partial class PageWeightTests(AppFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AppFixture>
{
    public const int BudgetBytes = 60 * 1024;

    private SentraApp App => fixture.App;

    public static TheoryData<string> Pages => PublicPageList.Theory();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_public_page_with_its_css_and_js_transfers_at_most_60_KB_compressed(string page)
    {
        var url = await PublicPageList.ResolveAsync(App, page);
        var client = Client();
        var (htmlBytes, html) = await FetchAsync(client, url);
        var parts = new List<(string Url, long Bytes)> { (url, htmlBytes) };
        foreach (var asset in Assets(html))
        {
            Assert.StartsWith("/", asset, StringComparison.Ordinal); // served by Sentra itself, never a third party
            parts.Add((asset, (await FetchAsync(client, asset)).CompressedBytes));
        }
        var total = parts.Sum(p => p.Bytes);
        output.WriteLine($"{url}: {total:N0} bytes ({string.Join(" + ", parts.Select(p => p.Bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))})");
        Assert.True(total <= BudgetBytes,
            $"{url} transfers {total:N0} bytes compressed, over the budget of {BudgetBytes:N0}:\n" + string.Join("\n", parts.Select(p => $"  {p.Bytes,8:N0}  {p.Url}")));
    }

    /// <summary>
    /// Every image has its width and height (no layout shift) and loads lazily — except the first image
    /// of a page, which may load eagerly: on the product page it is the photo at the top, the largest
    /// thing on the screen (Largest Contentful Paint), and loading it lazily would only delay it.
    /// </summary>
    [Fact]
    public async Task Images_on_public_pages_have_their_size_set_and_load_lazily_below_the_first()
    {
        var client = Client();
        var problems = new List<string>();
        var checkedImages = 0;
        foreach (var page in PublicPageList.Urls)
        {
            var url = await PublicPageList.ResolveAsync(App, page);
            var (_, html) = await FetchAsync(client, url);
            var images = ImgTag().Matches(html).Select(m => m.Value).ToList();
            for (var i = 0; i < images.Count; i++)
            {
                checkedImages++;
                var img = images[i];
                if (Attribute(img, "width") is not { Length: > 0 } || Attribute(img, "height") is not { Length: > 0 })
                    problems.Add($"{url}: no width and height: {img}");
                var loading = Attribute(img, "loading");
                if (loading != "lazy" && !(i == 0 && loading == "eager"))
                    problems.Add($"{url}: loading=\"{loading}\" (only the first image may be eager): {img}");
            }
        }
        Assert.True(checkedImages >= 3, $"Only {checkedImages} images on the public pages: the test's photos did not show.");
        Assert.Empty(problems);
    }

    /// <summary>
    /// Pages are compressed as they are sent (Brotli); style sheets and scripts were compressed when the app
    /// was built (gzip; the published app also carries Brotli copies), carry their hash in the file name and
    /// are cached for a year.
    /// </summary>
    [Fact]
    public async Task Pages_styles_and_scripts_are_compressed_and_assets_cached()
    {
        var client = Client();
        var url = await PublicPageList.ResolveAsync(App, "/sentra/pondok-petir");
        var response = await client.GetAsync(url);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var (_, html) = await FetchAsync(client, url);
        var assets = Assets(html).ToList();
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var file = await client.GetAsync(asset);
            Assert.True(Assert.Single(file.Content.Headers.ContentEncoding) is "br" or "gzip");
            Assert.True(file.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"{asset}: Cache-Control {file.Headers.CacheControl}");
        }

        var plain = await App.CreateClient().GetAsync(assets[0]);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("{", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client()
    {
        // The test server hands over the bytes as sent: nothing here decompresses them.
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");
        return client;
    }

    /// <summary>The compressed size as transferred and the decoded text.</summary>
    private static async Task<(long CompressedBytes, string Text)> FetchAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK || url.StartsWith("/v/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.NotFound,
            $"{url} answered {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Assert.True(encoding is "br" or "gzip", $"{url} is not compressed (Content-Encoding: {encoding ?? "none"}).");
        await using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return (bytes.Length, await reader.ReadToEndAsync());
    }

    /// <summary>Style sheets and scripts the page loads: link rel=stylesheet href and script src.</summary>
    private static IEnumerable<string> Assets(string html) =>
        LinkTag().Matches(html).Select(m => m.Value).Where(tag => Attribute(tag, "rel") == "stylesheet").Select(tag => Attribute(tag, "href"))
            .Concat(ScriptTag().Matches(html).Select(m => Attribute(m.Value, "src")))
            .OfType<string>()
            .Select(url => WebUtility.HtmlDecode(url))
            .Distinct();

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<link\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTag();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<img\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImgTag();
}
