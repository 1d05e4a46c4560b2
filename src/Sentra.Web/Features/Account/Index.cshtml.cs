using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Features.Accounts;

namespace Sentra.Web.Features.Account;

[Authorize]
public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public AppUser Me { get; private set; } = null!;
    public IList<string> RoleNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var id = User.UserId();
        var me = await users.Users.Include(u => u.Office).FirstOrDefaultAsync(u => u.Id == id);
        if (me is null) return Challenge();
        Me = me;
        RoleNames = await users.GetRolesAsync(me);
        return Page();
    }
}
