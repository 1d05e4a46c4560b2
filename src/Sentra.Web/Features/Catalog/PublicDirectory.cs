using Sentra.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Regions;

namespace Sentra.Web.Features.Catalog;

/// <summary>
/// The public directory (<c>/direktori</c>): every sentra with public members and every public business — those in
/// no sentra too — by the one rule of <see cref="PublicCatalog"/>, filtered by sentra and district. A handful of
/// queries whatever the number of businesses (not one per business), since the page lists them all.
/// </summary>
public sealed class PublicDirectory(AppDbContext db, PublicCatalog catalog)
{
    /// <summary>The <c>sentra</c> filter value for businesses that belong to no sentra.</summary>
    public const string OutsideSentra = "none";

    public sealed record Entry(PublicBusiness Business, bool OpenNow);

    public sealed record SentraGroup(string Slug, string Name, IReadOnlyList<Entry> Businesses);

    public sealed record Choice(string Value, string Name);

    /// <param name="Sentras">Sentras with listed members, by name; a business in two sentras is under both.</param>
    /// <param name="Outside">Listed businesses in no sentra.</param>
    /// <param name="Listed">Every listed business once, by name.</param>
    /// <param name="SentraChoices">Every sentra with public members (the filter's options, whatever is chosen).</param>
    /// <param name="DistrictChoices">Every district with a public business.</param>
    /// <param name="HasOutside">Whether any public business is in no sentra (then the filter offers them).</param>
    public sealed record Listing(IReadOnlyList<SentraGroup> Sentras, IReadOnlyList<Entry> Outside, IReadOnlyList<Entry> Listed,
        IReadOnlyList<Choice> SentraChoices, IReadOnlyList<Choice> DistrictChoices, bool HasOutside);

    /// <param name="sentra">A sentra's slug, <see cref="OutsideSentra"/>, or empty for all.</param>
    /// <param name="district">A district code (<c>32.76.11</c>), or empty for all.</param>
    public async Task<Listing> ListAsync(string? sentra, string? district)
    {
        var rows = await catalog.Businesses
            .Select(b => new
            {
                b.Id, b.Name, b.Brand, b.Street, b.Rt, b.Rw, b.VillageCode, b.Latitude, b.Longitude,
                b.PublicWhatsApp, b.WebsiteUrl, b.MarketplaceUrl,
                Hours = b.OpeningHours.Select(h => new PublicHours(h.Day, h.Opens, h.Closes)).ToList(),
                Clusters = b.Clusters.Select(m => m.ClusterId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync();

        var clusterIds = rows.SelectMany(r => r.Clusters).Distinct().ToList();
        var clusters = await db.Clusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Slug, c.Name }).ToListAsync();
        clusters = clusters.OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();

        var villages = rows.Select(r => r.VillageCode).Distinct().ToList();
        var districts = villages.Select(v => RegionCodes.ParentOf(v) ?? "").Distinct().ToList();
        var cities = districts.Select(d => RegionCodes.ParentOf(d) ?? "").Distinct().ToList();
        var regionCodes = villages.Concat(districts).Concat(cities).Where(c => c.Length > 0).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
        var timeZones = await OfficeTimeZones.LoadAsync(db);

        var all = rows.Select(r =>
        {
            var districtCode = RegionCodes.ParentOf(r.VillageCode) ?? "";
            var cityCode = RegionCodes.ParentOf(districtCode) ?? "";
            var business = new PublicBusiness(r.Id, PublicCatalog.Slug(r.Name, r.Id), r.Name, r.Brand, r.Street, r.Rt, r.Rw, r.VillageCode,
                names.GetValueOrDefault(r.VillageCode), names.GetValueOrDefault(districtCode), names.GetValueOrDefault(cityCode),
                r.Latitude, r.Longitude, r.PublicWhatsApp, r.WebsiteUrl, r.MarketplaceUrl,
                r.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ToList(), timeZones.Of(r.VillageCode));
            return (Entry: new Entry(business, catalog.IsOpenNow(business)), r.Clusters, District: districtCode);
        }).OrderBy(a => a.Entry.Business.Name, StringComparer.CurrentCulture).ToList();

        var districtChoices = all.Select(a => a.District).Distinct()
            .Select(code => (Code: code, Name: names.GetValueOrDefault(code) ?? code, City: names.GetValueOrDefault(RegionCodes.ParentOf(code) ?? "")))
            .ToList();
        var ambiguous = districtChoices.GroupBy(d => d.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();

        var inDistrict = string.IsNullOrEmpty(district) ? all : all.Where(a => a.District == district).ToList();
        var chosen = string.IsNullOrEmpty(sentra) ? null : clusters.FirstOrDefault(c => c.Slug == sentra);
        var groups = sentra == OutsideSentra || (!string.IsNullOrEmpty(sentra) && chosen is null)
            ? []
            : clusters.Where(c => chosen is null || c.Id == chosen.Id)
                .Select(c => new SentraGroup(c.Slug, c.Name, inDistrict.Where(a => a.Clusters.Contains(c.Id)).Select(a => a.Entry).ToList()))
                .Where(g => g.Businesses.Count > 0)
                .ToList();
        var outside = string.IsNullOrEmpty(sentra) || sentra == OutsideSentra
            ? inDistrict.Where(a => a.Clusters.Count == 0).Select(a => a.Entry).ToList()
            : [];
        var listedIds = groups.SelectMany(g => g.Businesses).Concat(outside).Select(e => e.Business.Id).ToHashSet();
        var listed = inDistrict.Select(a => a.Entry).Where(e => listedIds.Contains(e.Business.Id)).ToList();

        return new Listing(groups, outside, listed,
            clusters.Select(c => new Choice(c.Slug, c.Name)).ToList(),
            districtChoices.OrderBy(d => d.Name, StringComparer.CurrentCulture)
                .Select(d => new Choice(d.Code, ambiguous.Contains(d.Name) && d.City is not null ? $"{d.Name} ({d.City})" : d.Name)).ToList(),
            all.Any(a => a.Clusters.Count == 0));
    }
}
