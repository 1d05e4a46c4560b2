using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Offices;

namespace Sentra.Web.Features.Users;

public sealed class NewModel(UserAdministration admin, UserInvitations invitations, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public NewUser Input { get; set; } = new();
    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];
    public List<Office> Offices { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var (user, errors) = await admin.CreateAsync(User, Input);
        if (user is null)
        {
            foreach (var e in errors) ModelState.AddModelError($"Input.{e.Field}", t[e.MessageKey, t["Field." + e.Field]]);
            await LoadAsync();
            return Page();
        }
        await invitations.SendAsync(this, user);
        return Redirect($"/admin/users/{user.Id}");
    }

    private async Task LoadAsync()
    {
        AssignableRoles = UserAdministration.AssignableRoles(User);
        Offices = await admin.OfficesAsync(User);
    }
}
