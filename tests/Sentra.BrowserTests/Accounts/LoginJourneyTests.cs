using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sentra.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Sentra.BrowserTests.Accounts;

public sealed class LoginJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_logs_in_switches_to_English_and_back_and_logs_out()
    {
        var page = await fixture.PhonePageAsync();
        await page.GotoAsync("/account/login");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Masuk ke Sentra");

        await page.GetByTestId("login-input").FillAsync(DemoAccounts.Admin);
        await page.GetByTestId("password-input").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Akun saya");
        await Expect(page.GetByTestId("account-name")).ToHaveTextAsync("Admin Disdagin Depok");

        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("My account");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // The choice is remembered on the next page.
        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Users");

        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Pengguna");

        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login-link")).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task Wrong_password_shows_one_generic_message()
    {
        var page = await fixture.PhonePageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-input").FillAsync(DemoAccounts.Officer);
        await page.GetByTestId("password-input").FillAsync("salah-sekali-1");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("E-mail/nomor HP atau kata sandi salah.");
    }

    [Fact]
    public async Task Officer_invites_an_owner_who_accepts_on_a_phone_and_signs_in_with_the_phone_number()
    {
        var officer = await fixture.PhonePageAsync();
        await officer.GotoAsync("/account/login");
        await officer.GetByTestId("login-input").FillAsync(DemoAccounts.Officer);
        await officer.GetByTestId("password-input").FillAsync(DemoAccounts.Password);
        await officer.GetByTestId("login-submit").ClickAsync();
        await officer.GotoAsync("/admin/users/new");
        await officer.GetByTestId("user-name").FillAsync("Bu Tini Keripik");
        await officer.GetByTestId("user-phone").FillAsync("0857-7777-1234");
        await officer.GetByTestId("user-role").SelectOptionAsync("Owner");
        await officer.GetByTestId("user-submit").ClickAsync();

        await Expect(officer.GetByTestId("user-title")).ToHaveTextAsync("Bu Tini Keripik");
        var whatsApp = await officer.GetByTestId("invitation-whatsapp").GetAttributeAsync("href");
        Assert.StartsWith("https://wa.me/6285777771234?text=", whatsApp, StringComparison.Ordinal);
        var link = (await officer.GetByTestId("invitation-link").TextContentAsync())!.Trim();

        var owner = await fixture.PhonePageAsync();
        await owner.GotoAsync(link);
        await Expect(owner.GetByTestId("invitation-welcome")).ToContainTextAsync("Bu Tini Keripik");
        await owner.GetByTestId("new-password").FillAsync("Keripik2026");
        await owner.GetByTestId("confirm-password").FillAsync("Keripik2026");
        await owner.GetByTestId("invitation-submit").ClickAsync();
        await Expect(owner.GetByTestId("account-name")).ToHaveTextAsync("Bu Tini Keripik");
        await owner.GetByTestId("logout").ClickAsync();

        await owner.GotoAsync("/account/login");
        await owner.GetByTestId("login-input").FillAsync("085777771234");
        await owner.GetByTestId("password-input").FillAsync("Keripik2026");
        await owner.GetByTestId("login-submit").ClickAsync();
        // Owners land on their own businesses; this one has none linked yet.
        await Expect(owner).ToHaveURLAsync(new Regex("/my$"));
        await owner.GotoAsync("/account");
        await Expect(owner.GetByTestId("account-roles")).ToHaveTextAsync("Pemilik usaha");
    }
}
