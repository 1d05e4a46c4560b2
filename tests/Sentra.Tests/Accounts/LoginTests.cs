using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Accounts;

public sealed class LoginTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    private static Dictionary<string, string> Form(string login, string password) =>
        new() { ["Input.Login"] = login, ["Input.Password"] = password };

    [Fact]
    public async Task Demo_admin_signs_in_and_sees_their_account()
    {
        var client = await App.SignedInAsync(DemoAccounts.Admin);
        var page = await client.GetStringAsync("/account");
        Assert.Contains("Admin Disdagin Depok", page);
        Assert.Contains("Dinas Perdagangan dan Perindustrian Kota Depok", page);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_generic_message()
    {
        var wrongPassword = await (await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form(DemoAccounts.Officer, "wrong-password1"))).Content.ReadAsStringAsync();
        var unknownEmail = await (await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form("nobody@example.com", "wrong-password1"))).Content.ReadAsStringAsync();
        const string generic = "E-mail/nomor HP atau kata sandi salah.";
        Assert.Contains(generic, wrongPassword);
        Assert.Contains(generic, unknownEmail);
    }

    [Fact]
    public async Task Empty_fields_get_messages_next_to_the_fields()
    {
        var response = await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form("", ""));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail atau nomor HP wajib diisi.", html);
        Assert.Contains("Kata sandi wajib diisi.", html);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var email = await NewActiveUserAsync("Locked Person", "locked@example.com", "Rahasia123");
        for (var i = 0; i < 5; i++)
            await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form(email, "not-it-" + i));
        var response = await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form(email, "Rahasia123"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // no redirect: not signed in
        Assert.Contains("Akun dikunci sementara; coba lagi dalam 15 menit.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Owner_signs_in_with_phone_number_in_any_common_format()
    {
        // Siti Aminah, the first demo owner, has the first demo business's phone on her account.
        var phone = Sentra.Web.Features.Demo.DemoData.Businesses[0].OwnerPhone;
        var local = phone.Replace("-", "", StringComparison.Ordinal);
        var international = "+62 " + local[1..];
        foreach (var typed in new[] { local, international })
        {
            var response = await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form(typed, DemoAccounts.Password));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task Disabled_account_cannot_sign_in()
    {
        var email = await NewActiveUserAsync("Disabled Person", "disabled@example.com", "Rahasia123");
        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }
        var response = await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form(email, "Rahasia123"));
        Assert.Contains("Akun ini dinonaktifkan", await response.Content.ReadAsStringAsync());
        var wrong = await SentraApp.PostFormAsync(App.Browser(), "/account/login", Form(email, "Salah12345"));
        Assert.DoesNotContain("dinonaktifkan", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var client = await App.SignedInAsync(DemoAccounts.Officer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);
        var logout = await SentraApp.PostFormAsync(client, "/account/logout", [], formPage: "/account");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one()
    {
        var email = await NewActiveUserAsync("Changer", "changer@example.com", "Rahasia123");
        var client = await App.SignedInAsync(email, "Rahasia123");
        var wrong = await SentraApp.PostFormAsync(client, "/account/change-password", new()
        {
            ["Input.CurrentPassword"] = "nope12345", ["Input.NewPassword"] = "Baru12345", ["Input.ConfirmPassword"] = "Baru12345",
        });
        Assert.Contains("Kata sandi saat ini salah.", await wrong.Content.ReadAsStringAsync());
        var ok = await SentraApp.PostFormAsync(client, "/account/change-password", new()
        {
            ["Input.CurrentPassword"] = "Rahasia123", ["Input.NewPassword"] = "Baru12345", ["Input.ConfirmPassword"] = "Baru12345",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await App.SignedInAsync(email, "Baru12345");
    }

    [Fact]
    public async Task Forgot_password_mails_a_link_that_sets_a_new_password()
    {
        var email = await NewActiveUserAsync("Forgetful", "forgetful@example.com", "Rahasia123");
        var response = await SentraApp.PostFormAsync(App.Browser(), "/account/forgot-password", new() { ["Input.Login"] = email });
        Assert.Contains("tautan sudah dikirim", await response.Content.ReadAsStringAsync());
        var mail = App.Mails().Single(m => m.Contains("forgetful@example.com", StringComparison.Ordinal));
        var link = System.Text.RegularExpressions.Regex.Match(mail.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal),
            @"(/account/reset-password\?user=[^\s]+)").Groups[1].Value;
        var client = App.Browser();
        var set = await SentraApp.PostFormAsync(client, link, new() { ["Input.NewPassword"] = "Lupa12345", ["Input.ConfirmPassword"] = "Lupa12345" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await App.SignedInAsync(email, "Lupa12345");
        // The link works once.
        var again = await SentraApp.PostFormAsync(App.Browser(), link, new() { ["Input.NewPassword"] = "Lagi12345", ["Input.ConfirmPassword"] = "Lagi12345" });
        Assert.Contains("Tautan ini tidak berlaku lagi", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forgot_password_for_unknown_login_says_the_same_and_sends_nothing()
    {
        var before = App.Mails().Length;
        var response = await SentraApp.PostFormAsync(App.Browser(), "/account/forgot-password", new() { ["Input.Login"] = "ghost@example.com" });
        Assert.Contains("tautan sudah dikirim", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, App.Mails().Length);
    }

    private async Task<string> NewActiveUserAsync(string name, string emailPrefix, string password)
    {
        var email = $"{Guid.NewGuid():N}"[..8] + "-" + emailPrefix;
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var office = scope.ServiceProvider.GetRequiredService<Sentra.Web.Data.AppDbContext>().Offices.First();
        var user = new AppUser
        {
            UserName = AccountService.NewUserName(), Email = email, DisplayName = name, OfficeId = office.Id,
            RegionCode = office.RegionCode, CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(",", result.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(user, Roles.Officer);
        return email;
    }
}
