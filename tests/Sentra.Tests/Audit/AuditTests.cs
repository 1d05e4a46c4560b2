using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Audit;

public sealed class AuditTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Updating_a_record_stores_who_when_and_each_changed_field()
    {
        await using (var db = App.NewDbContext())
        {
            var business = await db.Businesses.OrderBy(b => b.Id).FirstAsync();
            business.Name += " (baru)";
            business.Rt = "009";
            await db.SaveChangesAsync();
        }
        await using var check = App.NewDbContext();
        var first = await check.Businesses.OrderBy(b => b.Id).FirstAsync();
        var firstId = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entry = await check.AuditEntries.Where(a => a.EntityType == "Business" && a.EntityId == firstId
                                                          && a.Action == AuditAction.Updated).SingleAsync();
        var changes = AuditTrail.ToRow(entry).Changes;
        Assert.Equal(2, changes.Count);
        Assert.Contains(changes, c => c.Field == "Name" && c.New == first.Name && c.Old == first.Name.Replace(" (baru)", ""));
        Assert.Contains(changes, c => c.Field == "Rt" && c.New == "009");
        Assert.Equal("32.76.11.1004", entry.RegionCode);
        Assert.True(entry.OccurredAt > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Personal_data_is_masked_in_the_trail()
    {
        string personId;
        await using (var db = App.NewDbContext())
        {
            var person = await db.People.OrderBy(p => p.Id).FirstAsync();
            personId = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            person.PhoneCipher = "v1:changed";
            person.Name = "Nama Baru";
            await db.SaveChangesAsync();
        }
        await using var check = App.NewDbContext();
        var entry = await check.AuditEntries.Where(a => a.EntityType == "Person" && a.EntityId == personId && a.Action == AuditAction.Updated)
            .OrderByDescending(a => a.Id).FirstAsync();
        var changes = AuditTrail.ToRow(entry).Changes;
        var phone = changes.Single(c => c.Field == "PhoneCipher");
        Assert.Equal(AuditInterceptor.Masked, phone.Old);
        Assert.Equal(AuditInterceptor.Masked, phone.New);
        Assert.DoesNotContain("v1:", entry.Changes);
        Assert.Contains(changes, c => c.Field == "Name" && c.New == "Nama Baru");
    }

    [Fact]
    public async Task Creating_and_deleting_are_recorded_with_the_values()
    {
        int productId;
        await using (var db = App.NewDbContext())
        {
            var business = await db.Businesses.OrderBy(b => b.Id).FirstAsync();
            var product = new Sentra.Web.Features.Products.Product
            {
                BusinessId = business.Id, Name = "Produk Uji", Category = "snacks", Unit = "bungkus", PriceRp = 12_000,
                VillageCode = business.VillageCode,
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            productId = product.Id;
            db.Products.Remove(product);
            await db.SaveChangesAsync();
        }
        await using var check = App.NewDbContext();
        var id = productId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await check.AuditEntries.Where(a => a.EntityType == "Product" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.Contains(AuditTrail.ToRow(entries[0]).Changes, c => c.Field == "PriceRp" && c.New == "12000" && c.Old is null);
        Assert.Contains(AuditTrail.ToRow(entries[1]).Changes, c => c.Field == "Name" && c.Old == "Produk Uji" && c.New is null);
    }

    [Fact]
    public async Task A_failed_save_leaves_neither_the_change_nor_an_audit_entry()
    {
        long before;
        await using (var db = App.NewDbContext()) before = await db.AuditEntries.LongCountAsync();
        await using (var db = App.NewDbContext())
        {
            db.Products.Add(new Sentra.Web.Features.Products.Product
            {
                BusinessId = 999_999, Name = "Yatim", Category = "snacks", Unit = "pcs", PriceRp = 1,
            });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using var check = App.NewDbContext();
        Assert.Equal(before, await check.AuditEntries.LongCountAsync());
        Assert.False(await check.Products.AnyAsync(p => p.Name == "Yatim"));
    }

    [Fact]
    public async Task Admin_browses_the_trail_by_record_user_and_date()
    {
        var admin = await App.SignedInAsync(DemoAccounts.Admin);
        var created = await SentraApp.PostFormAsync(admin, "/admin/users/new", new()
        {
            ["Input.DisplayName"] = "Audit Subject", ["Input.Email"] = "subject@example.com", ["Input.Role"] = "Partner",
        });
        var userId = created.Headers.Location!.ToString().Split('/').Last();
        string adminId;
        await using (var db = App.NewDbContext()) adminId = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Admin)).Id;

        var token = await App.TokenAsync(DemoAccounts.Admin);
        var byRecord = await App.WithToken(token).GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=AppUser&entityId={userId}");
        Assert.True(byRecord.GetProperty("total").GetInt32() >= 2);
        Assert.All(byRecord.GetProperty("items").EnumerateArray(), i => Assert.Equal(userId, i.GetProperty("entityId").GetString()));
        Assert.Contains(byRecord.GetProperty("items").EnumerateArray(), i => i.GetProperty("action").GetString() == "Created");

        var byUser = await App.WithToken(token).GetFromJsonAsync<JsonElement>($"/api/v1/audit?userId={adminId}");
        Assert.All(byUser.GetProperty("items").EnumerateArray(), i => Assert.Equal(adminId, i.GetProperty("userId").GetString()));

        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        var day = DateOnly.FromDateTime(today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateOnly.FromDateTime(today).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var todays = await App.WithToken(token).GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityId={userId}&from={day}&to={day}");
        var before = await App.WithToken(token).GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityId={userId}&to={yesterday}");
        Assert.True(todays.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(0, before.GetProperty("total").GetInt32());

        var page = await admin.GetStringAsync($"/admin/audit?entityType=AppUser&entityId={userId}");
        Assert.Contains("Audit Subject", page);
        Assert.Contains("Admin Disdagin Depok", page);
        // The user's own page shows its history.
        Assert.Contains("Riwayat perubahan", await admin.GetStringAsync($"/admin/users/{userId}"));
    }

    [Fact]
    public async Task The_trail_cannot_be_changed_through_the_api()
    {
        var client = App.WithToken(await App.TokenAsync(DemoAccounts.Admin));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.DeleteAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsJsonAsync("/api/v1/audit", new { })).StatusCode);
    }
}
