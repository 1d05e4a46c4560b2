using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Offices;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog;

public sealed record PublicPermit(PermitKind Kind, string Number, DateOnly? ExpiresOn, ExpiryState? State);

public sealed record PublicProduct(int Id, string Slug, string Name, string? NameEn, string? Description, string? DescriptionEn,
    string Category, string Unit, decimal? NetQuantity, string? NetUnit, long PriceRp, int? ShelfLifeDays, string? Packaging,
    string? Ingredients, string? IngredientsEn, string? Allergens, string? Storage, HalalStatus HalalStatus,
    IReadOnlyList<PublicPermit> HalalCertificates, PublicPermit? Permit, Availability Availability, int? PreOrderLeadDays,
    IReadOnlyList<int> PhotoIds, PublicBusiness Business);

public sealed record PublicHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

public sealed record PublicBusiness(int Id, string Slug, string Name, string? Brand, string? Street, string? Rt, string? Rw,
    string VillageCode, string? VillageName, string? DistrictName, string? CityName, double? Latitude, double? Longitude,
    string? PublicWhatsApp, string? WebsiteUrl, string? MarketplaceUrl, IReadOnlyList<PublicHours> Hours, string TimeZone);

/// <summary>
/// What the public may see: visible products of businesses that are verified (or were verified and
/// await re-verification). Never owners, NIK, private phone numbers, drafts or hidden products.
/// </summary>
public sealed class PublicCatalog(AppDbContext db, TimeProvider clock)
{
    public static readonly BusinessStatus[] PublicStatuses = [BusinessStatus.Verified, BusinessStatus.NeedsReverification];

    public IQueryable<Business> Businesses => db.Businesses.AsNoTracking().Where(b => PublicStatuses.Contains(b.Status));

    public IQueryable<Product> Products => VisibleProducts(db);

    /// <summary>The rule itself, for code that holds a context but no catalog (the search index).</summary>
    public static IQueryable<Product> VisibleProducts(AppDbContext db) => db.Products.AsNoTracking()
        .Where(p => p.IsPublic && p.Availability != Availability.Discontinued && PublicStatuses.Contains(p.Business!.Status));

    /// <summary><c>/produk/keripik-singkong-balado-42</c>: a readable name and the stable id at the end.</summary>
    public static string Slug(string name, int id)
    {
        var words = ClusterSlug.From(name);
        var prefix = words.Length == 0 ? "" : words[..Math.Min(words.Length, 60)].TrimEnd('-') + "-";
        return prefix + id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The id at the end of a slug, or null.</summary>
    public static int? IdOf(string? slug)
    {
        if (string.IsNullOrEmpty(slug)) return null;
        var dash = slug.LastIndexOf('-');
        return int.TryParse(dash < 0 ? slug : slug[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(OfficeTimeZones.Default)));

    public async Task<PublicProduct?> ProductAsync(int id)
    {
        var p = await Products.Include(x => x.Photos).Include(x => x.Permit).Include(x => x.HalalCertificates).ThenInclude(h => h.Permit)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id);
        if (p is null) return null;
        var business = await BusinessAsync(p.BusinessId);
        if (business is null) return null;
        var today = Today;
        PublicPermit Show(Permit permit) => new(permit.Kind, permit.Number, permit.ExpiresOn, permit.ExpiresOn is { } e ? PermitExpiry.Of(e, today) : null);
        return new PublicProduct(p.Id, Slug(p.Name, p.Id), p.Name, p.NameEn, p.Description, p.DescriptionEn, p.Category, p.Unit, p.NetQuantity,
            p.NetUnit, p.PriceRp, p.ShelfLifeDays, p.Packaging, p.Ingredients, p.IngredientsEn, p.Allergens, p.Storage, p.HalalStatus,
            p.HalalCertificates.Select(h => Show(h.Permit!)).ToList(), p.Permit is null ? null : Show(p.Permit), p.Availability,
            p.PreOrderLeadDays, p.Photos.OrderBy(ph => ph.SortOrder).Select(ph => ph.Id).ToList(), business);
    }

    public async Task<PublicBusiness?> BusinessAsync(int id) => await BusinessesAsync([id]) is [var business] ? business : null;

    /// <summary>These public businesses (unknown or non-public ids left out), read with four queries however many.</summary>
    public async Task<IReadOnlyList<PublicBusiness>> BusinessesAsync(IReadOnlyCollection<int> ids)
    {
        var businesses = await Businesses.Include(x => x.OpeningHours).Where(x => ids.Contains(x.Id)).AsSplitQuery().ToListAsync();
        if (businesses.Count == 0) return [];
        var codes = businesses.SelectMany(b =>
        {
            var district = Regions.RegionCodes.ParentOf(b.VillageCode) ?? "";
            return new[] { b.VillageCode, district, Regions.RegionCodes.ParentOf(district) ?? "" };
        }).Where(c => c.Length > 0).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
        var timeZones = await OfficeTimeZones.LoadAsync(db);
        return businesses.Select(b =>
        {
            var district = Regions.RegionCodes.ParentOf(b.VillageCode) ?? "";
            var city = Regions.RegionCodes.ParentOf(district) ?? "";
            return new PublicBusiness(b.Id, Slug(b.Name, b.Id), b.Name, b.Brand, b.Street, b.Rt, b.Rw, b.VillageCode, names.GetValueOrDefault(b.VillageCode),
                names.GetValueOrDefault(district), names.GetValueOrDefault(city), b.Latitude, b.Longitude, b.PublicWhatsApp, b.WebsiteUrl, b.MarketplaceUrl,
                b.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7).Select(h => new PublicHours(h.Day, h.Opens, h.Closes)).ToList(), timeZones.Of(b.VillageCode));
        }).ToList();
    }

