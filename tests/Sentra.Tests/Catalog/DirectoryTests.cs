using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Catalog;

/// <summary>
/// The public directory: every sentra and public business (those outside a sentra too), filters in the URL, a marker
/// per business with a place, both languages, and nothing that is not public.
/// </summary>
public sealed partial class DirectoryTests(DirectoryTests.Fixture fixture) : IClassFixture<DirectoryTests.Fixture>
{
    private const string Sawangan = "32.76.03";
    private const string Bojongsari = "32.76.11";
    private SentraApp App => fixture.App;

    /// <summary>The demo sentra plus, in Sawangan and in no sentra, a verified business and a draft one, both with an owner.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public SentraApp App { get; private set; } = null!;
        public const string Outside = "Kue Lapis Legit Sawangan";
        public const string OutsideDraft = "Kerupuk Draf Sawangan";
        public const string OwnerName = "Yuliani Pratiwi";
        public const string OwnerNik = "3276035708850003";
        public const string OwnerPhone = "+6281377770011";

        public async Task InitializeAsync()
        {
            App = new SentraApp(await TestDatabase.CreateAsync());
            var protector = App.Services.GetRequiredService<PersonalDataProtector>();
            await using var db = App.NewDbContext();
            var village = await db.Regions.Where(r => r.ParentCode == Sawangan && r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
            var now = DateTime.UtcNow;
            foreach (var (name, status) in new[] { (Outside, BusinessStatus.Verified), (OutsideDraft, BusinessStatus.Draft) })
            {
                var owner = new Person { Name = OwnerName, RegionCode = village, CreatedAt = now, UpdatedAt = now };
                owner.SetNik(OwnerNik, protector);
                owner.SetPhone(OwnerPhone, protector);
                db.Businesses.Add(new Business
                {
                    Name = name, VillageCode = village, Street = "Jl. Raya Sawangan No. 5", Latitude = -6.4012, Longitude = 106.7721,
                    Status = status, VerifiedAt = status == BusinessStatus.Verified ? now : null, CreatedAt = now, UpdatedAt = now,
                    Owners = [new BusinessOwner { Person = owner, IsPrimary = true }],
                    OpeningHours = [new OpeningHours { Day = DayOfWeek.Saturday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(16, 0) }],
                });
            }
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private static List<string> Listed(string html) =>
        ListedLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static JsonElement[] Markers(string html)
    {
        var json = Regex.Match(html, "<script type=\"application/json\" id=\"directory-markers\">(.+?)</script>", RegexOptions.Singleline);
        Assert.True(json.Success, "no marker block");
        return JsonDocument.Parse(json.Groups[1].Value).RootElement.EnumerateArray().ToArray();
    }

    [GeneratedRegex("data-testid=\"directory-business\">\\s*<a href=\"([^\"]+)\"")]
    private static partial Regex ListedLink();

    [Fact]
    public async Task It_lists_every_public_business_by_sentra_with_one_marker_each_and_nothing_private()
    {
        var html = await App.Browser().GetStringAsync("/direktori");
        await using var db = App.NewDbContext();
        var businesses = await db.Businesses.Include(b => b.Clusters).Include(b => b.Owners).ThenInclude(o => o.Person).ToListAsync();
        var listed = Listed(html);
        foreach (var b in businesses)
        {
            var url = $"/usaha/{PublicCatalog.Slug(b.Name, b.Id)}";
            var isPublic = b.Status is BusinessStatus.Verified or BusinessStatus.NeedsReverification;
            Assert.Equal(isPublic ? Math.Max(1, b.Clusters.Count) : 0, listed.Count(l => l == url));
        }
        Assert.Contains(businesses, b => b.Status == BusinessStatus.Draft && b.IsDemo);
        Assert.DoesNotContain(Fixture.OutsideDraft, html);

        // Grouped: the demo sentra with its members (its heading links to its home), the business in no sentra on its own.
        var sentra = Regex.Match(html, "data-sentra=\"pondok-petir\">(.+?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("href=\"/sentra/pondok-petir\"", sentra);
        Assert.DoesNotContain(Fixture.Outside, sentra);
        var outside = Regex.Match(html, "data-testid=\"directory-outside\">(.+?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(Fixture.Outside, outside);
        Assert.Contains("Sawangan", outside);
        Assert.Contains("data-testid=\"directory-open\"", outside);

        var markers = Markers(html);
        Assert.Equal(listed.Distinct().Order(), markers.Select(m => m.GetProperty("url").GetString()!).Order());
        Assert.All(markers, m => Assert.InRange(m.GetProperty("lat").GetDouble(), -7, -6));

        // No owner, NIK or private phone number, in any spelling. (Some businesses are named after their owner, as
        // "Dodol Betawi Nyak Romlah" is: that name is public, so business names are taken out before looking for owners.)
        var protector = App.Services.GetRequiredService<PersonalDataProtector>();
        var withoutBusinessNames = businesses.Select(b => b.Name).OrderByDescending(n => n.Length)
            .Aggregate(html, (text, name) => text.Replace(name, "", StringComparison.Ordinal).Replace(WebUtility.HtmlEncode(name), "", StringComparison.Ordinal));
        foreach (var person in businesses.SelectMany(b => b.Owners).Select(o => o.Person!))
        {
            Assert.DoesNotContain(person.Name, withoutBusinessNames);
            var nik = protector.Decrypt(person.NikCipher!);
            Assert.DoesNotContain(nik, html);
            Assert.DoesNotContain(Masking.Nik(nik), html);
            var phone = protector.Decrypt(person.PhoneCipher!)!;
            Assert.DoesNotContain(phone, html);
            Assert.DoesNotContain("0" + phone[3..], html);
            Assert.DoesNotContain(phone[1..], html);
        }
    }

    [Theory]
    [InlineData("?sentra=pondok-petir", true, false)]
    [InlineData("?sentra=none", false, true)]
    [InlineData("?district=" + Sawangan, false, true)]
    [InlineData("?district=" + Bojongsari, true, false)]
    [InlineData("?sentra=none&district=" + Bojongsari, false, false)]
    [InlineData("?sentra=tidak-ada", false, false)]
    [InlineData("?sentra=%3Cscript%3Ealert(1)%3C%2Fscript%3E&district=%27%22%3E", false, false)]
    public async Task Filters_narrow_the_list_and_the_map_and_stay_in_the_form(string query, bool demo, bool outside)
    {
        var response = await App.Browser().GetAsync("/direktori" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        var listed = Listed(html);
        Assert.Equal(demo, listed.Contains("/usaha/" + PublicCatalog.Slug("Cireng Isi Bu Siti", 1)) || html.Contains("data-sentra=\"pondok-petir\"", StringComparison.Ordinal));
        Assert.Equal(outside, html.Contains(Fixture.Outside, StringComparison.Ordinal));
        Assert.Equal(demo, html.Contains("data-sentra=\"pondok-petir\"", StringComparison.Ordinal));
        if (listed.Count == 0)
        {
            Assert.Contains("data-testid=\"directory-empty\"", html);
            Assert.DoesNotContain("directory-markers", html);
        }
        else
        {
            Assert.Equal(listed.Distinct().Count(), Markers(html).Length);
        }
        // The choice stays selected, and every choice is still offered.
        if (query.StartsWith("?sentra=pondok-petir", StringComparison.Ordinal)) Assert.Contains("<option value=\"pondok-petir\" selected=\"selected\">", html);
        if (query == "?district=" + Sawangan) Assert.Contains($"<option value=\"{Sawangan}\" selected=\"selected\">Sawangan</option>", html);
        Assert.Contains($"<option value=\"{Bojongsari}\"", html);
        Assert.Contains("<option value=\"none\"", html);
    }

    [Fact]
    public async Task The_english_twin_links_english_pages_and_keeps_the_filters()
    {
        var client = App.Browser();
        var html = await client.GetStringAsync("/en/directory?sentra=pondok-petir");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Business directory", html);
        Assert.Contains("action=\"/en/directory\"", html);
        Assert.Contains("href=\"/en/sentra/pondok-petir\"", html);
        Assert.All(Listed(html), l => Assert.StartsWith("/en/businesses/", l, StringComparison.Ordinal));
        Assert.All(Markers(html), m => Assert.StartsWith("/en/businesses/", m.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.Contains("<link rel=\"alternate\" hreflang=\"id\" href=\"http://localhost/direktori\">", html);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/en/directory\">", html);
        Assert.Contains("href=\"/direktori?sentra=pondok-petir\"", html);

        var indonesian = await client.GetStringAsync("/direktori");
        Assert.Contains("<html lang=\"id\">", indonesian);
        Assert.Contains("action=\"/direktori\"", indonesian);
        Assert.Contains("href=\"/en/directory\"", indonesian);
    }

    [Fact]
    public async Task The_front_page_the_navigation_and_the_sitemap_lead_to_it()
    {
        var client = App.Browser();
        Assert.Matches("href=\"/direktori\" data-testid=\"directory-link\"", await client.GetStringAsync("/"));
        Assert.Matches("href=\"/en/directory\" data-testid=\"directory-link\"", await client.GetStringAsync("/en"));
        Assert.Matches("href=\"/direktori\" data-testid=\"nav-directory\"", await client.GetStringAsync("/sentra/pondok-petir"));
        Assert.Matches("href=\"/en/directory\" data-testid=\"nav-directory\"", await client.GetStringAsync("/en/sentra/pondok-petir"));
        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Contains("<loc>http://localhost/direktori</loc>", sitemap);
        Assert.Contains("<loc>http://localhost/en/directory</loc>", sitemap);
    }
}
