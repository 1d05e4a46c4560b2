using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sentra.Web.Features.Businesses;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Catalog;

public sealed class DirectoryMapTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // A 1×1 transparent PNG: tiles are served locally, this machine reaches no tile server.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task On_a_phone_the_directory_map_has_a_marker_for_every_listed_business()
    {
        var page = await fixture.PhonePageAsync();
        await page.RouteAsync("**/tile.openstreetmap.org/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile }));
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.GotoAsync("/direktori");
        await Expect(page.GetByTestId("directory-map")).ToBeVisibleAsync();
        var links = await page.GetByTestId("directory-business").Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);
        await Expect(page.Locator(".leaflet-marker-icon")).ToHaveCountAsync(links.Distinct().Count());
        Assert.Empty(errors);

        await page.Locator(".leaflet-marker-icon").First.DispatchEventAsync("click");
        var popupLink = page.Locator(".leaflet-popup-content a");
        await Expect(popupLink).ToBeVisibleAsync();
        Assert.Contains(await popupLink.GetAttributeAsync("href"), links);

        // Choosing a sentra is a plain GET form: the list and the map follow it.
        await page.GetByLabel("Sentra").SelectOptionAsync("pondok-petir");
        await page.GetByTestId("directory-filters").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/direktori[?]sentra=pondok-petir"));
        await Expect(page.Locator(".leaflet-marker-icon")).ToHaveCountAsync(await page.GetByTestId("directory-business").CountAsync());
    }

    [Fact]
    public async Task Without_JavaScript_every_business_is_still_listed()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/direktori");
        await Expect(page.GetByTestId("directory-map")).ToBeHiddenAsync();
        await using var db = fixture.App.NewDbContext();
        var visible = await db.Businesses.Where(b => b.Status == BusinessStatus.Verified || b.Status == BusinessStatus.NeedsReverification)
            .Select(b => b.Name).ToListAsync();
        var items = page.GetByTestId("directory-business");
        await Expect(items).ToHaveCountAsync(visible.Count);
        foreach (var name in visible)
            await Expect(items.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Expect(items.First.GetByTestId("directory-place")).ToContainTextAsync("Pondok Petir");
        await Expect(items.First.GetByTestId("directory-open")).ToBeVisibleAsync();
    }
}
