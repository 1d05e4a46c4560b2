using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Demo;
using Sentra.Web.Infrastructure.Localization;

namespace Sentra.Tests.Localization;

public sealed class LocalizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Pages_are_in_Indonesian_by_default()
    {
        var html = await App.Browser().GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"id\">", html);
        Assert.Contains("Masuk ke Sentra", html);
    }

    [Fact]
    public async Task The_switch_remembers_English_in_a_cookie_for_signed_in_pages()
    {
        var client = await App.SignedInAsync(DemoAccounts.Officer);
        var switched = await SentraApp.PostFormAsync(client, "/language", new() { ["culture"] = "en", ["returnUrl"] = "/account" }, formPage: "/account");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account", switched.Headers.Location!.ToString());
        var english = await client.GetStringAsync("/account");
        Assert.Contains("My account", english);
        Assert.Contains("<html lang=\"en\">", english);

        await SentraApp.PostFormAsync(client, "/language", new() { ["culture"] = "id", ["returnUrl"] = "/account" }, formPage: "/account");
        Assert.Contains("Akun saya", await client.GetStringAsync("/account"));
    }

    [Fact]
    public async Task The_switch_never_redirects_off_site()
    {
        var client = App.Browser();
        var response = await SentraApp.PostFormAsync(client, "/language", new() { ["culture"] = "en", ["returnUrl"] = "//evil.example/x" }, formPage: "/account/login");
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Public_pages_carry_their_language_in_the_url()
    {
        var client = App.Browser();
        var id = await client.GetStringAsync("/");
        var en = await client.GetStringAsync("/en");
        Assert.Contains("Sentra IKM", id);
        Assert.Contains("Small-industry clusters", en);
        Assert.Contains("hreflang=\"en\" href=\"http://localhost/en\"", id);
        Assert.Contains("hreflang=\"id\" href=\"http://localhost/\"", en);
        // The English description of the demo sentra is shown under /en.
        Assert.Contains("South Tangerang", en);
        // A language cookie does not change a public URL's language.
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        Assert.Contains("Sentra IKM", await (await client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public void Every_string_exists_in_both_languages()
    {
        var dir = Path.Combine(RepoPaths.WebProject, "Resources");
        var id = Keys(Path.Combine(dir, "SharedResource.resx"));
        var en = Keys(Path.Combine(dir, "SharedResource.en.resx"));
        Assert.Empty(id.Except(en));
        Assert.Empty(en.Except(id));
        Assert.True(id.Count > 100);

        static HashSet<string> Keys(string file) =>
            XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
    }

    [Theory]
    [InlineData("id-ID", 15_000L, "Rp 15.000")]
    [InlineData("id-ID", 1_500_000L, "Rp 1.500.000")]
    [InlineData("en-US", 15_000L, "Rp 15,000")]
    [InlineData("id-ID", 0L, "Rp 0")]
    public void Rupiah_is_whole_with_the_languages_separator(string culture, long amount, string expected) =>
        Assert.Equal(expected, Formats.Rupiah(amount, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("id-ID", "9 Januari 2018")]
    [InlineData("en-US", "9 January 2018")]
    public void Dates_are_written_out(string culture, string expected) =>
        Assert.Equal(expected, Formats.Date(new DateOnly(2018, 1, 9), CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Instants_are_shown_in_Jakarta_time() =>
        Assert.StartsWith("9 Januari 2018 14", Formats.DateTime(new DateTime(2018, 1, 9, 7, 5, 0, DateTimeKind.Utc), "Asia/Jakarta", CultureInfo.GetCultureInfo("id-ID")), StringComparison.Ordinal);

    [Theory]
    [InlineData("/", true, "/en")]
    [InlineData("/en", false, "/")]
    [InlineData("/produk/keripik-1", true, "/en/produk/keripik-1")]
    [InlineData("/en/x", false, "/x")]
    [InlineData("/en/x", true, "/en/x")]
    public void Alternate_public_paths(string path, bool toEnglish, string expected) =>
        Assert.Equal(expected, SentraCultureProvider.AlternatePublicPath(path, toEnglish));
}
