using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sentra.Web.Features.Accounts;

namespace Sentra.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(AccountService accounts, UserManager<AppUser> users, IStringLocalizer<SharedResource> t, IOptions<AccountOptions> options) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Login")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await accounts.SignInAsync(Input.Login, Input.Password, Input.RememberMe, IdentityConstants.ApplicationScheme);
        switch (outcome)
        {
            case SignInOutcome.Success:
                if (Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl!);
                // Owners on their phones start at their own businesses.
                var user = await accounts.FindByLoginAsync(Input.Login);
                return LocalRedirect(user is not null && await users.IsInRoleAsync(user, Roles.Owner) ? "/my" : "/account");
            case SignInOutcome.LockedOut:
                Message = t["Login.LockedOut", options.Value.LockoutMinutes];
                break;
            case SignInOutcome.Disabled:
                Message = t["Login.Disabled"];
                break;
            default:
                Message = t["Login.InvalidCredentials"];
                break;
        }
        return Page();
    }
}
