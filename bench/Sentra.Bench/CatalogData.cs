using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Data;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog.Search;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Products;
using Sentra.Web.Features.Regions;

namespace Sentra.Bench;

/// <summary>
/// Generates a large public catalog for the search benchmark: verified businesses spread over the
/// villages of Kota Depok, grouped into sentra, each with ~50 products whose names, flavours,
/// descriptions, prices, halal status and availability vary. Deterministic (fixed seed).
/// </summary>
public static class CatalogData
{
    private static readonly (string Id, string En, string Category)[] Bases =
    [
        ("Keripik Singkong", "Cassava Chips", "chips"), ("Keripik Pisang", "Banana Chips", "chips"), ("Keripik Tempe", "Tempeh Chips", "chips"),
        ("Kerupuk Udang", "Prawn Crackers", "chips"), ("Kerupuk Kulit", "Skin Crackers", "chips"), ("Emping Melinjo", "Melinjo Crackers", "chips"),
        ("Basreng", "Fried Fish Ball Strips", "snacks"), ("Makaroni Goreng", "Fried Macaroni", "snacks"), ("Rempeyek Kacang", "Peanut Brittle Crackers", "snacks"),
        ("Rengginang Ketan", "Sticky Rice Crackers", "snacks"), ("Cireng Isi", "Stuffed Cireng", "frozen"), ("Cireng Rujak", "Cireng with Rujak Sauce", "frozen"),
        ("Pisang Lumer", "Melted Banana Rolls", "snacks"), ("Bakso Sapi Beku", "Frozen Beef Meatballs", "frozen"), ("Nugget Tempe", "Tempeh Nuggets", "frozen"),
        ("Dimsum Ayam", "Chicken Dim Sum", "frozen"), ("Dodol Ketan", "Sticky Rice Dodol", "sweets"), ("Dodol Durian", "Durian Dodol", "sweets"),
        ("Manisan Mangga", "Candied Mango", "sweets"), ("Selai Nanas", "Pineapple Jam", "sweets"), ("Kue Bawang", "Shallot Crisps", "cakes"),
        ("Nastar", "Pineapple Tarts", "cakes"), ("Kastengel", "Cheese Sticks", "cakes"), ("Bolu Pandan", "Pandan Sponge Cake", "cakes"),
        ("Brownies Kukus", "Steamed Brownies", "cakes"), ("Roti Sobek", "Pull-apart Bread", "cakes"), ("Sambal Bawang", "Shallot Sambal", "sambal"),
        ("Sambal Cumi", "Squid Sambal", "sambal"), ("Abon Sapi", "Beef Floss", "sambal"), ("Bumbu Pecel", "Peanut Sauce Paste", "sambal"),
        ("Sirup Pala", "Nutmeg Syrup", "beverages"), ("Wedang Jahe", "Ginger Drink", "beverages"), ("Kopi Bubuk", "Ground Coffee", "beverages"),
        ("Teh Serai", "Lemongrass Tea", "beverages"), ("Minuman Kunyit Asam", "Turmeric Tamarind Drink", "beverages"),
    ];

    private static readonly (string Id, string En)[] Flavours =
    [
        ("Balado", "Balado"), ("Original", "Original"), ("Pedas", "Spicy"), ("Keju", "Cheese"), ("Cokelat", "Chocolate"),
        ("Jagung Bakar", "Grilled Corn"), ("Rumput Laut", "Seaweed"), ("Daun Jeruk", "Lime Leaf"), ("Madu", "Honey"), ("Gula Aren", "Palm Sugar"),
        ("Pandan", "Pandan"), ("Stroberi", "Strawberry"), ("Bawang Putih", "Garlic"), ("Asin Gurih", "Salty"), ("Level 5", "Extra Hot"),
        ("Susu", "Milk"), ("Kacang", "Peanut"), ("Kelapa", "Coconut"), ("Teri", "Anchovy"), ("Ayam", "Chicken"),
    ];

    private static readonly string[] Owners =
        ["Bu Siti", "Pak Dedi", "Mak Iyah", "Bu Ani", "Pak Joko", "Teh Euis", "Bu Rina", "Pak Ujang", "Bu Wati", "Kang Asep", "Bu Lilis", "Pak Rudi"];

