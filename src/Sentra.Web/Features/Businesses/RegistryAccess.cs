using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// Who may see and change which registry records. Staff (admins, officers, leaders) see every
/// business in their office's region; leaders only read. Owners see and change only businesses
/// they are linked to as a person. Everyone else sees nothing through the registry.
/// </summary>
public sealed class RegistryAccess(AppDbContext db)
{
    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Leader);
    public static bool IsEditorStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Officer);
    public static bool IsOwner(ClaimsPrincipal user) => user.IsInRole(Roles.Owner);

    public IQueryable<Business> Businesses(ClaimsPrincipal user)
    {
        var query = db.Businesses.AsQueryable();
        if (IsStaff(user))
        {
            var scope = user.RegionScope();
            return scope.Length == 0 ? query : query.Where(b => b.VillageCode == scope || b.VillageCode.StartsWith(scope + "."));
        }
        if (IsOwner(user))
        {
            var userId = user.UserId();
            return query.Where(b => b.Owners.Any(o => o.Person!.UserId == userId));
        }
        return query.Where(_ => false);
    }

    public IQueryable<Product> Products(ClaimsPrincipal user)
    {
        var businesses = Businesses(user).Select(b => b.Id);
        return db.Products.Where(p => businesses.Contains(p.BusinessId));
    }

    /// <summary>Whether the user may change this business (and its products, permits, photos).</summary>
    public static bool CanEdit(ClaimsPrincipal user, Business business) =>
        IsEditorStaff(user)
            ? Regions.RegionCodes.IsWithin(business.VillageCode, user.RegionScope())
            : IsOwner(user) && business.Owners.Any(o => o.Person?.UserId == user.UserId());

    /// <summary>Verifying, deactivating and deleting are office decisions, never an owner's.</summary>
    public static bool CanDecide(ClaimsPrincipal user, Business business) =>
        IsEditorStaff(user) && Regions.RegionCodes.IsWithin(business.VillageCode, user.RegionScope());

    /// <summary>Revealing a NIK or phone number: office editors of the region only, and each reveal is audited.</summary>
    public static bool CanRevealPersonalData(ClaimsPrincipal user, string? regionCode) =>
        IsEditorStaff(user) && Regions.RegionCodes.IsWithin(regionCode, user.RegionScope());

    /// <summary>Creating a business in a village: editors inside their region; owners add to their own record through an officer.</summary>
    public static bool CanCreateIn(ClaimsPrincipal user, string villageCode) =>
        IsEditorStaff(user) && Regions.RegionCodes.IsWithin(villageCode, user.RegionScope());

    public async Task<bool> IsVillageAsync(string? code) =>
        code is not null && await db.Regions.AnyAsync(r => r.Code == code && r.Level == Regions.RegionLevel.Village);
}
