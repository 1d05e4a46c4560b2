using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Infrastructure;
using Sentra.Web.Infrastructure.Email;

namespace Sentra.Web.Features.Users;

/// <summary>
/// Delivers one-time links: by e-mail when the person has an address, and always as a link the
/// officer can share through WhatsApp (<c>wa.me</c>), since many owners have no e-mail. The link is
/// shown once, right after it is made; it is never stored.
/// </summary>
public sealed class UserInvitations(AccountService accounts, IEmailSender email, IStringLocalizer<SharedResource> t, IOptions<SentraOptions> options)
{
    public const string LinkKey = "InvitationLink";
    public const string WhatsAppKey = "InvitationWhatsApp";
    public const string EmailedKey = "InvitationEmailed";

    public async Task SendAsync(PageModel page, AppUser user)
    {
        var token = await accounts.InvitationTokenAsync(user);
        var link = AccountService.InvitationUrl(BaseUrl(page), user.Id, token);
        var text = t["Invitation.Message", user.DisplayName, link].Value;
        await DeliverAsync(page, user, link, t["Invitation.MailSubject"], text);
    }

    public async Task SendResetAsync(PageModel page, AppUser user)
    {
        var token = await accounts.ResetTokenAsync(user);
        var link = AccountService.ResetUrl(BaseUrl(page), user.Id, token);
        var text = t["Forgot.MailBody", user.DisplayName, link].Value;
        await DeliverAsync(page, user, link, t["Forgot.MailSubject"], text);
    }

    private async Task DeliverAsync(PageModel page, AppUser user, string link, string subject, string text)
    {
        if (user.Email is not null)
        {
            await email.SendAsync(user.Email, subject, text);
            page.TempData[EmailedKey] = user.Email;
        }
        page.TempData[LinkKey] = link;
        if (accounts.RevealPhone(user) is { } phone) page.TempData[WhatsAppKey] = AccountService.WhatsAppUrl(phone, text);
    }

    private string BaseUrl(PageModel page) => options.Value.PublicBaseUrl ?? $"{page.Request.Scheme}://{page.Request.Host}";
}