    public async Task<IReadOnlyList<(int Id, string Name, string? NameEn, long PriceRp, int? PhotoId)>> ProductsOfAsync(int businessId) =>
        (await Products.Where(p => p.BusinessId == businessId).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.NameEn, p.PriceRp, Photo = p.Photos.OrderBy(ph => ph.SortOrder).Select(ph => (int?)ph.Id).FirstOrDefault() })
            .ToListAsync()).Select(p => (p.Id, p.Name, p.NameEn, p.PriceRp, p.Photo)).ToList();

    public sealed record SentraMember(PublicBusiness Business, bool OpenNow);

    public sealed record FeaturedProduct(int Id, string Name, string? NameEn, long PriceRp, int? PhotoId, string BusinessName, HalalStatus HalalStatus);

    public sealed record SentraHome(Clusters.Cluster Cluster, IReadOnlyList<SentraMember> Members, IReadOnlyList<FeaturedProduct> Featured);

    /// <summary>A sentra's public home: its verified members (open now first) and featured products, photographed ones first.</summary>
    public async Task<SentraHome?> SentraAsync(string slug)
    {
        var cluster = await ClusterAsync(slug);
        if (cluster is null) return null;
        var ids = await Businesses.Where(b => b.Clusters.Any(m => m.ClusterId == cluster.Id)).Select(b => b.Id).ToListAsync();
        var members = (await BusinessesAsync(ids)).OrderBy(b => b.Name, StringComparer.CurrentCulture).Select(b => new SentraMember(b, IsOpenNow(b)));
        return new SentraHome(cluster, members.OrderByDescending(m => m.OpenNow).ToList(), await FeaturedAsync(cluster.Id));
    }

    public Task<Clusters.Cluster?> ClusterAsync(string slug) => db.Clusters.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);

    /// <summary>A sentra's featured products (its home page, partners' feed and widget): photographed first, then halal-certified.</summary>
    public async Task<IReadOnlyList<FeaturedProduct>> FeaturedAsync(int clusterId) =>
        await Products.Where(p => p.Business!.Clusters.Any(m => m.ClusterId == clusterId))
            .OrderByDescending(p => p.Photos.Any()).ThenByDescending(p => p.HalalStatus).ThenBy(p => p.Name).ThenBy(p => p.Id).Take(8)
            .Select(p => new FeaturedProduct(p.Id, p.Name, p.NameEn, p.PriceRp, p.Photos.OrderBy(ph => ph.SortOrder).Select(ph => (int?)ph.Id).FirstOrDefault(),
                p.Business!.Name, p.HalalStatus))
            .ToListAsync();

    /// <summary>Whether the business is open now, in its own time zone.</summary>
    public bool IsOpenNow(PublicBusiness business)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(business.TimeZone));
        return Search.WeeklyHours.IsOpenDuring(business.Hours.Select(h => (h.Day, h.Opens, h.Closes)), local);
    }
}
