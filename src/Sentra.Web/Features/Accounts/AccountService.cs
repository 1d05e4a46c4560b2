using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Web.Features.Accounts;

public enum SignInOutcome
{
    Success,
    /// <summary>Unknown login or wrong password: one generic message, no hint which.</summary>
    Failed,
    LockedOut,
    Disabled,
}

/// <summary>Sign-in by e-mail or phone number, invitations and password resets, for pages and the API alike.</summary>
public sealed class AccountService(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    PersonalDataProtector protector)
{
    /// <summary>Finds the account for what a person typed in the login field: an e-mail address or a phone number.</summary>
    public async Task<AppUser?> FindByLoginAsync(string? login)
    {
        if (string.IsNullOrWhiteSpace(login)) return null;
        login = login.Trim();
        if (login.Contains('@', StringComparison.Ordinal)) return await users.FindByEmailAsync(login);
        if (!IndonesianPhone.TryNormalize(login, out var phone)) return null;
        var hash = protector.Hash(phone);
        return await db.Users.FirstOrDefaultAsync(u => u.PhoneHash == hash);
    }

    /// <summary>Checks the password and signs in with <paramref name="scheme"/> (cookie or bearer token).</summary>
    public async Task<SignInOutcome> SignInAsync(string? login, string? password, bool persistent, string scheme)
    {
        var user = await FindByLoginAsync(login);
        if (user is null || string.IsNullOrEmpty(password))
        {
            // Spend comparable time on unknown logins so timing does not tell which exist.
            users.PasswordHasher.VerifyHashedPassword(new AppUser { DisplayName = "" }, DummyHash, password ?? "");
            return SignInOutcome.Failed;
        }
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
        if (result.Succeeded) return SignInOutcome.Success;
        if (result.IsLockedOut) return SignInOutcome.LockedOut;
        // Only someone who knows the password learns that the account is disabled.
        if (result.IsNotAllowed && user.PasswordHash is not null && await users.CheckPasswordAsync(user, password))
            return SignInOutcome.Disabled;
        return SignInOutcome.Failed;
    }

    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser { DisplayName = "" }, Guid.NewGuid().ToString());

    public async Task<string> InvitationTokenAsync(AppUser user) =>
        await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose);

    /// <summary>Builds the one-time link with which an invited person sets their password.</summary>
    public static string InvitationUrl(string baseUrl, string userId, string token) =>
        $"{baseUrl.TrimEnd('/')}/account/invitation?user={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}";

    public static string ResetUrl(string baseUrl, string userId, string token) =>
        $"{baseUrl.TrimEnd('/')}/account/reset-password?user={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(token)}";

    /// <summary>A <c>wa.me</c> link that opens WhatsApp with the message typed for the recipient.</summary>
    public static string WhatsAppUrl(string e164Phone, string message) =>
        $"https://wa.me/{e164Phone.TrimStart('+')}?text={Uri.EscapeDataString(message)}";

    public async Task<AppUser?> FindInvitedAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return null;
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.PasswordHash is not null || !user.IsActive) return null;
        return await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose, code) ? user : null;
    }

    /// <summary>Sets the first password from an invitation; the token dies with the security stamp it carried.</summary>
    public async Task<IdentityResult> AcceptInvitationAsync(AppUser user, string code, string password)
    {
        if (!await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose, code))
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "InvalidToken" });
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return result;
        user.InvitedAt = null;
        user.EmailConfirmed = user.Email is not null;
        await users.UpdateSecurityStampAsync(user);
        return await users.UpdateAsync(user);
    }

    public async Task<string> ResetTokenAsync(AppUser user) => await users.GeneratePasswordResetTokenAsync(user);

    public void SetPhone(AppUser user, string? e164)
    {
        user.PhoneCipher = e164 is null ? null : protector.Encrypt(e164);
        user.PhoneHash = e164 is null ? null : protector.Hash(e164);
        user.PhoneLast4 = e164?[^4..];
    }

    public string? RevealPhone(AppUser user) => user.PhoneCipher is null ? null : protector.Decrypt(user.PhoneCipher);

    public static string NewUserName() => "u" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..20];
}
