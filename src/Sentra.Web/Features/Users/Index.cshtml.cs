using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Accounts;

namespace Sentra.Web.Features.Users;

public sealed class IndexModel(UserAdministration admin) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public UserPage Result { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync() => Result = await admin.ListAsync(User, Q, Role, PageNumber, 25);
}
