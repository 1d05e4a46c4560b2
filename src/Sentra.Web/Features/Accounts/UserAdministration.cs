using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Offices;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.PersonalData;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Accounts;

public sealed class NewUser
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = "";

    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [StringLength(30, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Role")]
    public string Role { get; set; } = Roles.Owner;

    [Display(Name = "Field.Office")]
    public int? OfficeId { get; set; }
}

public sealed record UserRow(string Id, string DisplayName, string? Email, string? PhoneLast4, string? OfficeName,
    IReadOnlyList<string> Roles, bool IsActive, bool InvitationOpen, DateTime CreatedAt);

public sealed record UserPage(IReadOnlyList<UserRow> Items, int Total, int Page, int PageSize);


/// <summary>
/// Creating, inviting, disabling and re-enabling accounts, and assigning roles. Every call is
/// bounded by the acting user's region: an admin of Kota Depok never sees an account of another office.
/// </summary>
public sealed class UserAdministration(
    AppDbContext db,
    UserManager<AppUser> users,
    AccountService accounts,
    AuditTrail audit,
    TimeProvider clock)
{
    public IQueryable<AppUser> Visible(ClaimsPrincipal actor)
    {
        var scope = actor.RegionScope();
        var query = db.Users.AsQueryable();
        return scope.Length == 0 ? query : query.Where(u => u.RegionCode == scope || u.RegionCode.StartsWith(scope + "."));
    }

    public async Task<List<Office>> OfficesAsync(ClaimsPrincipal actor)
    {
        var scope = actor.RegionScope();
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        return offices.Where(o => RegionCodes.IsWithin(o.RegionCode, scope)).ToList();
    }

    public static IReadOnlyList<string> AssignableRoles(ClaimsPrincipal actor) =>
        actor.IsInRole(Roles.Admin) ? Roles.All : actor.IsInRole(Roles.Officer) ? Roles.InvitableByOfficer : [];

    public async Task<UserPage> ListAsync(ClaimsPrincipal actor, string? search, string? role, int page, int pageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = Visible(actor);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            #pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(): culture arguments would not translate
            query = query.Where(u => u.DisplayName.ToUpper().Contains(s) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(s)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync();
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }
        var total = await query.CountAsync();
        var found = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new { User = u, Office = u.Office == null ? null : u.Office.Name })
            .AsNoTracking().ToListAsync();
        var ids = found.Select(f => f.User.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        var items = found.Select(f => new UserRow(f.User.Id, f.User.DisplayName, f.User.Email, f.User.PhoneLast4, f.Office,
            roles.Where(r => r.UserId == f.User.Id).Select(r => r.Name!).Order().ToList(), f.User.IsActive,
            f.User.PasswordHash is null, f.User.CreatedAt)).ToList();
        return new UserPage(items, total, page, pageSize);
    }

    public async Task<AppUser?> FindAsync(ClaimsPrincipal actor, string id) =>
        await Visible(actor).Include(u => u.Office).FirstOrDefaultAsync(u => u.Id == id);

    /// <summary>Creates an account without a password; the person sets one through the invitation link.</summary>
    public async Task<(AppUser? User, List<FieldError> Errors)> CreateAsync(ClaimsPrincipal actor, NewUser input)
    {
        var errors = new List<FieldError>();
        string? phone = null;
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (!string.IsNullOrWhiteSpace(input.Phone) && !IndonesianPhone.TryNormalize(input.Phone, out phone!))
            errors.Add(new(nameof(NewUser.Phone), "Validation.Phone"));
        if (email is null && string.IsNullOrWhiteSpace(input.Phone))
            errors.Add(new(nameof(NewUser.Email), "Users.EmailOrPhoneRequired"));
        if (!AssignableRoles(actor).Contains(input.Role))
            errors.Add(new(nameof(NewUser.Role), "Users.RoleNotAllowed"));

        var offices = await OfficesAsync(actor);
        var office = input.OfficeId is null ? null : offices.FirstOrDefault(o => o.Id == input.OfficeId);
        if (input.OfficeId is not null && office is null) errors.Add(new(nameof(NewUser.OfficeId), "Users.OfficeNotAllowed"));
        office ??= offices.FirstOrDefault(o => o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == actor.FindFirstValue(SentraClaims.OfficeId))
                   ?? offices.FirstOrDefault();
        if (office is null) errors.Add(new(nameof(NewUser.OfficeId), "Validation.Required"));

        if (email is not null && await users.FindByEmailAsync(email) is not null)
            errors.Add(new(nameof(NewUser.Email), "Users.EmailTaken"));
        if (phone is not null && await accounts.FindByLoginAsync(phone) is not null)
            errors.Add(new(nameof(NewUser.Phone), "Users.PhoneTaken"));
        if (errors.Count > 0) return (null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = AccountService.NewUserName(),
            DisplayName = input.DisplayName.Trim(),
            Email = email,
            OfficeId = office!.Id,
            RegionCode = office.RegionCode,
            CreatedAt = now,
            InvitedAt = now,
        };
        accounts.SetPhone(user, phone);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, input.Role);
        if (!created.Succeeded)
            return (null, created.Errors.Select(e => new FieldError(nameof(NewUser.Email), "Users.CreateFailed")).ToList());
        audit.Add(actor, AuditAction.Updated, nameof(AppUser), user.Id, user.RegionCode, new AuditChange("Roles", null, input.Role));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return (user, errors);
    }

    public async Task<IList<string>> RolesOfAsync(AppUser user) => await users.GetRolesAsync(user);

    /// <summary>Replaces the user's roles; only admins may, and never on their own account (no self-lockout).</summary>
    public async Task<string?> SetRolesAsync(ClaimsPrincipal actor, AppUser user, IEnumerable<string> roles)
    {
        if (!actor.IsInRole(Roles.Admin)) return "Users.RoleNotAllowed";
        var wanted = roles.Where(Roles.All.Contains).Distinct().ToList();
        if (wanted.Count == 0) return "Users.RoleRequired";
        if (user.Id == actor.UserId() && !wanted.Contains(Roles.Admin)) return "Users.CannotDemoteSelf";
        var current = await users.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded) return "Users.CreateFailed";
        audit.Add(actor, AuditAction.Updated, nameof(AppUser), user.Id, user.RegionCode,
            new AuditChange("Roles", string.Join(", ", current.Order()), string.Join(", ", wanted.Order())));
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync();
        return null;
    }

    /// <summary>Disables or re-enables an account; a disabled account's sessions end within a minute (security stamp).</summary>
    public async Task<string?> SetActiveAsync(ClaimsPrincipal actor, AppUser user, bool active)
    {
        if (!actor.IsInRole(Roles.Admin)) return "Users.RoleNotAllowed";
        if (user.Id == actor.UserId()) return "Users.CannotDisableSelf";
        user.IsActive = active;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded) await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? null : "Users.CreateFailed";
    }
}
