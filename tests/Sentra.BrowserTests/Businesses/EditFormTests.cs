using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sentra.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Businesses;

/// <summary>
/// The business form's enhancements (wwwroot/js/registry.js): KBLI search, village search and the map
/// picker, on a phone, under the real content security policy. Map tiles are answered locally: the
/// test never reaches the internet.
/// </summary>
public sealed partial class EditFormTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const double PondokPetirLat = -6.3530, PondokPetirLng = 106.7055;

    // A 1×1 transparent PNG, served for every map tile.
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Officer_picks_kbli_by_search_and_coordinates_on_the_map_then_saves()
    {
        var (page, problems, tiles) = await OfficerPageAsync();
        var form = await page.GotoAsync("/registry/businesses/new");
        // The tile host is the one third-party source the policy allows, for images only.
        var csp = await form!.HeaderValueAsync("content-security-policy");
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", csp);
        Assert.Contains("connect-src 'self';", csp);
        await Expect(page.GetByTestId("map-picker")).ToBeVisibleAsync();

        // KBLI: search by word, pick from the list; the plain text input (what the server reads) gets the code.
        var kbliSearch = page.Locator("#KbliText-q");
        await kbliSearch.FillAsync("kerupuk");
        var choice = page.Locator("#KbliText-list button", new() { HasText = "10794" });
        await Expect(choice).ToBeVisibleAsync();
        await choice.ClickAsync();
        await Expect(page.GetByTestId("business-kbli")).ToHaveValueAsync("10794");
        await Expect(page.Locator(".chips li")).ToHaveCountAsync(1);
        await Expect(page.Locator(".chips li")).ToContainTextAsync("10794");
        await Expect(kbliSearch).ToBeFocusedAsync();

        // Add a second code with the keyboard, then remove it with its chip's button.
        await kbliSearch.FillAsync("10750");
        await Expect(page.Locator("#KbliText-list button").First).ToContainTextAsync("10750");
        await kbliSearch.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("business-kbli")).ToHaveValueAsync("10794, 10750");
        await page.Locator(".chips li", new() { HasText = "10750" }).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("business-kbli")).ToHaveValueAsync("10794");

        // Map: a tap left of and below the centre (Pondok Petir) gives a point south-west of it, to 6 decimals.
        var map = page.GetByTestId("map");
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        await map.ClickAsync(new() { Position = new() { X = box.Width * 0.3f, Y = box.Height * 0.7f } });
        var latitude = page.Locator("#Input_Latitude");
        var longitude = page.Locator("#Input_Longitude");
        await Expect(latitude).ToHaveValueAsync(SixDecimals());
        await Expect(longitude).ToHaveValueAsync(SixDecimals());
        var lat = double.Parse(await latitude.InputValueAsync(), CultureInfo.InvariantCulture);
        var lng = double.Parse(await longitude.InputValueAsync(), CultureInfo.InvariantCulture);
        // Zoom 15 at this latitude is about 4.3e-5 degrees a pixel: the whole map view is well inside ±0.01.
        Assert.InRange(lat, PondokPetirLat - 0.01, PondokPetirLat - 0.0001);
        Assert.InRange(lng, PondokPetirLng - 0.01, PondokPetirLng - 0.0001);
        var marker = page.Locator(".leaflet-marker-icon");
        await Expect(marker).ToHaveCountAsync(1);
        Assert.True(tiles.Count > 0, "the map asked for tiles");

        // Typing a coordinate moves the marker: further north is higher up the screen.
        var before = (await marker.BoundingBoxAsync())!;
        lat += 0.001;
        await latitude.FillAsync(lat.ToString("0.000000", CultureInfo.InvariantCulture));
        await RetryAsync(async () => (await marker.BoundingBoxAsync())!.Y < before.Y - 5, "the marker follows the typed latitude");

        await page.GetByTestId("business-name").FillAsync("Kerupuk Peta Uji");
        await page.GetByTestId("business-village").SelectOptionAsync(DemoSeeder.PondokPetirCode);
        await ScreenshotAsync(page, "edit-form");

        await page.GetByTestId("save-business").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/registry/businesses/\d+$"));
        await Expect(page.GetByTestId("business-title")).ToHaveTextAsync("Kerupuk Peta Uji");
        await Expect(page.Locator("dl.facts dd", new() { HasText = "10794" })).ToContainTextAsync("Kerupuk");
        var shown = string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lng:0.######}");
        await Expect(page.Locator("dl.facts dd", new() { HasText = shown })).ToHaveCountAsync(1);

        // Editing again: the map opens on the saved point, with its marker.
        await page.GetByTestId("edit-business").ClickAsync();
        await Expect(latitude).ToHaveValueAsync(new Regex("^" + Regex.Escape(lat.ToString("0.######", CultureInfo.InvariantCulture))));
        await Expect(page.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(page.Locator(".chips li")).ToContainTextAsync("10794");

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Village_search_fills_the_code_when_the_form_asks_for_one()
    {
        var (page, problems, _) = await OfficerPageAsync();
        // The demo office (Kota Depok) lists its villages; a province-wide office would get a code input instead.
        // Serve the form as it renders then, so the search runs against the real regions API.
        await page.RouteAsync("**/registry/businesses/new", async route =>
        {
            if (route.Request.Method != "GET") { await route.ContinueAsync(); return; }
            var response = await route.FetchAsync();
            var html = VillageSelect().Replace(await response.TextAsync(),
                "<input id=\"Input_VillageCode\" name=\"Input.VillageCode\" data-region-search=\"village\" data-search-label=\"Cari kelurahan/desa\">");
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        await page.GotoAsync("/registry/businesses/new");
        var search = page.Locator("#Input_VillageCode-q");
        await Expect(search).ToBeVisibleAsync();
        await search.FillAsync("pondok petir");
        var choice = page.Locator("#Input_VillageCode-list button", new() { HasText = $"Pondok Petir ({DemoSeeder.PondokPetirCode})" });
        await choice.ClickAsync();
        await Expect(page.Locator("#Input_VillageCode")).ToHaveValueAsync(DemoSeeder.PondokPetirCode);
        await Expect(page.Locator("#Input_VillageCode-status")).ToContainTextAsync("Pondok Petir");

        // Nothing found is said, not silently empty.
        await search.FillAsync("zzqqxx");
        await Expect(page.Locator("#Input_VillageCode-list li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#Input_VillageCode-status")).Not.ToBeEmptyAsync();

        await page.GetByTestId("business-name").FillAsync("Keripik Desa Uji");
        await page.GetByTestId("save-business").ClickAsync();
        await Expect(page.GetByTestId("business-title")).ToHaveTextAsync("Keripik Desa Uji");
        await Expect(page.Locator("dl.facts dd", new() { HasText = DemoSeeder.PondokPetirCode })).ToContainTextAsync("Pondok Petir");
        Assert.Empty(problems);
    }

    /// <summary>
    /// A signed-in officer's phone page that records console errors, CSP reports and any request leaving
    /// the app other than map tiles, and answers tile requests with a tiny PNG.
    /// </summary>
    private async Task<(IPage Page, List<string> Problems, List<string> Tiles)> OfficerPageAsync()
    {
        var page = await fixture.PhonePageAsync();
        var problems = new List<string>();
        var tiles = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        await page.RouteAsync("https://tile.openstreetmap.org/**", async route =>
        {
            lock (tiles) tiles.Add(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = TinyPng });
        });
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal)
                && !request.Url.StartsWith("https://tile.openstreetmap.org/", StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                lock (problems) problems.Add($"third-party request: {request.Url}");
        };

        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-input").FillAsync(DemoAccounts.Officer);
        await page.GetByTestId("password-input").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("account-link")).ToBeVisibleAsync();
        return (page, problems, tiles);
    }

    /// <summary>Saves a full-page and a viewport screenshot when SENTRA_SCREENSHOTS names a folder.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SENTRA_SCREENSHOTS") is not { Length: > 0 } folder) return;
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        await page.GetByTestId("map-picker").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-map.png") });
        await page.Locator("#KbliText-q").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-kbli.png") });
    }

    private static async Task RetryAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out waiting until {what}.");
    }

    private static Regex SixDecimals() => new(@"^-?\d{1,3}\.\d{6}$");

    [GeneratedRegex("<select[^>]*data-testid=\"business-village\"[\\s\\S]*?</select>")]
    private static partial Regex VillageSelect();
}
