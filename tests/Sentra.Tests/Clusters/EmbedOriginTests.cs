using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Clusters;

/// <summary>What counts as a partner site's origin: scheme, host and port, normalised as browsers send it.</summary>
public sealed class EmbedOriginRuleTests
{
    [Theory]
    [InlineData("https://godongijo.example", "https://godongijo.example")]
    [InlineData("  HTTPS://GodongIjo.Example/  ", "https://godongijo.example")]
    [InlineData("https://godongijo.example:443", "https://godongijo.example")]
    [InlineData("http://godongijo.example:80/", "http://godongijo.example")]
    [InlineData("http://localhost:8080", "http://localhost:8080")]
    [InlineData("https://sekolah.godongijo.example:8443", "https://sekolah.godongijo.example:8443")]
    [InlineData("http://127.0.0.1:5081", "http://127.0.0.1:5081")]
    [InlineData("http://[::1]:5081", "http://[::1]:5081")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    public void A_site_address_becomes_its_origin(string text, string origin) =>
        Assert.Equal((origin, (string?)null), EmbedOrigin.Normalize(text));

    [Theory]
    [InlineData("https://godongijo.example/katalog", "Embed.OriginPath")]
    [InlineData("https://godongijo.example/?a=1", "Embed.OriginPath")]
    [InlineData("https://godongijo.example?a=1", "Embed.OriginPath")]
    [InlineData("https://godongijo.example#produk", "Embed.OriginPath")]
    [InlineData("https://*.godongijo.example", "Embed.OriginWildcard")]
    [InlineData("*", "Embed.OriginWildcard")]
    [InlineData("godongijo.example", "Embed.OriginSchemeMissing")]
    [InlineData("//godongijo.example", "Embed.OriginSchemeMissing")]
    [InlineData("ftp://godongijo.example", "Embed.OriginScheme")]
    [InlineData("javascript://godongijo.example", "Embed.OriginScheme")]
    [InlineData("https://", "Embed.OriginInvalid")]
    [InlineData("https://user:pass@godongijo.example", "Embed.OriginInvalid")]
    [InlineData("https://godong ijo.example", "Embed.OriginInvalid")]
    [InlineData("https://godongijo.example:99999", "Embed.OriginInvalid")]
    [InlineData("https://godongijo.example;script-src", "Embed.OriginInvalid")]
    [InlineData("https://godongijo_example", "Embed.OriginInvalid")]
    public void Anything_but_a_bare_origin_is_refused_with_its_reason(string text, string error) =>
        Assert.Equal(((string?)null, error), EmbedOrigin.Normalize(text));

    [Fact]
    public void A_list_is_deduplicated_after_normalising_and_capped()
    {
        var (origins, errors) = EmbedOrigin.Check(["https://a.example", "", "HTTPS://A.EXAMPLE/", "http://b.example:8080", "b.example"], "EmbedOrigins");
        Assert.Equal(["https://a.example", "http://b.example:8080"], origins);
        var error = Assert.Single(errors);
        Assert.Equal(("EmbedOrigins", "Embed.OriginSchemeMissing", "b.example"), (error.Field, error.MessageKey, (string)error.Args![0]));

        var many = Enumerable.Range(1, EmbedOrigin.MaxCount + 1).Select(i => $"https://p{i}.example").ToList();
        Assert.Contains(EmbedOrigin.Check(many, "EmbedOrigins").Errors, e => e.MessageKey == "Embed.OriginTooMany");
        Assert.Empty(EmbedOrigin.Check(many.Take(EmbedOrigin.MaxCount), "EmbedOrigins").Errors);
    }

    [Fact]
    public void Stored_text_that_is_not_an_origin_is_never_trusted()
    {
        Assert.Equal(["https://a.example", "http://localhost:8080"], EmbedOrigin.ListOf("https://a.example 'unsafe-inline' http://localhost:8080 https://x.example/path *"));
        Assert.Empty(EmbedOrigin.ListOf(null));
        Assert.Equal(["https://a.example", "https://b.example"], EmbedOrigin.Lines("https://a.example\r\n\r\n  https://b.example , "));
    }
}

/// <summary>Office staff list the partner sites on the sentra's edit page (and through the API); every change is audited.</summary>
public sealed class EmbedOriginEditTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private async Task<int> DemoClusterIdAsync()
    {
        await using var db = App.NewDbContext();
        return await db.Clusters.Where(c => c.Slug == DemoSeeder.ClusterSlug).Select(c => c.Id).SingleAsync();
    }

