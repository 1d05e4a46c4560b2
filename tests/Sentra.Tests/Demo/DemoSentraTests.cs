using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Demo;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Tests.Demo;

public sealed class DemoSentraTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task The_Pondok_Petir_sentra_has_about_twenty_businesses_with_owners_products_and_places()
    {
        await using var db = App.NewDbContext();
        var cluster = await db.Clusters.Include(c => c.Members).SingleAsync(c => c.Slug == DemoSeeder.ClusterSlug);
        Assert.Equal("32.76.11.1004", cluster.VillageCode);
        Assert.True(cluster.IsDemo);
        Assert.InRange(cluster.Members.Count, 18, 25);

        var businesses = await db.Businesses.Include(b => b.Owners).Include(b => b.KbliCodes).Include(b => b.Observations)
            .Include(b => b.Products).Include(b => b.OpeningHours).Where(b => b.IsDemo).ToListAsync();
        Assert.Equal(cluster.Members.Count, businesses.Count);
        foreach (var b in businesses)
        {
            Assert.Equal("32.76.11.1004", b.VillageCode);
            Assert.InRange(b.Latitude!.Value, -6.37, -6.34);
            Assert.InRange(b.Longitude!.Value, 106.69, 106.72);
            Assert.Matches("^[0-9]{3}$", b.Rt!);
            Assert.Matches("^[0-9]{3}$", b.Rw!);
            Assert.Single(b.Owners);
            Assert.NotEmpty(b.KbliCodes);
            Assert.NotEmpty(b.Products);
            Assert.NotEmpty(b.OpeningHours);
            Assert.True(b.Observations.Single().Workers > 0);
        }
        var kbli = businesses.SelectMany(b => b.KbliCodes).Select(k => k.KbliCode).Distinct().ToList();
        Assert.All(kbli, code => Assert.True(db.KbliCodes.Any(k => k.Code == code && k.Level == "kelompok"), code));
        Assert.InRange(businesses.Sum(b => b.Products.Count), 40, 80);
    }

    [Fact]
    public async Task Owner_NIK_and_phone_are_encrypted_at_rest_and_match_by_keyed_hash()
    {
        var protector = App.Services.GetRequiredService<PersonalDataProtector>();
        await using var db = App.NewDbContext();
        var siti = await db.People.SingleAsync(p => p.Name == "Siti Aminah");
        var nik = protector.Decrypt(siti.NikCipher!);
        Assert.Matches("^327611[0-9]{10}$", nik);
        Assert.DoesNotContain(nik, siti.NikCipher!);
        Assert.Equal(protector.Hash(nik), siti.NikHash);
        // A woman's NIK has 40 added to the birth day.
        Assert.True(int.Parse(nik[6..8], System.Globalization.CultureInfo.InvariantCulture) > 40);
        Assert.Equal(Sex.Female, siti.Sex);
        Assert.StartsWith("+628", protector.Decrypt(siti.PhoneCipher!), StringComparison.Ordinal);
        Assert.NotNull(siti.UserId);
    }

    [Fact]
    public async Task Demo_accounts_cover_every_role_and_sign_in()
    {
        foreach (var (email, _, _) in DemoAccounts.All)
            await App.SignedInAsync(email);
        await using var db = App.NewDbContext();
        Assert.All(await db.Users.Where(u => u.IsDemo).ToListAsync(), u => Assert.Equal("32.76", u.RegionCode));
    }

    [Fact]
    public void Demo_NIK_follows_the_birth_date_rule()
    {
        Assert.Equal("3276114503850007", DemoSeeder.DemoNik(new DateOnly(1985, 3, 5), Sex.Female, 7));
        Assert.Equal("3276110512900012", DemoSeeder.DemoNik(new DateOnly(1990, 12, 5), Sex.Male, 12));
    }
}
