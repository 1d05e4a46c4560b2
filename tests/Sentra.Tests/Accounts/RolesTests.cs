using System.Net;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Demo;
using Sentra.Web.Features.Offices;

namespace Sentra.Tests.Accounts;

public sealed class RolesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Theory]
    [InlineData(DemoAccounts.Admin, "/admin/users", HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Admin, "/admin/audit", HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Officer, "/admin/users", HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Officer, "/admin/audit", HttpStatusCode.Redirect)]
    [InlineData(DemoAccounts.Leader, "/admin/users", HttpStatusCode.Redirect)]
    [InlineData(DemoAccounts.OwnerOne, "/admin/users", HttpStatusCode.Redirect)]
    [InlineData(DemoAccounts.Partner, "/admin/audit", HttpStatusCode.Redirect)]
    public async Task Pages_are_open_only_to_their_roles(string login, string url, HttpStatusCode expected)
    {
        var client = await App.SignedInAsync(login);
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        var response = await App.Browser().GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.Admin, HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Officer, HttpStatusCode.Forbidden)]
    [InlineData(DemoAccounts.Leader, HttpStatusCode.Forbidden)]
    [InlineData(DemoAccounts.OwnerTwo, HttpStatusCode.Forbidden)]
    public async Task Audit_api_is_for_admins_only(string login, HttpStatusCode expected)
    {
        var response = await App.WithToken(await App.TokenAsync(login)).GetAsync("/api/v1/audit");
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Officers_may_invite_only_owners_and_partners()
    {
        var client = await App.SignedInAsync(DemoAccounts.Officer);
        var response = await SentraApp.PostFormAsync(client, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Calon Admin", ["Input.Email"] = "calon-admin@example.com", ["Input.Role"] = "Admin",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Anda tidak berhak memberi peran ini", await response.Content.ReadAsStringAsync());
        await using var db = App.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "calon-admin@example.com"));
    }

    [Fact]
    public async Task Staff_see_only_accounts_of_their_own_region()
    {
        // A second office, for Kota Bandung (32.73), with its own admin.
        await using (var db = App.NewDbContext())
        {
            db.Offices.Add(new Office { Name = "Disdagin Kota Bandung", RegionCode = "32.73" });
            await db.SaveChangesAsync();
        }
        int bandungId;
        await using (var db = App.NewDbContext()) bandungId = (await db.Offices.SingleAsync(o => o.RegionCode == "32.73")).Id;

        // The national view is not needed: a Depok admin cannot create a user in Bandung's office...
        var depokAdmin = await App.SignedInAsync(DemoAccounts.Admin);
        var refused = await SentraApp.PostFormAsync(depokAdmin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Petugas Bandung", ["Input.Email"] = "bandung-officer@example.com", ["Input.Role"] = "Officer",
            ["Input.OfficeId"] = bandungId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("Dinas ini di luar wilayah Anda.", await refused.Content.ReadAsStringAsync());

        // ...and a user of Bandung is invisible to Depok staff, in the list and by direct URL.
        string bandungUserId;
        await using (var db = App.NewDbContext())
        {
            var user = new Sentra.Web.Features.Accounts.AppUser
            {
                UserName = "bandung-user", DisplayName = "Orang Bandung", Email = "orang@bandung.example", OfficeId = bandungId,
                RegionCode = "32.73", CreatedAt = DateTime.UtcNow,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            bandungUserId = user.Id;
        }
        var list = await depokAdmin.GetStringAsync("/admin/users?q=Orang");
        Assert.DoesNotContain("Orang Bandung", list);
        Assert.Equal(HttpStatusCode.NotFound, (await depokAdmin.GetAsync($"/admin/users/{bandungUserId}")).StatusCode);
    }
}
