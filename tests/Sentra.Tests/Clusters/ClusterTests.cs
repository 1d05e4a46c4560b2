using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Clusters;

/// <summary>Office staff keep the list of sentra: staff read their region, admins and officers change it, others see nothing.</summary>
public sealed class ClusterTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;
    private async Task<HttpClient> As(string email) => App.WithToken(await App.TokenAsync(email));

    private static object NewCluster(string name, string? slug = null, string village = DemoSeeder.PondokPetirCode, string? startDate = "2021-03-01") => new
    {
        name,
        slug,
        villageCode = village,
        mainCommodity = "Keripik singkong",
        mainCommodityEn = "Cassava chips",
        description = "Sentra uji.",
        descriptionEn = "A test cluster.",
        startDate,
        latitude = -6.3551,
        longitude = 106.7102,
    };

    private async Task<int> DemoClusterIdAsync()
    {
        await using var db = App.NewDbContext();
        return await db.Clusters.Where(c => c.Slug == DemoSeeder.ClusterSlug).Select(c => c.Id).SingleAsync();
    }

    private async Task<int> CountClustersAsync()
    {
        await using var db = App.NewDbContext();
        return await db.Clusters.CountAsync();
    }

    private static string Id(JsonElement body) => body.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(DemoAccounts.Officer)]
    [InlineData(DemoAccounts.Leader)]
    [InlineData(DemoAccounts.Admin)]
    public async Task Staff_list_the_sentra_of_their_region_with_member_counts(string email)
    {
        var client = await As(email);
        await using var db = App.NewDbContext();
        var verified = await db.ClusterMemberships.CountAsync(m => m.Cluster!.Slug == DemoSeeder.ClusterSlug && m.Business!.Status == BusinessStatus.Verified);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?q=PONDOK&pageSize=500");
        Assert.Equal(100, list.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var demo = list.GetProperty("items")[0];
        Assert.Equal(DemoSeeder.ClusterSlug, demo.GetProperty("slug").GetString());
        Assert.Equal(20, demo.GetProperty("members").GetInt32());
        Assert.Equal(verified, demo.GetProperty("verifiedMembers").GetInt32());
        Assert.InRange(verified, 1, 19);
        Assert.Equal("Pondok Petir", demo.GetProperty("villageName").GetString());

        var none = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters?q=tidak-ada-sentra-ini");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(DemoAccounts.Officer, true)]
    [InlineData(DemoAccounts.Leader, false)]
    public async Task Staff_read_a_sentra_with_its_member_businesses(string email, bool canEdit)
    {
        var client = await As(email);
        var id = await DemoClusterIdAsync();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}");
        Assert.Equal(DemoSeeder.PondokPetirCode, detail.GetProperty("villageCode").GetString());
        Assert.Equal(canEdit, detail.GetProperty("canEdit").GetBoolean());
        var members = detail.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(20, members.Count);
        Assert.Contains(members, m => m.GetProperty("name").GetString() == DemoData.Businesses[0].Name);
        Assert.All(members, m =>
        {
            Assert.True(m.GetProperty("id").GetInt32() > 0);
            Assert.True(Enum.TryParse<BusinessStatus>(m.GetProperty("status").GetString(), out _));
        });
        Assert.Equal(members.Count(m => m.GetProperty("status").GetString() == "Verified"), detail.GetProperty("verifiedMembers").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/clusters/999999")).StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.OwnerOne)]
    [InlineData(DemoAccounts.Partner)]
    public async Task Owners_and_partners_get_403_and_anonymous_callers_401(string email)
    {
        var client = await As(email);
        var id = await DemoClusterIdAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/clusters/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/clusters", NewCluster("Sentra Pemilik"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/clusters/{id}")).StatusCode);
        var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/clusters", NewCluster("Sentra Anonim"))).StatusCode);
        await using var db = App.NewDbContext();
        Assert.False(await db.Clusters.AnyAsync(c => c.Name == "Sentra Pemilik" || c.Name == "Sentra Anonim"));
    }

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_saved()
    {
        var client = await As(DemoAccounts.Officer);
        var before = await CountClustersAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bad = new
        {
            name = "",
            slug = DemoSeeder.ClusterSlug,
            villageCode = "32.73.01.1001", // Sukarasa, Kota Bandung: outside Depok
            mainCommodity = "",
            startDate = future,
            latitude = -6.35,
            description = new string('x', 4001),
        };
        var response = await client.PostAsJsonAsync("/api/v1/clusters", bad);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "slug", "villageCode", "mainCommodity", "startDate", "latitude", "description" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await CountClustersAsync());
    }

    [Theory]
    [InlineData("slug")]
    [InlineData("villageCode")]
    [InlineData("startDate")]
    public async Task Each_rule_alone_refuses_a_sentra(string field)
    {
        var client = await As(DemoAccounts.Officer);
        var before = await CountClustersAsync();
        var body = field switch
        {
            // Left empty, the slug is made from the name, which the demo sentra already uses.
            "slug" => NewCluster("Pondok Petir"),
            "villageCode" => NewCluster("Sentra Bandung", village: "32.73.01.1001"),
            _ => NewCluster("Sentra Masa Depan", startDate: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        var response = await client.PostAsJsonAsync("/api/v1/clusters", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(before, await CountClustersAsync());
    }

    [Fact]
    public async Task Officer_creates_changes_and_deletes_an_empty_sentra_through_the_api()
    {
        var client = await As(DemoAccounts.Officer);
        var response = await client.PostAsJsonAsync("/api/v1/clusters", NewCluster("Sentra Keripik Bojongsari"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sentra-keripik-bojongsari", created.GetProperty("slug").GetString());
        Assert.Equal("2021-03-01", created.GetProperty("startDate").GetString());
        Assert.Equal(0, created.GetProperty("members").GetArrayLength());
        Assert.Equal($"/api/v1/clusters/{Id(created)}", response.Headers.Location?.OriginalString);
        await using (var db = App.NewDbContext())
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Cluster" && a.EntityId == Id(created) && a.Action == AuditAction.Created));

        var update = await client.PutAsJsonAsync($"/api/v1/clusters/{Id(created)}",
            NewCluster("Sentra Keripik Serua", slug: "Keripik Serua!", village: "32.76.11.1003"));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var changed = await update.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("keripik-serua", changed.GetProperty("slug").GetString());
        Assert.Equal("Serua", changed.GetProperty("villageName").GetString());

        // Keeping its own slug is not a clash with itself.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/clusters/{Id(created)}",
            NewCluster("Sentra Keripik Serua", slug: "keripik-serua", village: "32.76.11.1003"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/clusters/{Id(created)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/clusters/{Id(created)}")).StatusCode);
    }

    [Fact]
    public async Task A_sentra_with_members_cannot_be_deleted()
    {
        var client = await As(DemoAccounts.Admin);
        var id = await DemoClusterIdAsync();
        var response = await client.DeleteAsync($"/api/v1/clusters/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("members", out _));
        await using var db = App.NewDbContext();
        Assert.Equal(20, await db.ClusterMemberships.CountAsync(m => m.ClusterId == id));
    }

    [Fact]
    public async Task Leader_reads_but_cannot_create_change_or_delete()
    {
        var leader = await As(DemoAccounts.Leader);
        var id = await DemoClusterIdAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/v1/clusters", NewCluster("Sentra Pimpinan"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/v1/clusters/{id}", NewCluster("Sentra Pimpinan"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"/api/v1/clusters/{id}")).StatusCode);
        await using var db = App.NewDbContext();
        Assert.False(await db.Clusters.AnyAsync(c => c.Name == "Sentra Pimpinan"));
        Assert.Equal(DemoSeeder.ClusterSlug, await db.Clusters.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync());
    }

    [Fact]
    public async Task The_pages_list_for_staff_and_turn_others_away()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var page = await officer.GetStringAsync("/registry/clusters");
        Assert.Contains("Sentra IKM Pangan Olahan Pondok Petir", page);
        Assert.Contains("data-testid=\"new-cluster\"", page);

        var leader = await App.SignedInAsync(DemoAccounts.Leader);
        var leaderPage = await leader.GetStringAsync("/registry/clusters?q=pondok");
        Assert.Contains("Sentra IKM Pangan Olahan Pondok Petir", leaderPage);
        Assert.DoesNotContain("data-testid=\"new-cluster\"", leaderPage);
        var id = await DemoClusterIdAsync();
        foreach (var url in new[] { "/registry/clusters/new", $"/registry/clusters/{id}/edit" })
        {
            var denied = await leader.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var owner = await App.SignedInAsync(DemoAccounts.OwnerOne);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/registry/clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/registry/clusters/new")).StatusCode);
        var anonymous = App.Browser();
        var login = await anonymous.GetAsync("/registry/clusters");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/account/login", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leader_cannot_post_the_form()
    {
        var leader = await App.SignedInAsync(DemoAccounts.Leader);
        // The list page carries an antiforgery token (language switch), so the post reaches authorization.
        var response = await SentraApp.PostFormAsync(leader, "/registry/clusters/new", Form("Sentra Pimpinan Form"), formPage: "/registry/clusters");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = App.NewDbContext();
        Assert.False(await db.Clusters.AnyAsync(c => c.Name == "Sentra Pimpinan Form"));
    }

    private static Dictionary<string, string> Form(string name, string slug = "", string village = DemoSeeder.PondokPetirCode, string startDate = "2020-05-17") => new()
    {
        ["Input.Name"] = name,
        ["Input.Slug"] = slug,
        ["Input.VillageCode"] = village,
        ["Input.MainCommodity"] = "Kerupuk",
        ["Input.MainCommodityEn"] = "Crackers",
        ["Input.Description"] = "Sentra kerupuk.",
        ["Input.DescriptionEn"] = "",
        ["Input.StartDate"] = startDate,
        ["Input.Latitude"] = "-6.3561",
        ["Input.Longitude"] = "106.7043",
    };

    /// <summary>
    /// Posts a form as a browser does: with the page's antiforgery token and its <c>__Invariant</c> markers, which tell
    /// the server that number and date fields are sent culture-invariant ("-6.3561", not "-6,3561" as Indonesian writes it).
    /// </summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", SentraApp.AntiforgeryToken(page)));
        all.AddRange(System.Text.RegularExpressions.Regex.Matches(page, "name=\"__Invariant\" type=\"hidden\" value=\"([^\"]+)\"")
            .Select(m => new KeyValuePair<string, string>("__Invariant", m.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>The messages a re-shown form carries, so a failing assertion says why the form was refused.</summary>
    private static async Task<string> FieldErrorsAsync(HttpResponseMessage response) =>
        string.Join("; ", System.Text.RegularExpressions.Regex.Matches(await response.Content.ReadAsStringAsync(),
            "data-valmsg-for=\"([^\"]+)\"[^>]*>(?:<span[^>]*>)?([^<]+)<").Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value}"));

    [Fact]
    public async Task Officer_creates_and_edits_a_sentra_through_the_form()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var created = await PostFormAsync(officer, "/registry/clusters/new", Form("Sentra Kerupuk Pondok Petir"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await FieldErrorsAsync(created));
        Assert.Equal("/registry/clusters", created.Headers.Location!.OriginalString);

        await using var db = App.NewDbContext();
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Name == "Sentra Kerupuk Pondok Petir");
        Assert.Equal("sentra-kerupuk-pondok-petir", cluster.Slug);
        Assert.Equal(new DateOnly(2020, 5, 17), cluster.StartDate);
        Assert.Equal(-6.3561, cluster.Latitude);
        Assert.Equal(106.7043, cluster.Longitude);
        Assert.Null(cluster.DescriptionEn);

        var form = await officer.GetStringAsync($"/registry/clusters/{cluster.Id}/edit");
        Assert.Contains("value=\"sentra-kerupuk-pondok-petir\"", form);
        Assert.Contains("value=\"2020-05-17\"", form);

        var edited = await PostFormAsync(officer, $"/registry/clusters/{cluster.Id}/edit",
            Form("Sentra Kerupuk Serua", slug: "kerupuk-serua", village: "32.76.11.1003", startDate: "2019-01-02"));
        Assert.True(edited.StatusCode == HttpStatusCode.Redirect, await FieldErrorsAsync(edited));
        var after = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == cluster.Id);
        Assert.Equal(("Sentra Kerupuk Serua", "kerupuk-serua", "32.76.11.1003"), (after.Name, after.Slug, after.VillageCode));
        Assert.Equal(new DateOnly(2019, 1, 2), after.StartDate);

        var list = await officer.GetStringAsync("/registry/clusters?q=serua");
        Assert.Contains("Sentra Kerupuk Serua", list);
    }

    [Fact]
    public async Task The_form_shows_each_error_next_to_its_field_and_saves_nothing()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var before = await CountClustersAsync();
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fields = Form("", slug: DemoSeeder.ClusterSlug, village: "32.73.01.1001", startDate: future);
        var response = await PostFormAsync(officer, "/registry/clusters/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "Input.Name", "Input.Slug", "Input.VillageCode", "Input.StartDate" })
            Assert.Matches($"class=\"field-error field-validation-error\"[^>]*data-valmsg-for=\"{field}\"", html);
        Assert.Equal(before, await CountClustersAsync());
    }

    [Fact]
    public async Task The_form_deletes_only_an_empty_sentra()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var id = await DemoClusterIdAsync();
        var edit = $"/registry/clusters/{id}/edit";
        var refused = await PostFormAsync(officer, edit + "?handler=Delete", [], formPage: edit);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Members\"[^>]*>[^<]+<", await refused.Content.ReadAsStringAsync());

        var created = await PostFormAsync(officer, "/registry/clusters/new", Form("Sentra Hapus Saya"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await FieldErrorsAsync(created));
        await using var db = App.NewDbContext();
        var empty = await db.Clusters.Where(c => c.Name == "Sentra Hapus Saya").Select(c => c.Id).SingleAsync();
        var deleted = await PostFormAsync(officer, $"/registry/clusters/{empty}/edit?handler=Delete", [], formPage: $"/registry/clusters/{empty}/edit");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await db.Clusters.AnyAsync(c => c.Id == empty));
        Assert.True(await db.Clusters.AnyAsync(c => c.Id == id));
    }

    [Theory]
    [InlineData("Pondok Petir", "pondok-petir")]
    [InlineData("  Sentra Kerupuk \"Cibubur\" — Ciracas  ", "sentra-kerupuk-cibubur-ciracas")]
    [InlineData("Café Kopi Lembang", "cafe-kopi-lembang")]
    [InlineData("Sentra IKM 2024", "sentra-ikm-2024")]
    [InlineData("--a--b--", "a-b")]
    [InlineData("日本", "")]
    [InlineData("", "")]
    public void Slugs_are_lowercase_ascii_joined_by_hyphens(string text, string expected) =>
        Assert.Equal(expected, ClusterSlug.From(text));

    [Fact]
    public void Long_slugs_are_cut_without_a_trailing_hyphen()
    {
        var slug = ClusterSlug.From(string.Concat(Enumerable.Repeat("abcd ", 30)));
        Assert.True(slug.Length <= ClusterSlug.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }
}
