using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Businesses;

/// <summary>Looks up demo records the registry tests act on.</summary>
public static class RegistryTestData
{
    /// <summary>Siti Aminah's business: the demo owner account pemilik1 is linked to it.</summary>
    public static async Task<int> OwnerOneBusinessAsync(SentraApp app)
    {
        await using var db = app.NewDbContext();
        return await db.Businesses.Where(b => b.Name == DemoData.Businesses[0].Name).Select(b => b.Id).SingleAsync();
    }

    /// <summary>Dedi Kurniawan's business: pemilik2's, never visible to pemilik1.</summary>
    public static async Task<int> OwnerTwoBusinessAsync(SentraApp app)
    {
        await using var db = app.NewDbContext();
        return await db.Businesses.Where(b => b.Name == DemoData.Businesses[1].Name).Select(b => b.Id).SingleAsync();
    }

    public static async Task<int> ProductOfAsync(SentraApp app, int businessId)
    {
        await using var db = app.NewDbContext();
        return await db.Products.Where(p => p.BusinessId == businessId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    public static object NewBusiness(string name = "Keripik Uji", string village = "32.76.11.1004") => new
    {
        name,
        brand = "Uji",
        legalForm = "Individual",
        nib = "1234567890123",
        yearStarted = 2019,
        street = "Jl. Raya Pondok Petir No. 1",
        rt = "2",
        rw = "03",
        villageCode = village,
        latitude = -6.3525,
        longitude = 106.7050,
        mainProductType = "Keripik singkong",
        salesChannels = new[] { "OwnShop", "SocialMedia" },
        publicWhatsApp = "0812-1111-3333",
        kbliCodes = new[] { "10794" },
        clusterIds = Array.Empty<int>(),
        openingHours = new[] { new { day = "Monday", opens = "08:00", closes = "17:00" } },
        version = 0,
    };
}