    /// <summary>The edit form as it stands, with the partner sites replaced: what a person submits after typing in the box.</summary>
    private static async Task<HttpResponseMessage> PostEditAsync(HttpClient client, string url, string origins)
    {
        var page = await client.GetStringAsync(url);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", SentraApp.AntiforgeryToken(page)) };
        foreach (Match m in Regex.Matches(page, "<input[^>]*name=\"(Input\\.[^\"]+|__Invariant)\"[^>]*>"))
        {
            var value = Regex.Match(m.Value, "value=\"([^\"]*)\"");
            fields.Add(new(m.Groups[1].Value, value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : ""));
        }
        foreach (Match m in Regex.Matches(page, "<textarea[^>]*name=\"(Input\\.[^\"]+)\"[^>]*>([^<]*)</textarea>"))
            fields.Add(new(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value).TrimStart('\r', '\n')));
        foreach (Match m in Regex.Matches(page, "<select[^>]*name=\"(Input\\.[^\"]+)\"[\\s\\S]*?</select>"))
            if (Regex.Match(m.Value, "<option selected=\"selected\" value=\"([^\"]*)\"|<option value=\"([^\"]*)\" selected") is { Success: true } selected)
                fields.Add(new(m.Groups[1].Value, selected.Groups[1].Success ? selected.Groups[1].Value : selected.Groups[2].Value));
        fields.Add(new("EmbedOriginsText", origins));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_officer_lists_partner_sites_normalised_and_the_page_shows_the_snippets_and_the_audit_records_it()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var id = await DemoClusterIdAsync();
        var edit = $"/registry/clusters/{id}/edit";

        var before = await officer.GetStringAsync(edit);
        Assert.Contains("data-testid=\"embed-no-origins\"", before);

