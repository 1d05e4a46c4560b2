using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;

namespace Sentra.Web.Features.Users;

public sealed class DetailsModel(UserAdministration admin, UserInvitations invitations, AuditTrail audit, IStringLocalizer<SharedResource> t) : PageModel
{
    public AppUser Target { get; private set; } = null!;
    public IList<string> CurrentRoles { get; private set; } = [];
    public AuditPage History { get; private set; } = new([], 0, 1, 50);
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id, string[] roles)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Done(id, await admin.SetRolesAsync(User, Target, roles));
    }

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await Done(id, await admin.SetActiveAsync(User, Target, active));
    }

    public async Task<IActionResult> OnPostInviteAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Target.PasswordHash is not null || !Target.IsActive) return await Done(id, "Users.RoleNotAllowed");
        // The link is shown to the caller: only admins may hold a staff account's first password.
        if (!User.IsInRole(Roles.Admin) && CurrentRoles.Any(r => Roles.Staff.Contains(r))) return Forbid();
        await invitations.SendAsync(this, Target);
        return Redirect($"/admin/users/{id}");
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // Officers may help owners and partners; only admins reset staff passwords.
        if (!User.IsInRole(Roles.Admin) && CurrentRoles.Any(r => Roles.Staff.Contains(r))) return Forbid();
        await invitations.SendResetAsync(this, Target);
        return Redirect($"/admin/users/{id}");
    }

    private async Task<IActionResult> Done(string id, string? errorKey)
    {
        if (errorKey is null) return Redirect($"/admin/users/{id}");
        Error = t[errorKey];
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await admin.FindAsync(User, id);
        if (user is null) return false;
        Target = user;
        CurrentRoles = await admin.RolesOfAsync(user);
        if (User.IsInRole(Roles.Admin))
            History = await audit.SearchAsync(User, new AuditQuery(EntityType: nameof(AppUser), EntityId: id, PageSize: 50));
        return true;
    }
}
