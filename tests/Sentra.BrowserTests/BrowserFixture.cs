using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sentra.Tests.Infrastructure;

namespace Sentra.BrowserTests;

/// <summary>
/// Sentra on a real port (Kestrel) with its own database copy, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("SENTRA_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public SentraApp App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install it with apt-get install chromium (./test.sh does).");
        App = new SentraApp(await TestDatabase.CreateAsync());
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh phone-sized page (a cheap Android phone's viewport) with its own cookies.</summary>
    public async Task<IPage> PhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A phone page signed in as <paramref name="email"/> (demo password). It waits for the signed-in
    /// layout's account link, polled in the page, rather than for navigation or load events: a
    /// WaitForURL that starts after the redirect has landed waits on a load state that may never
    /// fire again, which timed out now and then under the full suite's load.
    /// </summary>
    public async Task<IPage> SignedInPhonePageAsync(string email)
    {
        var page = await PhonePageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-input").FillAsync(email);
        await page.GetByTestId("password-input").FillAsync(Sentra.Web.Features.Demo.DemoAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-link")).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