        var saved = await PostEditAsync(officer, edit, "HTTPS://GodongIjo.Example/\n\nhttp://localhost:8080\nhttps://godongijo.example");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = App.NewDbContext())
        {
            var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal("https://godongijo.example http://localhost:8080", cluster.EmbedOrigins);
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Cluster) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && a.Action == AuditAction.Updated).OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal(await db.Users.Where(u => u.Email == DemoAccounts.Officer).Select(u => u.Id).SingleAsync(), audit.UserId);
            var change = JsonDocument.Parse(audit.Changes).RootElement.EnumerateArray().Single(c => c.GetProperty("field").GetString() == nameof(Cluster.EmbedOrigins));
            Assert.Equal(JsonValueKind.Null, change.GetProperty("old").ValueKind);
            Assert.Equal("https://godongijo.example http://localhost:8080", change.GetProperty("new").GetString());
        }

        var page = await officer.GetStringAsync(edit);
        Assert.Contains("https://godongijo.example\nhttp://localhost:8080</textarea>", WebUtility.HtmlDecode(page));
        Assert.Contains("data-testid=\"embed-origin-list\"", page);
        Assert.Contains("&lt;script src=\"http://localhost/embed/sentra/pondok-petir.js\"&gt;&lt;/script&gt;", page);
        Assert.Contains("&lt;iframe src=\"http://localhost/embed/sentra/pondok-petir\"", page);
        Assert.Contains("http://localhost/en/embed/sentra/pondok-petir.js", page);
        Assert.Contains("href=\"/feed/sentra/pondok-petir.json\"", page);
        Assert.Contains("<iframe class=\"embed-preview\" src=\"/embed/sentra/pondok-petir\"", page);

        // The API reads the list; a PUT without it keeps it, an empty list clears it.
        var api = App.WithToken(await App.TokenAsync(DemoAccounts.Officer));
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}");
        Assert.Equal(["https://godongijo.example", "http://localhost:8080"], detail.GetProperty("embedOrigins").EnumerateArray().Select(o => o.GetString()));
        var body = new Dictionary<string, object?>
        {
            ["name"] = detail.GetProperty("name").GetString(), ["slug"] = DemoSeeder.ClusterSlug, ["villageCode"] = detail.GetProperty("villageCode").GetString(),
            ["mainCommodity"] = detail.GetProperty("mainCommodity").GetString(), ["latitude"] = detail.GetProperty("latitude").GetDouble(),
            ["longitude"] = detail.GetProperty("longitude").GetDouble(),
        };
        var kept = await api.PutAsJsonAsync($"/api/v1/clusters/{id}", body);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(2, (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("embedOrigins").GetArrayLength());
        body["embedOrigins"] = Array.Empty<string>();
        var cleared = await api.PutAsJsonAsync($"/api/v1/clusters/{id}", body);
        Assert.Equal(0, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("embedOrigins").GetArrayLength());
        Assert.Contains("data-testid=\"embed-no-origins\"", await officer.GetStringAsync(edit));
    }

    [Fact]
    public async Task Each_bad_origin_is_named_with_its_reason_in_both_languages_and_nothing_is_saved()
    {
        var id = await DemoClusterIdAsync();
        var edit = $"/registry/clusters/{id}/edit";
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        string? stored;
        await using (var db = App.NewDbContext())
            stored = (await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id)).EmbedOrigins;
        var response = await PostEditAsync(officer, edit,
            "https://godongijo.example/katalog\nhttps://*.godongijo.example\ngodongijo.example\nftp://godongijo.example\nhttps://godong_ijo.example\nhttps://ok.example");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"embed-origins-error\"", html);
        Assert.Contains("https://godongijo.example/katalog: tulis alamat situsnya saja, tanpa halaman, ? atau #", html);
        Assert.Contains("https://*.godongijo.example: tanda * tidak diizinkan; tulis setiap situs mitra satu per satu.", html);
        Assert.Contains("godongijo.example: awali dengan https:// (atau http://)", html);
        Assert.Contains("ftp://godongijo.example: hanya alamat https:// atau http:// yang dapat dipakai.", html);
        Assert.Contains("https://godong_ijo.example bukan alamat situs yang sah.", html);
        await using (var db = App.NewDbContext())
            Assert.Equal(stored, (await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id)).EmbedOrigins);

        // The same messages in English for staff who chose English.
        await SentraApp.PostFormAsync(officer, "/language", new() { ["culture"] = "en", ["returnUrl"] = edit }, formPage: edit);
        var english = WebUtility.HtmlDecode(await (await PostEditAsync(officer, edit, "https://godongijo.example/katalog\n*\ngodongijo.example")).Content.ReadAsStringAsync());
        Assert.Contains("https://godongijo.example/katalog: write the site's address only, without a page, ? or #", english);
        Assert.Contains("*: wildcards (*) are not allowed; list each partner site.", english);
        Assert.Contains("godongijo.example: start with https:// (or http://)", english);

        // The API names the same field with one message per bad origin.
        var api = App.WithToken(await App.TokenAsync(DemoAccounts.Officer));
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}");
        var put = await api.PutAsJsonAsync($"/api/v1/clusters/{id}", new Dictionary<string, object?>
        {
            ["name"] = detail.GetProperty("name").GetString(), ["villageCode"] = detail.GetProperty("villageCode").GetString(),
            ["mainCommodity"] = detail.GetProperty("mainCommodity").GetString(), ["slug"] = DemoSeeder.ClusterSlug,
            ["latitude"] = detail.GetProperty("latitude").GetDouble(), ["longitude"] = detail.GetProperty("longitude").GetDouble(),
            ["embedOrigins"] = new List<string> { "https://godongijo.example/katalog", "*" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var messages = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("embedOrigins")
            .EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("https://godongijo.example/katalog: tulis alamat situsnya saja, tanpa halaman, ? atau # (mis. https://godongijo.example).", messages);
        Assert.Contains("*: tanda * tidak diizinkan; tulis setiap situs mitra satu per satu.", messages);
        await using (var db = App.NewDbContext())
            Assert.Equal(stored, (await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id)).EmbedOrigins);
    }

    [Fact]
    public async Task A_leader_cannot_change_the_partner_sites()
    {
        var id = await DemoClusterIdAsync();
        var leader = App.WithToken(await App.TokenAsync(DemoAccounts.Leader));
        var detail = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}");
        var put = await leader.PutAsJsonAsync($"/api/v1/clusters/{id}", new Dictionary<string, object?>
        {
            ["name"] = detail.GetProperty("name").GetString(), ["villageCode"] = detail.GetProperty("villageCode").GetString(),
            ["mainCommodity"] = detail.GetProperty("mainCommodity").GetString(), ["embedOrigins"] = new List<string> { "https://pimpinan.example" },
        });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        await using var db = App.NewDbContext();
        Assert.DoesNotContain("pimpinan", (await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id)).EmbedOrigins ?? "", StringComparison.Ordinal);
    }
}
