using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Accounts;

public sealed partial class InvitationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Officer_invites_an_owner_without_email_who_sets_a_password_and_signs_in_by_phone()
    {
        var officer = await App.SignedInAsync(DemoAccounts.Officer);
        var created = await SentraApp.PostFormAsync(officer, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Ibu Yati", ["Input.Phone"] = "0813-1111-2222", ["Input.Role"] = "Owner",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = await officer.GetStringAsync(created.Headers.Location!.ToString());

        // The link is shown once, with a WhatsApp button addressed to the owner's number.
        var link = WebUtility.HtmlDecode(LinkPattern().Match(details).Groups[1].Value);
        Assert.Contains("/account/invitation?user=", link);
        var whatsApp = WebUtility.HtmlDecode(WhatsAppPattern().Match(details).Groups[1].Value);
        Assert.StartsWith("https://wa.me/6281311112222?text=", whatsApp, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("Ibu Yati"), whatsApp);
        Assert.DoesNotContain("invitation-link", await officer.GetStringAsync(created.Headers.Location!.ToString()));

        var path = new Uri(link).PathAndQuery;
        var owner = App.Browser();
        Assert.Contains("Selamat datang, Ibu Yati", await owner.GetStringAsync(path));
        var accepted = await SentraApp.PostFormAsync(owner, path, new() { ["Input.NewPassword"] = "Cireng123", ["Input.ConfirmPassword"] = "Cireng123" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        // One-time: the same link no longer works.
        Assert.Contains("tidak berlaku lagi atau sudah dipakai", await App.Browser().GetStringAsync(path));
        await App.SignedInAsync("+62 813 1111 2222", "Cireng123");
    }

    [Fact]
    public async Task Invitation_to_an_email_address_is_mailed()
    {
        var admin = await App.SignedInAsync(DemoAccounts.Admin);
        var created = await SentraApp.PostFormAsync(admin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Mitra Sekolah", ["Input.Email"] = "guru@sekolah.example", ["Input.Role"] = "Partner",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var mail = App.Mails().Single(m => m.Contains("guru@sekolah.example", StringComparison.Ordinal));
        Assert.Contains("Undangan ke Sentra", mail);
        Assert.Contains("/account/invitation?user=", mail.Replace("=\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invitation_with_bad_fields_shows_messages_and_saves_nothing()
    {
        var admin = await App.SignedInAsync(DemoAccounts.Admin);
        var response = await SentraApp.PostFormAsync(admin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "", ["Input.Email"] = "not-an-email", ["Input.Phone"] = "12345", ["Input.Role"] = "Owner",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nama wajib diisi.", html);
        Assert.Contains("E-mail bukan alamat e-mail yang valid.", html);
        await using var db = App.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "not-an-email"));
    }

    [Fact]
    public async Task Duplicate_phone_is_refused_next_to_the_field()
    {
        var admin = await App.SignedInAsync(DemoAccounts.Admin);
        var phone = DemoData.Businesses[1].OwnerPhone; // Dedi Kurniawan's account already uses it
        var response = await SentraApp.PostFormAsync(admin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Someone", ["Input.Phone"] = phone, ["Input.Role"] = "Owner",
        });
        Assert.Contains("Nomor HP ini sudah dipakai akun lain.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_disables_and_re_enables_an_account()
    {
        var admin = await App.SignedInAsync(DemoAccounts.Admin);
        var created = await SentraApp.PostFormAsync(admin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Pak Temporary", ["Input.Email"] = "temp@example.com", ["Input.Role"] = "Partner",
        });
        var url = created.Headers.Location!.ToString();
        var page = await admin.GetStringAsync(url);
        var link = new Uri(WebUtility.HtmlDecode(LinkPattern().Match(page).Groups[1].Value)).PathAndQuery;
        await SentraApp.PostFormAsync(App.Browser(), link, new() { ["Input.NewPassword"] = "Sementara1", ["Input.ConfirmPassword"] = "Sementara1" });
        await App.SignedInAsync("temp@example.com", "Sementara1");

        var disabled = await SentraApp.PostFormAsync(admin, url + "?handler=Active", new() { ["active"] = "false" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.SignedInAsync("temp@example.com", "Sementara1"));
        Assert.Contains("Nonaktif", await admin.GetStringAsync(url));

        await SentraApp.PostFormAsync(admin, url + "?handler=Active", new() { ["active"] = "true" }, formPage: url);
        await App.SignedInAsync("temp@example.com", "Sementara1");
    }

    [Fact]
    public async Task Admin_changes_roles_and_the_change_is_audited()
    {
        var admin = await App.SignedInAsync(DemoAccounts.Admin);
        var created = await SentraApp.PostFormAsync(admin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Calon Pimpinan", ["Input.Email"] = "calon@example.com", ["Input.Role"] = "Officer",
        });
        var url = created.Headers.Location!.ToString();
        var token = SentraApp.AntiforgeryToken(await admin.GetStringAsync(url));
        var response = await admin.PostAsync(url + "?handler=Roles", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("roles", "Leader"), new("roles", "Officer"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync(url);
        Assert.Contains("Officer → Leader, Officer", page);
    }

    [GeneratedRegex("data-testid=\"invitation-link\">([^<]+)<")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("href=\"([^\"]+)\" target=\"_blank\" rel=\"noopener\" data-testid=\"invitation-whatsapp\"")]
    private static partial Regex WhatsAppPattern();
}
