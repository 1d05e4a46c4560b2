using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Catalog.Search;
using Sentra.Web.Features.Products;

namespace Sentra.Tests.Catalog;

/// <summary>
/// The public catalog on the database's own full-text search (run on SQLite and PostgreSQL): typos,
/// filters, sorting, paging, any input, and an index that follows every change.
/// </summary>
public sealed partial class CatalogSearchTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private static List<string> Names(string html) =>
        ResultLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();

    private static List<string> Links(string html) => ResultLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static int Total(string html) =>
        TotalText().Match(html) is { Success: true } m ? int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("<a class=\"result-name\" href=\"([^\"]+)\" data-testid=\"result-link\"(?: lang=\"id\")?>([^<]+)</a>")]
    private static partial Regex ResultLink();

    [GeneratedRegex("data-testid=\"catalog-total\"[^>]*>([0-9.,]+) (produk|products)<")]
    private static partial Regex TotalText();

    private async Task<List<Product>> PublicProductsAsync()
    {
        await using var db = App.NewDbContext();
        return await PublicCatalog.VisibleProducts(db).ToListAsync();
    }

    [Theory]
    [InlineData("kripik", "keripik")]    // a letter missing
    [InlineData("dodl", "dodol")]        // a letter missing
    [InlineData("cirneg", "cireng")]     // two letters swapped
    [InlineData("pisangg", "pisang")]    // a letter extra
    [InlineData("bolado", "balado")]     // a letter wrong
    public async Task A_misspelled_word_still_finds_the_products(string typed, string meant)
    {
        var html = await App.Browser().GetStringAsync($"/katalog?q={typed}");
        var names = Names(html);
        Assert.NotEmpty(names);
        Assert.Contains(names, n => n.Contains(meant, StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"data-testid=\"catalog-corrected\"", html);
        Assert.Contains($"“{meant}”", html);
    }

    [Fact]
    public async Task Words_match_names_businesses_and_descriptions_in_both_languages()
    {
        var products = await PublicProductsAsync();
        var english = products.First(p => p.NameEn is not null && p.NameEn.Contains("Chips", StringComparison.Ordinal));
        var html = await App.Browser().GetStringAsync("/en/catalog?q=chips");
        Assert.Contains(english.NameEn!, Names(html));
        Assert.DoesNotContain("catalog-corrected", html);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.All(Links(html), l => Assert.StartsWith("/en/products/", l, StringComparison.Ordinal));

        // Without an English name, the Indonesian one is shown, marked as not yet translated.
        var untranslated = products.First(p => p.NameEn is null);
        var fallback = await App.Browser().GetStringAsync("/en/catalog?q=" + Uri.EscapeDataString(untranslated.Name));
        Assert.Contains(untranslated.Name, Names(fallback));
        Assert.Contains("data-testid=\"result-untranslated\">(not yet translated)", fallback);

        // Two words: every word must match (here a name word and a flavour).
        var both = Names(await App.Browser().GetStringAsync("/katalog?q=keripik+balado"));
        Assert.NotEmpty(both);
        Assert.All(both, n => Assert.Contains("balado", n, StringComparison.OrdinalIgnoreCase));

        // A prefix, as typed on a phone before the word is finished.
        Assert.Contains(Names(await App.Browser().GetStringAsync("/katalog?q=kerip")), n => n.StartsWith("Keripik", StringComparison.Ordinal));
        // Also a short one, after whole words found nothing; a short whole word finds itself, not longer words.
        Assert.Contains(Names(await App.Browser().GetStringAsync("/katalog?q=ker")), n => n.StartsWith("Keripik", StringComparison.Ordinal));
        var pisang = Names(await App.Browser().GetStringAsync("/katalog?q=pisang+ker"));
        Assert.NotEmpty(pisang);
        Assert.All(pisang, n => Assert.Contains("pisang", n, StringComparison.OrdinalIgnoreCase));

        // The business name finds its products.
        var business = products.GroupBy(p => p.BusinessId).First().Key;
        await using var db = App.NewDbContext();
        var businessName = (await db.Businesses.FindAsync(business))!.Name;
        var byBusiness = await App.Browser().GetStringAsync($"/katalog?q={Uri.EscapeDataString(businessName)}");
        Assert.Contains(businessName, byBusiness);
        Assert.True(Total(byBusiness) >= 1);
    }

    [Fact]
    public async Task Without_words_the_catalog_lists_every_public_product_page_by_page()
    {
        var publicCount = (await PublicProductsAsync()).Count;
        var client = App.Browser();
        var first = await client.GetStringAsync("/katalog");
        Assert.Equal(publicCount, Total(first));
        Assert.Equal(Math.Min(publicCount, 20), Names(first).Count);
        var seen = new HashSet<string>(Links(first));
        for (var page = 2; page <= (publicCount + 19) / 20; page++)
            seen.UnionWith(Links(await client.GetStringAsync($"/katalog?page={page}")));
        Assert.Equal(publicCount, seen.Count);
        Assert.Contains("rel=\"next\"", first);
    }

    /// <summary>No words and no filters but the price: the entries are read straight from their indexes, on the search's own connection.</summary>
    [Fact]
    public async Task Without_words_or_filters_but_the_price_every_sort_pages_through_the_entries_in_order()
    {
        await using var db = App.NewDbContext();
        var entries = await db.CatalogEntries.AsNoTracking().ToListAsync();
        using var scope = App.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        var compared = 0;
        foreach (var (min, max) in new (long?, long?)[] { (null, null), (10_000, 25_000), (null, 15_000), (20_000, null), (1, 2) })
        {
            var inRange = entries.Where(e => (min is null || e.PriceRp >= min) && (max is null || e.PriceRp <= max)).ToList();
            foreach (var sort in Enum.GetValues<CatalogSort>())
            {
                var expected = (sort switch
                {
                    CatalogSort.PriceLow => inRange.OrderBy(e => e.PriceRp).ThenBy(e => e.ProductId),
                    CatalogSort.PriceHigh => inRange.OrderByDescending(e => e.PriceRp).ThenByDescending(e => e.ProductId),
                    CatalogSort.Name => inRange.OrderBy(e => e.NameKey, StringComparer.Ordinal).ThenBy(e => e.ProductId),
                    _ => inRange.OrderByDescending(e => e.ProductId),
                }).Select(e => e.ProductId).ToList();
                var query = new CatalogQuery { MinPrice = min, MaxPrice = max, Sort = sort };
                Assert.Equal(expected.Count, (await search.SearchAsync(query)).Total);
                Assert.Equal(expected, await AllIdsAsync(query));
                compared += expected.Count;
            }
        }
        Assert.True(compared > 100, $"only {compared} results compared");
    }

    [Fact]
    public async Task Filters_and_sorting_come_from_the_url()
    {
        var products = await PublicProductsAsync();
        var client = App.Browser();

        var halal = await client.GetStringAsync("/katalog?halal=1&sort=Name");
        Assert.Equal(products.Count(p => p.HalalStatus == HalalStatus.Certified), Total(halal));
        var halalNames = products.Where(p => p.HalalStatus == HalalStatus.Certified).Select(p => p.Name).ToHashSet();
        Assert.All(Names(halal), n => Assert.Contains(n, halalNames));
        Assert.Contains("name=\"halal\" value=\"1\" checked=\"checked\"", halal);

        var cheap = await client.GetStringAsync("/katalog?min=10000&max=20000&sort=PriceLow");
        Assert.Equal(products.Count(p => p.PriceRp is >= 10000 and <= 20000), Total(cheap));
        var prices = Names(cheap).Select(n => products.First(p => p.Name == n).PriceRp).ToList();
        Assert.Equal(prices.Order().ToList(), prices);

        var expensiveFirst = Names(await client.GetStringAsync("/katalog?sort=PriceHigh")).Select(n => products.First(p => p.Name == n).PriceRp).ToList();
        Assert.Equal(products.Max(p => p.PriceRp), expensiveFirst[0]);

        var category = products.GroupBy(p => p.Category).OrderByDescending(g => g.Count()).First();
        var byCategory = await client.GetStringAsync($"/katalog?category={category.Key}");
        Assert.Equal(category.Count(), Total(byCategory));

        var preOrder = products.Count(p => p.Availability == Availability.PreOrder);
        var byAvailability = await client.GetStringAsync("/katalog?availability=PreOrder");
        Assert.Equal(preOrder, Total(byAvailability));

        // Sentra and district: the demo sentra holds every public demo business in one district.
        await using var db = App.NewDbContext();
        var inSentra = await PublicCatalog.VisibleProducts(db).CountAsync(p => p.Business!.Clusters.Any(m => m.Cluster!.Slug == "pondok-petir"));
        Assert.Equal(inSentra, Total(await client.GetStringAsync("/katalog?sentra=pondok-petir")));
        Assert.Equal(products.Count(p => p.VillageCode!.StartsWith("32.76.11.", StringComparison.Ordinal)),
            Total(await client.GetStringAsync("/katalog?district=32.76.11")));
        Assert.Equal(0, Total(await client.GetStringAsync("/katalog?district=31.71.01")));

        // Words and filters together.
        var halalChips = await client.GetStringAsync("/katalog?q=keripik&halal=1");
        Assert.All(Names(halalChips), n => Assert.Contains(n, halalNames));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("keripik\"*")]
    [InlineData("NEAR(a b)")]
    [InlineData("a:* & b | !c")]
    [InlineData("'; DROP TABLE \"Products\"; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("%00%01%02")]
    [InlineData("😀🍌")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("AND OR NOT")]
    [InlineData("{}[]()^~")]
    public async Task Any_search_text_answers_a_page(string typed)
    {
        var response = await App.Browser().GetAsync("/katalog?q=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public async Task Very_long_input_and_nonsense_filters_answer_a_page()
    {
        var client = App.Browser();
        var longText = string.Concat(Enumerable.Repeat("keripik pisang ", 700));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/katalog?q=" + Uri.EscapeDataString(longText))).StatusCode);
        foreach (var query in new[]
                 {
                     "min=abc&max=-1", "page=-5", "page=999999999999", "page=400", "sort=%3Cscript%3E", "category=%27%22",
                     "sentra=" + new string('x', 5000), "district=';--", "availability=Discontinued", "halal=maybe",
                     "q=keripik&q=dodol", "min=99999999999999999999",
                 })
        {
            var response = await client.GetAsync("/katalog?" + query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query} → {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_index_follows_changes_and_the_cached_page_is_dropped()
    {
        var client = App.Browser();
        int productId;
        await using (var db = App.NewDbContext())
        {
            var product = await PublicCatalog.VisibleProducts(db).Where(p => p.Name.StartsWith("Keripik")).OrderBy(p => p.Id).FirstAsync();
            productId = product.Id;
        }
        Assert.Contains(Names(await client.GetStringAsync("/katalog?q=keripik")), n => n.StartsWith("Keripik", StringComparison.Ordinal));

        // Renamed: the new word is found at once (the cached "keripik" page is dropped too).
        await using (var db = App.NewDbContext())
        {
            var product = await db.Products.FindAsync(productId);
            product!.Name = "Kerupuk Gadung Istimewa";
            await db.SaveChangesAsync();
        }
        Assert.Contains("Kerupuk Gadung Istimewa", Names(await client.GetStringAsync("/katalog?q=gadung")));
        // Its category still says "keripik", so it is still found by that word, under its new name only.
        var keripik = Links(await client.GetStringAsync("/katalog?q=keripik"));
        Assert.Single(keripik, l => l.EndsWith($"-{productId}", StringComparison.Ordinal));
        Assert.Contains($"/produk/kerupuk-gadung-istimewa-{productId}", keripik);

        // Hidden by its owner: gone from results, and its words no longer correct anything.
        await using (var db = App.NewDbContext())
        {
            (await db.Products.FindAsync(productId))!.IsPublic = false;
            await db.SaveChangesAsync();
        }
        var hidden = await client.GetStringAsync("/katalog?q=gadung");
        Assert.Equal(0, Total(hidden));
        Assert.DoesNotContain("Kerupuk Gadung Istimewa", hidden);
        Assert.DoesNotContain("Gadung", await client.GetStringAsync("/katalog?q=gadunk"));
    }

    [Fact]
    public async Task A_business_that_is_no_longer_verified_leaves_the_catalog_with_all_its_products()
    {
        var client = App.Browser();
        int businessId;
        List<string> names;
        await using (var db = App.NewDbContext())
        {
            var business = await db.Businesses.Include(b => b.Products)
                .Where(b => b.Status == BusinessStatus.Verified && b.Products.Count(p => p.IsPublic) >= 2).OrderByDescending(b => b.Id).FirstAsync();
            businessId = business.Id;
            names = business.Products.Where(p => p.IsPublic && p.Availability != Availability.Discontinued).Select(p => p.Name).ToList();
        }
        var before = await client.GetStringAsync("/katalog?sort=Name&page=1") + await client.GetStringAsync("/katalog?sort=Name&page=2")
                     + await client.GetStringAsync("/katalog?sort=Name&page=3");
        Assert.All(names, n => Assert.Contains(WebUtility.HtmlEncode(n), before));

        await using (var db = App.NewDbContext())
        {
            (await db.Businesses.FindAsync(businessId))!.Status = BusinessStatus.Inactive;
            await db.SaveChangesAsync();
        }
        var all = new List<string>();
        for (var page = 1; page <= 3; page++) all.AddRange(Links(await client.GetStringAsync($"/katalog?sort=Name&page={page}")));
        await using (var db = App.NewDbContext())
        {
            var ids = await db.Products.Where(p => p.BusinessId == businessId).Select(p => p.Id).ToListAsync();
            Assert.DoesNotContain(all, l => ids.Any(id => l.EndsWith($"-{id}", StringComparison.Ordinal)));
            Assert.False(await db.CatalogEntries.AnyAsync(e => e.BusinessId == businessId));
        }
    }

    [Fact]
    public async Task Public_pages_are_served_from_the_output_cache_until_a_record_changes()
    {
        var client = App.Browser();
        const string url = "/katalog?q=dodol&sort=Name";
        var first = await client.GetStringAsync(url);
        var name = Names(first)[0];
        // A change behind the application's back (no save through EF) is not seen: the page is cached.
        await using (var db = App.NewDbContext())
        {
            await db.CatalogEntries.Where(e => e.Name == name).ExecuteUpdateAsync(s => s.SetProperty(e => e.Name, "Dodol Tiruan"));
        }
        Assert.Contains(WebUtility.HtmlEncode(name), await client.GetStringAsync(url));
        // A signed-in visitor never gets (or fills) the public cache.
        var signedIn = await App.SignedInAsync("admin@demo.sentra.id");
        Assert.Contains("Dodol Tiruan", await signedIn.GetStringAsync(url));
        // Any save that touches products drops the cached pages; the entry is rebuilt from the product.
        await using (var db = App.NewDbContext())
        {
            var product = await db.Products.FirstAsync(p => p.Name == name);
            product.PriceRp += 500;
            await db.SaveChangesAsync();
        }
        var after = await client.GetStringAsync(url);
        Assert.Contains(WebUtility.HtmlEncode(name), after);
        Assert.DoesNotContain("Dodol Tiruan", after);
    }

    [Fact]
    public async Task Each_result_shows_price_halal_business_and_open_now()
    {
        var html = await App.Browser().GetStringAsync("/katalog?halal=1");
        var first = Regex.Match(html, "<li class=\"result\".+?</li>", RegexOptions.Singleline).Value;
        Assert.Contains("data-testid=\"result-price\">Rp ", first);
        Assert.Contains("data-testid=\"result-halal\"", first);
        Assert.Contains("data-testid=\"result-business\"", first);
        Assert.Matches("data-testid=\"result-open\">(Buka sekarang|Tutup sekarang)<", first);
    }

    [Fact]
    public async Task Sentra_home_and_product_pages_show_a_change_at_once()
    {
        var client = App.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sentra/pondok-petir")).StatusCode);
        await using (var db = App.NewDbContext())
        {
            var cluster = await db.Clusters.FirstAsync(c => c.Slug == "pondok-petir");
            cluster.Description = "Deskripsi baru untuk pengunjung";
            await db.SaveChangesAsync();
        }
        Assert.Contains("Deskripsi baru untuk pengunjung", await client.GetStringAsync("/sentra/pondok-petir"));

        var product = (await PublicProductsAsync()).OrderBy(p => p.Id).Last();
        var url = $"/produk/{PublicCatalog.Slug(product.Name, product.Id)}";
        Assert.Contains(WebUtility.HtmlEncode(product.Name), await client.GetStringAsync(url));
        await using (var db = App.NewDbContext())
        {
            (await db.Products.FindAsync(product.Id))!.Ingredients = "Bahan yang baru dicatat";
            await db.SaveChangesAsync();
        }
        Assert.Contains("Bahan yang baru dicatat", await client.GetStringAsync(url));
    }

    /// <summary>
    /// Halal searches find exactly the certified products of the same search without the filter, in the
    /// same order, and follow a product gaining or losing its certificate, however the entry changes.
    /// </summary>
    [Fact]
    public async Task Halal_searches_find_the_certified_matches_and_follow_every_change()
    {
        await using var db = App.NewDbContext();
        var entries = await db.CatalogEntries.AsNoTracking().ToListAsync();
        var certified = entries.Where(e => e.HalalStatus == HalalStatus.Certified).Select(e => e.ProductId).ToHashSet();
        Assert.InRange(certified.Count, 2, entries.Count - 2);
        var category = entries.GroupBy(e => e.Category).OrderByDescending(g => g.Count()).First().Key;
        CatalogQuery[] searches =
        [
            new(), new() { Text = "keripik" }, new() { Text = "rasa", Sort = CatalogSort.Name }, new() { Category = category },
            new() { Text = "pisang", MaxPrice = 20_000, Sort = CatalogSort.PriceLow }, new() { Sentra = "pondok-petir", Sort = CatalogSort.Newest },
            new() { MinPrice = 10_000, Sort = CatalogSort.PriceHigh }, new() { Text = "kripik" },
        ];
        var compared = 0;
        foreach (var search in searches)
        {
            var all = await AllIdsAsync(search);
            var halal = await AllIdsAsync(search with { HalalOnly = true });
            Assert.Equal(all.Where(certified.Contains), halal);
            compared += halal.Count;
        }
        Assert.True(compared > 50, $"only {compared} results compared");

        // A product losing its certificate leaves halal searches; one gaining it joins them.
        var losing = entries.First(e => certified.Contains(e.ProductId));
        var gaining = entries.First(e => !certified.Contains(e.ProductId));
        await SetHalalAsync(losing.ProductId, HalalStatus.NotCertified);
        await SetHalalAsync(gaining.ProductId, HalalStatus.Certified);
        Assert.DoesNotContain(losing.ProductId, await AllIdsAsync(new CatalogQuery { Text = losing.Name, HalalOnly = true }));
        Assert.Contains(gaining.ProductId, await AllIdsAsync(new CatalogQuery { Text = gaining.Name, HalalOnly = true }));
        Assert.Contains(losing.ProductId, await AllIdsAsync(new CatalogQuery { Text = losing.Name }));

        // The entry rows updated in place (the full-text index triggers' update path), and back; the version raised, as CatalogIndex does.
        var tables = App.Services.GetRequiredService<CatalogTables>();
        async Task ChangedAsync() { await CatalogTables.ChangedAsync(db, default); tables.Invalidate(); }
        await db.CatalogEntries.Where(e => e.ProductId == gaining.ProductId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.HalalStatus, HalalStatus.NotCertified).SetProperty(e => e.Facets, gaining.Facets));
        await ChangedAsync();
        Assert.DoesNotContain(gaining.ProductId, await AllIdsAsync(new CatalogQuery { Text = gaining.Name, HalalOnly = true }));
        await db.CatalogEntries.Where(e => e.ProductId == losing.ProductId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.HalalStatus, HalalStatus.Certified).SetProperty(e => e.Facets, losing.Facets)
                .SetProperty(e => e.Name, losing.Name + " Istimewa"));
        await ChangedAsync();
        Assert.Contains(losing.ProductId, await AllIdsAsync(new CatalogQuery { Text = "istimewa", HalalOnly = true }));
        await db.CatalogEntries.Where(e => e.ProductId == losing.ProductId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Name, losing.Name));
        await ChangedAsync();
        Assert.DoesNotContain(losing.ProductId, await AllIdsAsync(new CatalogQuery { Text = "istimewa", HalalOnly = true }));

        await SetHalalAsync(losing.ProductId, HalalStatus.Certified);
        await SetHalalAsync(gaining.ProductId, gaining.HalalStatus);
        Assert.Equal(entries.Where(e => certified.Contains(e.ProductId)).Select(e => e.ProductId).Order(),
            (await AllIdsAsync(new CatalogQuery { HalalOnly = true })).Order());
    }

    /// <summary>Every match of a search, page by page, in the catalog's order.</summary>
    private async Task<List<int>> AllIdsAsync(CatalogQuery query)
    {
        using var scope = App.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var results = await search.SearchAsync(query with { Page = page });
            ids.AddRange(results.Hits.Select(h => h.ProductId));
            if (page >= results.Pages) return ids;
        }
    }

    private async Task SetHalalAsync(int productId, HalalStatus status)
    {
        await using var db = App.NewDbContext();
        (await db.Products.FindAsync(productId))!.HalalStatus = status;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Hidden_draft_and_personal_data_cannot_be_found()
    {
        var client = App.Browser();
        await using var db = App.NewDbContext();
        var protector = App.Services.GetRequiredService<Sentra.Web.Infrastructure.PersonalData.PersonalDataProtector>();
        // The index holds exactly what the public may see.
        var visible = await PublicCatalog.VisibleProducts(db).Select(p => p.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(visible, await db.CatalogEntries.Select(e => e.ProductId).OrderBy(id => id).ToListAsync());

        var hidden = await db.Products.Where(p => !p.IsPublic || !PublicCatalog.PublicStatuses.Contains(p.Business!.Status)).ToListAsync();
        Assert.NotEmpty(hidden);
        foreach (var product in hidden)
        {
            var html = await client.GetStringAsync("/katalog?q=" + Uri.EscapeDataString(product.Name));
            Assert.DoesNotContain(Links(html), l => l.EndsWith($"-{product.Id}", StringComparison.Ordinal));
        }
        foreach (var person in await db.People.Where(p => p.NikCipher != null).Take(5).ToListAsync())
        {
            var nik = protector.Decrypt(person.NikCipher!);
            var byNik = await client.GetStringAsync("/katalog?q=" + nik);
            Assert.Equal(0, Total(byNik));   // the page repeats what was typed, and finds nothing
            if (person.PhoneCipher is { } phone)
            {
                var digits = protector.Decrypt(phone);
                var byPhone = await client.GetStringAsync("/katalog?q=" + Uri.EscapeDataString(digits));
                Assert.Equal(0, Total(byPhone));
            }
        }
        var all = new System.Text.StringBuilder();
        for (var page = 1; page <= (visible.Count + 19) / 20; page++) all.Append(await client.GetStringAsync($"/katalog?page={page}"));
        foreach (var person in await db.People.ToListAsync())
        {
            if (person.NikMasked is { } masked) Assert.DoesNotContain(masked, all.ToString());
            if (person.PhoneCipher is { } phone) Assert.DoesNotContain(protector.Decrypt(phone), all.ToString());
        }
    }

    [Fact]
    public async Task Changed_opening_hours_change_open_now_in_the_results()
    {
        var client = App.Browser();
        await using var db = App.NewDbContext();
        var entry = await db.CatalogEntries.OrderBy(e => e.ProductId).FirstAsync();
        var business = await db.Businesses.Include(b => b.OpeningHours).FirstAsync(b => b.Id == entry.BusinessId);
        // Open every day, all day: the business's products show "open now".
        db.OpeningHours.RemoveRange(business.OpeningHours);
        foreach (var day in Enum.GetValues<DayOfWeek>())
            db.OpeningHours.Add(new OpeningHours { BusinessId = business.Id, Day = day, Opens = new TimeOnly(0, 0), Closes = new TimeOnly(23, 59, 59) });
        await db.SaveChangesAsync();
        var html = await client.GetStringAsync("/katalog?q=" + Uri.EscapeDataString(entry.Name));
        var result = Regex.Match(html, $"<li class=\"result\"(?:(?!</li>).)*-{entry.ProductId}\"(?:(?!</li>).)*</li>", RegexOptions.Singleline).Value;
        Assert.Contains("data-testid=\"result-open\">Buka sekarang<", result);
        // No hours at all: closed.
        db.OpeningHours.RemoveRange(await db.OpeningHours.Where(h => h.BusinessId == business.Id).ToListAsync());
        await db.SaveChangesAsync();
        html = await client.GetStringAsync("/katalog?q=" + Uri.EscapeDataString(entry.Name));
        result = Regex.Match(html, $"<li class=\"result\"(?:(?!</li>).)*-{entry.ProductId}\"(?:(?!</li>).)*</li>", RegexOptions.Singleline).Value;
        Assert.Contains("data-testid=\"result-open\">Tutup sekarang<", result);
    }
}

/// <summary>
/// A search intersects, counts and orders in memory what the full-text index says about each word
/// (<see cref="CatalogTable"/>). Every page must equal the page computed here from one query of the
/// database's own full-text index holding all the words at once, filtered and ordered from the entries;
/// with or without the word cache; and after the entries change.
/// </summary>
public sealed class CatalogSearchOrderTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private static CatalogSearch Search(IServiceScope scope, int wordCacheMegabytes)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new CatalogSearchOptions { WordCacheMegabytes = wordCacheMegabytes });
        var services = scope.ServiceProvider;
        return new CatalogSearch(services.GetRequiredService<Sentra.Web.Data.AppDbContext>(), services.GetRequiredService<SearchVocabulary>(),
            new CatalogTables(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<CatalogTables>.Instance, options),
            services.GetRequiredService<CatalogChoiceLists>(), services.GetRequiredService<CatalogConnections>(), TimeProvider.System,
            services.GetRequiredService<CatalogSearchGate>());
    }

    [Fact]
    public async Task Every_page_equals_the_page_of_one_full_text_query_with_every_word()
    {
        await using var db = App.NewDbContext();
        var entries = await db.CatalogEntries.AsNoTracking().ToListAsync();
        var category = entries.GroupBy(e => e.Category).OrderByDescending(g => g.Count()).First().Key;
        var district = entries.GroupBy(e => e.DistrictCode).OrderByDescending(g => g.Count()).First().Key;
        CatalogQuery[] searches =
        [
            new(), new() { Text = "keripik" }, new() { Text = "pisang" }, new() { Text = "rasa" }, new() { Text = "keripik pedas" },
            new() { Text = "chips" }, new() { Text = "keripik", HalalOnly = true }, new() { Category = category }, new() { HalalOnly = true },
            new() { Sentra = "pondok-petir" }, new() { Sentra = "pondok-petir", MinPrice = 10_000, MaxPrice = 25_000 },
            new() { Text = "keripik", MaxPrice = 15_000 }, new() { Text = "pisang", District = district, Availability = Availability.ReadyStock },
            new() { MinPrice = 20_000 }, new() { MaxPrice = 12_000, Category = category }, new() { Sentra = "pondok-petir", MinPrice = 1, MaxPrice = 2 },
        ];
        using var scope = App.Services.CreateScope();
        var cached = Search(scope, wordCacheMegabytes: 64);
        var uncached = Search(scope, wordCacheMegabytes: 0);
        var sentra = (await cached.ChoicesAsync()).Sentra.Single(s => s.Slug == "pondok-petir").Id;
        var compared = 0;
        foreach (var search in searches)
        {
            var matching = await ReferenceAsync(db, entries, search, sentra, namesOnly: false);
            var named = search.Text is null ? [] : await ReferenceAsync(db, entries, search, sentra, namesOnly: true);
            foreach (var sort in Enum.GetValues<CatalogSort>())
            {
                var ordered = (sort switch
                {
                    CatalogSort.PriceLow => matching.OrderBy(e => e.PriceRp).ThenBy(e => e.ProductId),
                    CatalogSort.PriceHigh => matching.OrderByDescending(e => e.PriceRp).ThenByDescending(e => e.ProductId),
                    CatalogSort.Name => matching.OrderBy(e => e.NameKey, StringComparer.Ordinal).ThenBy(e => e.ProductId),
                    CatalogSort.Relevance => matching.OrderByDescending(e => named.Contains(e)).ThenByDescending(e => e.ProductId),
                    _ => matching.OrderByDescending(e => e.ProductId),
                }).Select(e => e.ProductId).ToList();
                foreach (var page in new[] { 1, 2, 3, (ordered.Count + 19) / 20 }.Where(p => p >= 1).Distinct())
                {
                    var query = search with { Sort = sort, Page = page };
                    foreach (var engine in new[] { cached, uncached })
                    {
                        var results = await engine.SearchAsync(query);
                        Assert.Equal(Math.Min(ordered.Count, CatalogQuery.MaxCount + 1), results.Total);
                        Assert.Equal(ordered.Skip((query.Page - 1) * 20).Take(20), results.Hits.Select(h => h.ProductId));
                        compared += results.Hits.Count;
                    }
                }
            }
        }
        Assert.True(compared > 1000, $"only {compared} results compared");
    }

    [Fact]
    public async Task A_change_to_the_entries_reaches_the_next_search_once_their_version_is_raised()
    {
        using var scope = App.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        var tables = scope.ServiceProvider.GetRequiredService<CatalogTables>();
        await using var db = App.NewDbContext();
        var entry = await db.CatalogEntries.AsNoTracking().OrderBy(e => e.ProductId).FirstAsync();
        Assert.Empty((await search.SearchAsync(new CatalogQuery { Text = "istimewa" })).Hits);
        // Written behind the catalog's back: the table keeps what it read while the version stands.
        await db.CatalogEntries.Where(e => e.ProductId == entry.ProductId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Name, entry.Name + " Istimewa")
            .SetProperty(e => e.PriceRp, 1));
        tables.Invalidate();
        Assert.Empty((await search.SearchAsync(new CatalogQuery { Text = "istimewa" })).Hits);
        await CatalogTables.ChangedAsync(db, default);
        tables.Invalidate();
        var found = await search.SearchAsync(new CatalogQuery { Text = "istimewa", Sort = CatalogSort.PriceLow, MaxPrice = 1 });
        Assert.Equal([entry.ProductId], found.Hits.Select(h => h.ProductId));
        Assert.Equal(1, found.Hits[0].PriceRp);
        await db.CatalogEntries.Where(e => e.ProductId == entry.ProductId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Name, entry.Name)
            .SetProperty(e => e.PriceRp, entry.PriceRp));
        await CatalogTables.ChangedAsync(db, default);
        tables.Invalidate();
        Assert.Empty((await search.SearchAsync(new CatalogQuery { Text = "istimewa" })).Hits);
        Assert.Empty((await search.SearchAsync(new CatalogQuery { MaxPrice = 1 })).Hits);
    }

    [Fact]
    public async Task A_rebuilt_index_answers_the_same_and_raises_the_version()
    {
        using var scope = App.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        CatalogQuery[] queries = [new() { Text = "keripik", Sort = CatalogSort.PriceLow }, new() { HalalOnly = true }, new() { Text = "kripik" }];
        var before = new List<CatalogResults>();
        foreach (var query in queries) before.Add(await search.SearchAsync(query));
        await using var db = App.NewDbContext();
        var version = await db.CatalogStates.Select(s => s.Version).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<CatalogIndex>().RebuildAsync(db);
        Assert.True(await db.CatalogStates.Select(s => s.Version).SingleAsync() > version);
        for (var i = 0; i < queries.Length; i++)
        {
            var after = await search.SearchAsync(queries[i]);
            Assert.True(after.Total > 0);
            Assert.Equal(before[i].Total, after.Total);
            Assert.Equal(before[i].CorrectedText, after.CorrectedText);
            Assert.Equal(before[i].Hits.Select(h => h.ProductId), after.Hits.Select(h => h.ProductId));
        }
    }

    /// <summary>
    /// Two instances of the app on one database, as in production: a product hidden through one leaves
    /// the other's searches once that one checks the entries' version, and comes back the same way.
    /// </summary>
    [Fact]
    public async Task A_change_made_through_another_instance_reaches_this_one_within_the_check()
    {
        await using var other = new SentraApp(App.ConnectionString).With("Sentra:Catalog:TableCheckSeconds", "0");
        var entry = await App.NewDbContext().CatalogEntries.AsNoTracking().OrderBy(e => e.ProductId).FirstAsync();
        async Task<bool> FoundAsync()
        {
            using var scope = other.Services.CreateScope();
            var results = await scope.ServiceProvider.GetRequiredService<CatalogSearch>().SearchAsync(new CatalogQuery { Text = entry.Name, Sort = CatalogSort.Newest });
            return results.Hits.Any(h => h.ProductId == entry.ProductId) || results.Total > CatalogQuery.PageSize && await AnyPageAsync();
            async Task<bool> AnyPageAsync()
            {
                for (var page = 2; page <= results.Pages; page++)
                    if ((await scope.ServiceProvider.GetRequiredService<CatalogSearch>().SearchAsync(new CatalogQuery { Text = entry.Name, Sort = CatalogSort.Newest, Page = page }))
                        .Hits.Any(h => h.ProductId == entry.ProductId)) return true;
                return false;
            }
        }
        async Task<bool> EventuallyAsync(bool found)
        {
            for (var i = 0; i < 100; i++)
            {
                if (await FoundAsync() == found) return true;
                await Task.Delay(50);
            }
            return false;
        }
        Assert.True(await FoundAsync());
        await SetVisibleAsync(entry.ProductId, false);
        Assert.True(await EventuallyAsync(found: false));
        await SetVisibleAsync(entry.ProductId, true);
        Assert.True(await EventuallyAsync(found: true));
    }

    private async Task SetVisibleAsync(int productId, bool visible)
    {
        await using var db = App.NewDbContext();
        (await db.Products.FindAsync(productId))!.IsPublic = visible;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The entries one full-text query finds for all the search's words together (or every entry without
    /// words), with the filters and prices checked here on the entries themselves.
    /// </summary>
    private static async Task<List<CatalogEntry>> ReferenceAsync(Sentra.Web.Data.AppDbContext db, List<CatalogEntry> entries, CatalogQuery search,
        int sentra, bool namesOnly)
    {
        var words = QueryWords.Of(search.Text);
        var tokens = new List<string>();
        if (search.Category is { } c) tokens.Add(CatalogFacets.Category(c));
        if (search.HalalOnly) tokens.Add(CatalogFacets.Halal);
        if (search.District is { } d) tokens.Add(CatalogFacets.District(d));
        if (search.Availability is { } a) tokens.Add(CatalogFacets.Availability(a));
        if (search.Sentra is not null) tokens.Add(CatalogFacets.Sentra(sentra));
        IEnumerable<CatalogEntry> found = entries;
        if (words.Count > 0)
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            if (TestDatabase.IsPostgres)
            {
                var query = string.Join(" && ", words.Select(w => $"(to_tsquery('simple', '{w}') || plainto_tsquery('indonesian', '{w}') || plainto_tsquery('english', '{w}'))"));
                command.CommandText = $"SELECT \"ProductId\" FROM \"CatalogVectors\" WHERE \"{(namesOnly ? "NameVector" : "SearchVector")}\" @@ ({query})";
            }
            else
            {
                var columns = namesOnly ? "{Name NameEn}" : "{Name NameEn BusinessName SearchText}";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "q";
                parameter.Value = string.Join(" AND ", words.Select(w => $"{columns} : \"{w}\""));
                command.Parameters.Add(parameter);
                command.CommandText = "SELECT rowid FROM catalog_fts WHERE catalog_fts MATCH @q";
            }
            var ids = new HashSet<int>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
            await db.Database.CloseConnectionAsync();
            found = entries.Where(e => ids.Contains(e.ProductId));
        }
        return [.. found.Where(e => tokens.All(e.Facets.Split(' ').Contains))
            .Where(e => e.PriceRp >= (search.MinPrice ?? 0) && e.PriceRp <= (search.MaxPrice ?? long.MaxValue))];
    }
}
