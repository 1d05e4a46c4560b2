using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Catalog;

/// <summary>The sentra map keeps its space from the start, and stays out of the way without JavaScript.</summary>
public sealed class SentraMapLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_map_appears_without_moving_the_page_below_it()
    {
        var page = await fixture.PhonePageAsync();
        await page.RouteAsync("**/tile.openstreetmap.org/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile }));
        // Leaflet arrives late, as on slow mobile data: the page has been painted before the map is drawn.
        await page.RouteAsync("**/lib/leaflet/*.js", async route =>
        {
            await Task.Delay(700);
            await route.ContinueAsync();
        });
        await page.GotoAsync("/sentra/pondok-petir");
        await Expect(page.Locator(".leaflet-marker-icon").First).ToBeVisibleAsync();
        // Cumulative Layout Shift as the browser measures it ("good" is under 0.1).
        var shift = await page.EvaluateAsync<double>(
            """
            () => new Promise(resolve => {
              let total = 0;
              new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                .observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(total), 300);
            })
            """);
        Assert.True(shift < 0.01, $"The page moved while loading: layout shift {shift:0.000}");
    }

    [Fact]
    public async Task Without_javascript_the_map_space_is_hidden_and_the_list_remains()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sentra/pondok-petir");
        await Expect(page.GetByTestId("sentra-map")).ToBeHiddenAsync();
        Assert.True(await page.GetByTestId("sentra-members").Locator("li a").CountAsync() > 0);
    }
}
