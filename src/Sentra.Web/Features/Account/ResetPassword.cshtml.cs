using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Accounts;

namespace Sentra.Web.Features.Account;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        var result = user is null || Code is null
            ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, Code, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken")) ModelState.AddModelError("", t["Reset.InvalidLink"]);
            else IdentityErrors.AddTo(ModelState, result, "Input.NewPassword", t);
            return Page();
        }
        if (user!.LockoutEnd is not null) await users.SetLockoutEndDateAsync(user, null);
        TempData["LoginMessage"] = "Reset.Done";
        return Redirect("/account/login");
    }
}
