using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Accounts;

namespace Sentra.Web.Features.Account;

/// <summary>An invited owner or partner sets their own password with the one-time link, then is signed in.</summary>
[AllowAnonymous]
public sealed class InvitationModel(AccountService accounts, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public NewPasswordInput Input { get; set; } = new();
    public AppUser? Invited { get; private set; }

    public async Task OnGetAsync() => Invited = await accounts.FindInvitedAsync(UserId, Code);

    public async Task<IActionResult> OnPostAsync()
    {
        Invited = await accounts.FindInvitedAsync(UserId, Code);
        if (Invited is null || !ModelState.IsValid) return Page();
        var result = await accounts.AcceptInvitationAsync(Invited, Code!, Input.NewPassword);
        if (!result.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, result, "Input.NewPassword", t);
            return Page();
        }
        await signIn.SignInAsync(Invited, isPersistent: false);
        TempData["Message"] = "Invitation.Done";
        return Redirect("/account");
    }
}
