using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Regions;

namespace Sentra.Web.Features.Businesses;

public sealed record VillageChoice(string Code, string Name, string DistrictCode, string DistrictName);

/// <summary>Villages and districts a user can pick from: those inside their office's region.</summary>
public sealed class RegionChoices(AppDbContext db)
{
    /// <summary>More than this and the form asks for a searched code instead of a long list.</summary>
    public const int MaxListed = 1500;

#pragma warning disable CA1310 // LINQ to SQL prefix match
    public async Task<IReadOnlyList<VillageChoice>> VillagesAsync(ClaimsPrincipal user, string? alsoInclude = null)
    {
        var scope = user.RegionScope();
        if (RegistryAccess.IsOwner(user) && !RegistryAccess.IsStaff(user)) scope = alsoInclude ?? "\u0000";
        var villages = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village);
        if (scope.Length > 0) villages = villages.Where(r => r.Code == scope || r.Code.StartsWith(scope + "."));
        if (await villages.CountAsync() > MaxListed) return [];
        var rows = await villages.OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync();
        var districtCodes = rows.Select(r => r.ParentCode!).Distinct().ToList();
        var districts = await db.Regions.AsNoTracking().Where(r => districtCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
        return rows.Select(r => new VillageChoice(r.Code, r.Name, r.ParentCode!, districts.GetValueOrDefault(r.ParentCode!, ""))).ToList();
    }

    public async Task<IReadOnlyList<(string Code, string Name)>> DistrictsAsync(ClaimsPrincipal user)
    {
        var scope = user.RegionScope();
        var districts = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District);
        if (scope.Length > 0) districts = districts.Where(r => r.Code == scope || r.Code.StartsWith(scope + "."));
        if (await districts.CountAsync() > MaxListed) return [];
        return (await districts.OrderBy(r => r.Name).Select(r => new { r.Code, r.Name }).ToListAsync()).Select(r => (r.Code, r.Name)).ToList();
    }
#pragma warning restore CA1310

    public async Task<IReadOnlyList<(int Id, string Name)>> ClustersAsync(ClaimsPrincipal user)
    {
        var scope = user.RegionScope();
        var all = await db.Clusters.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.VillageCode }).ToListAsync();
        return RegistryAccess.IsStaff(user)
            ? all.Where(c => RegionCodes.IsWithin(c.VillageCode, scope)).Select(c => (c.Id, c.Name)).ToList()
            : [];
    }
}
