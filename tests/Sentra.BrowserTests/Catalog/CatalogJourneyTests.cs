using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Infrastructure.Localization;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Catalog;

/// <summary>
/// A buyer on a cheap phone uses the public catalog: searches with a typo, filters, switches language,
/// opens a product and orders on WhatsApp; scans the QR code on a package. Each test has its own page.
/// </summary>
public sealed class CatalogJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Nowhere in src/: the search has to correct it to "keripik", not find it in a synonym list.
    private const string Misspelled = "kripik";

    [Fact]
    public async Task A_visitor_searches_with_a_typo_filters_halal_switches_to_english_and_orders_on_whatsapp()
    {
        var page = await fixture.PhonePageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/katalog");
        await page.GetByTestId("catalog-q").FillAsync(Misspelled);
        await page.GetByTestId("catalog-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/katalog[?]q={Misspelled}"));
        await Expect(page.GetByTestId("catalog-corrected")).ToHaveTextAsync("Menampilkan hasil untuk “keripik”.");
        var results = page.GetByTestId("catalog-result");
        var all = await results.CountAsync();
        Assert.True(all >= 2, $"{all} results for {Misspelled}");
        // Products named with the corrected word come first; after them come products that only match
        // on their description or their business (a keripik maker's other snacks).
        await using var db = fixture.App.NewDbContext();
        var named = (await PublicCatalog.VisibleProducts(db).Select(p => p.Name).ToListAsync())
            .Count(n => n.Contains("keripik", StringComparison.OrdinalIgnoreCase));
        Assert.True(named >= 2, $"{named} public products named keripik");
        var found = await results.GetByTestId("result-link").AllInnerTextsAsync();
        Assert.True(found.Count >= named, $"{found.Count} results, {named} named keripik");
        Assert.All(found.Take(named), n => Assert.Contains("keripik", n, StringComparison.OrdinalIgnoreCase));
        Assert.All(found.Skip(named), n => Assert.DoesNotContain("keripik", n, StringComparison.OrdinalIgnoreCase));

        // Halal only: the filters fold away on a phone.
        var halal = page.GetByTestId("filter-halal");
        if (!await halal.IsVisibleAsync()) await page.Locator("details.filter-box > summary").ClickAsync();
        await halal.CheckAsync();
        await page.GetByTestId("catalog-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("[?&]halal=1(&|$)"));
        Assert.Contains($"q={Misspelled}", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("filter-halal")).ToBeCheckedAsync();
        var halalCount = await results.CountAsync();
        Assert.InRange(halalCount, 1, all);
        for (var i = 0; i < halalCount; i++)
            await Expect(results.Nth(i).GetByTestId("result-halal")).ToHaveTextAsync("Bersertifikat halal");
        await Expect(page.GetByTestId("catalog-total")).ToHaveTextAsync($"{halalCount} produk");

        // The address is shareable: a friend opening it sees the same list.
        var friend = await fixture.PhonePageAsync();
        await friend.GotoAsync(page.Url);
        await Expect(friend.GetByTestId("catalog-result")).ToHaveCountAsync(halalCount);
        await Expect(friend.GetByTestId("filter-halal")).ToBeCheckedAsync();
        Assert.Equal(await results.GetByTestId("result-link").AllInnerTextsAsync(),
            await friend.GetByTestId("catalog-result").GetByTestId("result-link").AllInnerTextsAsync());
        await friend.Context.CloseAsync();

        // The same search in English: same query string, English texts and links.
        var switchLink = page.GetByTestId("language-switch");
        await Expect(switchLink).ToHaveTextAsync("English");
        await switchLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/en/catalog[?]"));
        var query = new Uri(page.Url).Query;
        Assert.Contains($"q={Misspelled}", query, StringComparison.Ordinal);
        Assert.Contains("halal=1", query, StringComparison.Ordinal);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^en"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Product catalogue");
        await Expect(page.GetByTestId("catalog-corrected")).ToHaveTextAsync("Showing results for “keripik”.");
        await Expect(page.GetByTestId("catalog-total")).ToHaveTextAsync($"{halalCount} products");
        await Expect(results).ToHaveCountAsync(halalCount);
        await Expect(results.First.GetByTestId("result-halal")).ToHaveTextAsync("Halal-certified");
        await Expect(page.GetByTestId("filter-halal")).ToBeCheckedAsync();
        foreach (var href in await results.GetByTestId("result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            Assert.Matches("^/en/products/[a-z0-9-]+-[0-9]+$", href);
        await Expect(page.GetByTestId("language-switch")).ToHaveTextAsync("Bahasa Indonesia");

        // Open the first product whose maker takes orders on WhatsApp (a third of the demo businesses
        // publish no WhatsApp number; their product pages then show no order button).
        var links = results.GetByTestId("result-link");
        var ids = (await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Select(href => PublicCatalog.IdOf(href.Split('/').Last())!.Value).ToList();
        var withWhatsApp = await db.Products.Where(p => ids.Contains(p.Id) && p.Business!.PublicWhatsApp != null).Select(p => p.Id).ToListAsync();
        var index = ids.FindIndex(withWhatsApp.Contains);
        Assert.True(index >= 0, "no halal keripik product with a public WhatsApp number");
        if (index > 0)
        {
            await links.First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/en/products/[a-z0-9-]+-{ids[0]}$"));
            await Expect(page.GetByTestId("product-price")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("whatsapp")).ToHaveCountAsync(0);
            await page.GoBackAsync();
        }
        var id = ids[index];
        var link = links.Nth(index);
        var listedName = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/en/products/[a-z0-9-]+-{id}$"));

        var product = await db.Products.Include(p => p.Business).SingleAsync(p => p.Id == id);
        var name = product.NameEn ?? product.Name;
        Assert.Equal(name, listedName);
        Assert.Contains("keripik", product.Name, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Sentra.Web.Features.Products.HalalStatus.Certified, product.HalalStatus);

        await Expect(page.GetByTestId("product-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("product-price")).ToContainTextAsync(Formats.Rupiah(product.PriceRp, Cultures.EnglishCulture));
        await Expect(page.GetByTestId("halal-badge")).ToHaveTextAsync("Halal-certified");

        var whatsapp = page.GetByTestId("whatsapp");
        await Expect(whatsapp).ToHaveTextAsync("Order on WhatsApp");
        var wa = new Uri((await whatsapp.GetAttributeAsync("href"))!);
        var digits = product.Business!.PublicWhatsApp!.TrimStart('+');
        Assert.Matches("^[0-9]{9,15}$", digits);
        Assert.Equal("https", wa.Scheme);
        Assert.Equal("wa.me", wa.Host);
        Assert.Equal("/" + digits, wa.AbsolutePath);
        Assert.StartsWith("?text=", wa.Query, StringComparison.Ordinal);
        var text = Uri.UnescapeDataString(wa.Query["?text=".Length..]);
        Assert.StartsWith($"Hello, I am interested in {name}.", text, StringComparison.Ordinal);
        Assert.EndsWith(new Uri(page.Url).AbsolutePath, text, StringComparison.Ordinal);
        Assert.Equal("_blank", await whatsapp.GetAttributeAsync("target"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_and_filters_work_without_javascript()
    {
        await using var context = await NoScriptPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/katalog");
        await page.GetByTestId("catalog-q").FillAsync(Misspelled);
        // Without JavaScript the <details> still opens with a tap on its summary.
        await page.Locator("details.filter-box > summary").ClickAsync();
        await page.GetByTestId("filter-halal").CheckAsync();
        await page.GetByTestId("filter-sort").SelectOptionAsync("PriceLow");
        await page.GetByTestId("catalog-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/katalog[?]"));
        var query = new Uri(page.Url).Query;
        Assert.Contains($"q={Misspelled}", query, StringComparison.Ordinal);
        Assert.Contains("halal=1", query, StringComparison.Ordinal);
        Assert.Contains("sort=PriceLow", query, StringComparison.Ordinal);
        await Expect(page.GetByTestId("catalog-corrected")).ToBeVisibleAsync();
        var results = page.GetByTestId("catalog-result");
        var count = await results.CountAsync();
        Assert.True(count >= 1);
        for (var i = 0; i < count; i++)
            await Expect(results.Nth(i).GetByTestId("result-halal")).ToBeVisibleAsync();
        var prices = (await results.GetByTestId("result-price").AllInnerTextsAsync())
            .Select(p => long.Parse(Regex.Replace(p, "[^0-9]", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(prices.Order().ToList(), prices);

        // The result link is an ordinary link.
        await results.First.GetByTestId("result-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/produk/[a-z0-9-]+-[0-9]+$"));
        await Expect(page.GetByTestId("product-name")).ToContainTextAsync("Keripik");
    }

    [Fact]
    public async Task A_buyer_scans_the_qr_code_of_a_product_with_valid_permits()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var db = fixture.App.NewDbContext();
        var product = await db.Products.Include(p => p.Permit).Include(p => p.Business)
            .Include(p => p.HalalCertificates).ThenInclude(h => h.Permit)
            .Where(p => p.IsPublic && p.Business!.Status == BusinessStatus.Verified
                && p.Permit != null && p.Permit.ExpiresOn > today.AddYears(1)
                && !p.HalalCertificates.Any(h => h.Permit!.ExpiresOn != null && h.Permit.ExpiresOn < today.AddYears(1)))
            .OrderBy(p => p.Id).FirstAsync();

        var page = await fixture.PhonePageAsync();
        var response = await page.GotoAsync($"/v/{Verification.ProductCode(product.Id)}");
        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cek keaslian produk");
        await Expect(page.GetByTestId("verify-registered"))
            .ToHaveTextAsync($"✓ {product.Name} dari {product.Business!.Name} terdaftar di Dinas Perdagangan dan Perindustrian.");
        await Expect(page.GetByTestId("verify-expired")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("verify-unknown")).ToHaveCountAsync(0);
        var permits = page.GetByTestId("verify-permits").Locator("li");
        await Expect(permits).ToHaveCountAsync(1 + product.HalalCertificates.Count);
        foreach (var number in product.HalalCertificates.Select(h => h.Permit!.Number).Append(product.Permit!.Number))
        {
            var row = permits.Filter(new() { HasText = number });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync(new Regex("berlaku (sampai|selama)"));
            await Expect(row.Locator(".badge")).ToHaveCountAsync(0);
        }
        await Expect(page.GetByTestId("verify-permits")).ToContainTextAsync($"berlaku sampai {Formats.Date(product.Permit.ExpiresOn!.Value, Cultures.IndonesianCulture)}");

        // From the check to the product page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lihat halaman produk" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/produk/[a-z0-9-]+-{product.Id}$"));
        await Expect(page.GetByTestId("product-name")).ToContainTextAsync(product.Name);
    }

    [Fact]
    public async Task A_buyer_scanning_a_product_with_an_expired_permit_is_warned()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var db = fixture.App.NewDbContext();
        var product = await db.Products.Include(p => p.Permit)
            .Where(p => p.IsPublic && p.Business!.Status == BusinessStatus.Verified && p.Permit != null && p.Permit.ExpiresOn < today)
            .OrderBy(p => p.Id).FirstAsync();

        var page = await fixture.PhonePageAsync();
        await page.GotoAsync($"/v/{Verification.ProductCode(product.Id)}");
        await Expect(page.GetByTestId("verify-registered")).ToContainTextAsync(product.Name);
        await Expect(page.GetByTestId("verify-expired")).ToHaveTextAsync("Perhatian: ada izin atau sertifikat yang sudah kedaluwarsa.");
        var row = page.GetByTestId("verify-permits").Locator("li").Filter(new() { HasText = product.Permit!.Number });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Kedaluwarsa");
        // The warning sits above the fold on a 360×740 phone: the buyer sees it without scrolling.
        var box = await page.GetByTestId("verify-expired").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= 740, $"warning ends at {box.Y + box.Height}px");

        // In English too.
        await page.GotoAsync($"/en/v/{Verification.ProductCode(product.Id)}");
        await Expect(page.GetByTestId("verify-expired")).ToHaveTextAsync("Warning: a permit or certificate has expired.");
    }

    [Fact]
    public async Task A_buyer_scanning_an_unknown_code_is_told_it_is_not_registered()
    {
        var page = await fixture.PhonePageAsync();
        var response = await page.GotoAsync("/v/p999999");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Cek keaslian produk");
        await Expect(page.GetByTestId("verify-unknown"))
            .ToHaveTextAsync("Kode p999999 tidak terdaftar. Produk ini tidak tercatat di dinas — tanyakan kepada penjual.");
        await Expect(page.GetByTestId("verify-registered")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("verify-permits")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("error-title")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_long_odd_search_shows_an_ordinary_page()
    {
        var page = await fixture.PhonePageAsync();
        var odd = string.Concat(Enumerable.Repeat("\"keripik\" *:() 'OR' & | ! <b>", 12))[..300];

        await page.GotoAsync("/katalog");
        // The input holds at most 200 characters; a browser that ignores maxlength sends all 300.
        await page.GetByTestId("catalog-q").EvaluateAsync("(input, value) => { input.removeAttribute('maxlength'); input.value = value; }", odd);
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("catalog-submit").ClickAsync(), r => r.Url.Contains("/katalog?", StringComparison.Ordinal));
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("error-title")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Katalog produk");
        await Expect(page.GetByTestId("catalog-total")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("b").CountAsync());
        var sent = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["q"];
        Assert.Equal(odd, sent);
        // The search box shows what was searched for (the first 200 characters), as text.
        Assert.Equal(odd[..Sentra.Web.Features.Catalog.Search.QueryWords.MaxInput], await page.GetByTestId("catalog-q").InputValueAsync());

        // Typed normally, the same text is cut at 200 characters and still searches.
        await page.GetByTestId("catalog-q").FillAsync(odd);
        Assert.Equal(200, (await page.GetByTestId("catalog-q").InputValueAsync()).Length);
        response = await page.RunAndWaitForResponseAsync(() => page.GetByTestId("catalog-submit").ClickAsync(), r => r.Url.Contains("/katalog?", StringComparison.Ordinal));
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("error-title")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("catalog-total")).ToBeVisibleAsync();
    }

    private Task<IBrowserContext> NoScriptPhoneAsync() => fixture.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = fixture.BaseUrl,
        ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        IsMobile = true,
        HasTouch = true,
        Locale = "id-ID",
        JavaScriptEnabled = false,
    });
}
