using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Catalog;

public sealed class SentraMapTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // A 1×1 transparent PNG: tiles are served locally, this machine reaches no tile server.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_sentra_map_shows_a_marker_for_every_business_with_a_place()
    {
        var page = await fixture.PhonePageAsync();
        await page.RouteAsync("**/tile.openstreetmap.org/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile }));
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await page.GotoAsync("/sentra/pondok-petir");
        await Expect(page.GetByTestId("sentra-map")).ToBeVisibleAsync();
        var listed = await page.GetByTestId("sentra-members").Locator("li").CountAsync();
        await Expect(page.Locator(".leaflet-marker-icon")).ToHaveCountAsync(listed);
        Assert.Empty(errors);

        await page.Locator(".leaflet-marker-icon").First.DispatchEventAsync("click");
        await Expect(page.Locator(".leaflet-popup-content a")).ToBeVisibleAsync();
    }
}
