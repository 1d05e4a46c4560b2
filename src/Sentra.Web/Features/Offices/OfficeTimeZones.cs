using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Regions;

namespace Sentra.Web.Features.Offices;

/// <summary>
/// The time zone a place keeps its local times in (opening hours): that of the office whose region
/// holds it most closely — Kota Depok's office (<c>32.76</c>) for a village <c>32.76.01.1001</c> — or
/// Asia/Jakarta where no office covers it. One rule for the catalog index, the public pages and the directory.
/// </summary>
public sealed class OfficeTimeZones(IReadOnlyList<(string RegionCode, string TimeZone)> offices)
{
    public const string Default = "Asia/Jakarta";

    /// <summary>Every office with a region (a national office, region "", sets no zone for anyone).</summary>
    public static async Task<OfficeTimeZones> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        new((await db.Offices.AsNoTracking().Where(o => o.RegionCode != "").Select(o => new { o.RegionCode, o.TimeZone })
            .ToListAsync(cancellationToken)).Select(o => (o.RegionCode, o.TimeZone)).ToList());

    public string Of(string villageCode) =>
        offices.Where(o => RegionCodes.IsWithin(villageCode, o.RegionCode)).OrderByDescending(o => o.RegionCode.Length)
            .Select(o => o.TimeZone).FirstOrDefault() ?? Default;
}