    public static async Task<(int Businesses, int Products, int Entries)> FillAsync(SentraApp app, int products)
    {
        var random = new Random(20261128);
        await using var db = app.NewDbContext();
        var villages = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith("32.76.") && r.Level == RegionLevel.Village)
            .OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
        var businessCount = Math.Max(1, products / 50);
        var now = DateTime.UtcNow;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var clusterIds = await BulkInsert.ReserveIdsAsync<Cluster>(db, Math.Max(1, businessCount / 100));
        var clusters = clusterIds.Select((id, i) => new Cluster
        {
            Id = id, Name = $"Sentra Uji {i + 1:000}", Slug = $"sentra-uji-{i + 1:000}", VillageCode = villages[i * 7 % villages.Count],
            MainCommodity = "Makanan olahan", CreatedAt = now, UpdatedAt = now,
        }).ToList();
        await BulkInsert.InsertEntitiesAsync(db, clusters);

        var businessIds = await BulkInsert.ReserveIdsAsync<Business>(db, businessCount);
        var businesses = businessIds.Select((id, i) => new Business
        {
            Id = id, Name = $"{Owners[i % Owners.Length]} {Bases[random.Next(Bases.Length)].Id.Split(' ')[0]} {i + 1}",
            VillageCode = villages[random.Next(villages.Count)], Status = BusinessStatus.Verified, CreatedAt = now, UpdatedAt = now, Version = 1,
            Latitude = -6.4 + random.NextDouble() * 0.1, Longitude = 106.7 + random.NextDouble() * 0.1,
        }).ToList();
        await BulkInsert.InsertEntitiesAsync(db, businesses);
        await BulkInsert.InsertEntitiesAsync(db, businesses.Select((b, i) => new ClusterMembership { BusinessId = b.Id, ClusterId = clusters[i % clusters.Count].Id }).ToList());
        var hourIds = await BulkInsert.ReserveIdsAsync<OpeningHours>(db, businesses.Count * 6);
        var h = 0;
        await BulkInsert.InsertEntitiesAsync(db, businesses.SelectMany(b => Enumerable.Range(1, 6).Select(d => new OpeningHours
        {
            Id = hourIds[h++], BusinessId = b.Id, Day = (DayOfWeek)d, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(17, 0),
        })).ToList());

        var productIds = await BulkInsert.ReserveIdsAsync<Product>(db, products);
        var rows = new List<Product>(products);
        for (var i = 0; i < products; i++)
        {
            var business = businesses[i % businesses.Count];
            var (baseId, baseEn, category) = Bases[random.Next(Bases.Length)];
            var (flavourId, flavourEn) = Flavours[random.Next(Flavours.Length)];
            var grams = new[] { 100, 150, 250, 500, 1000 }[random.Next(5)];
            rows.Add(new Product
            {
                Id = productIds[i], BusinessId = business.Id, Name = $"{baseId} {flavourId} {grams} g",
                NameEn = random.Next(3) == 0 ? null : $"{flavourEn} {baseEn} {grams} g",
                Description = $"{baseId} rasa {flavourId.ToLowerInvariant()} buatan {business.Name}, dibuat setiap hari tanpa pengawet.",
                DescriptionEn = $"Home-made {baseEn.ToLowerInvariant()}, {flavourEn.ToLowerInvariant()} flavour, no preservatives.",
                Category = category, Unit = "pack", NetQuantity = grams, NetUnit = "g", PriceRp = 5_000 + random.Next(0, 190) * 500,
                HalalStatus = (HalalStatus)(random.Next(10) switch { < 5 => 3, < 7 => 2, _ => 1 }),
                Availability = (Availability)(random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 }),
                IsPublic = random.Next(20) != 0, VillageCode = business.VillageCode, CreatedAt = now.AddMinutes(-i), UpdatedAt = now.AddMinutes(-i), Version = 1,
            });
        }
        await BulkInsert.InsertEntitiesAsync(db, rows);
        await transaction.CommitAsync();

        using var scope = app.Services.CreateScope();
        await using var indexDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<CatalogIndex>().RebuildAsync(indexDb);
        // A loaded database as autovacuum leaves it: statistics and the visibility map.
        if (indexDb.Database.IsNpgsql()) await indexDb.Database.ExecuteSqlRawAsync("""VACUUM ANALYZE "CatalogEntries", "CatalogVectors", "Products", "Businesses";""");
        else await indexDb.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;");
        return (await indexDb.Businesses.CountAsync(), await indexDb.Products.CountAsync(), await indexDb.CatalogEntries.CountAsync());
    }

    public static string Describe((int Businesses, int Products, int Entries) counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{counts.Businesses:N0} businesses, {counts.Products:N0} products, {counts.Entries:N0} public catalog entries");
}
