using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Infrastructure;
using Sentra.Web.Infrastructure.Email;

namespace Sentra.Web.Features.Account;

/// <summary>
/// Sends a reset link to accounts with an e-mail address. Owners who sign in by phone ask their
/// officer, who shares a reset link by WhatsApp from the user page. The answer never says whether
/// the account exists.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(AccountService accounts, IEmailSender email, IStringLocalizer<SharedResource> t,
    IOptions<SentraOptions> options) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Login")]
        public string Login { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await accounts.FindByLoginAsync(Input.Login);
        if (user is { IsActive: true, Email: not null, PasswordHash: not null })
        {
            var token = await accounts.ResetTokenAsync(user);
            var link = AccountService.ResetUrl(options.Value.PublicBaseUrl ?? $"{Request.Scheme}://{Request.Host}", user.Id, token);
            await email.SendAsync(user.Email, t["Forgot.MailSubject"], t["Forgot.MailBody", user.DisplayName, link]);
        }
        Sent = true;
        return Page();
    }
}
