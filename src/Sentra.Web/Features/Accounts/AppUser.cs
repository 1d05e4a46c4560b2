using Microsoft.AspNetCore.Identity;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Offices;

namespace Sentra.Web.Features.Accounts;

/// <summary>
/// A person who signs in. Staff (Admin, Officer, Leader) act for their office's region; owners
/// and partners were invited by an office. <see cref="IdentityUser.UserName"/> is an opaque handle:
/// people sign in with their e-mail or, since many owners have none, their phone number, which is
/// kept encrypted with a keyed hash for look-up.
/// </summary>
public sealed class AppUser : IdentityUser, IAuditable
{
    public required string DisplayName { get; set; }
    public int? OfficeId { get; set; }
    public Office? Office { get; set; }
    /// <summary>The office's region at the time the account was made; scopes what the user may see.</summary>
    public string RegionCode { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// <summary>Phone number in +62 form, encrypted (UU PDP 27/2022).</summary>
    [PersonalData]
    public string? PhoneCipher { get; set; }
    /// <summary>Keyed hash of the normalised phone number, for sign-in look-up.</summary>
    [NotAudited]
    public string? PhoneHash { get; set; }
    /// <summary>Last four digits, for masked display (<c>+62••••••7890</c>).</summary>
    public string? PhoneLast4 { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set while an invitation is open: the account has no password yet.</summary>
    public DateTime? InvitedAt { get; set; }
    public bool IsDemo { get; set; }

    string? IAuditable.AuditRegionCode => RegionCode;
}

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Officer = nameof(Officer);
    public const string Leader = nameof(Leader);
    public const string Owner = nameof(Owner);
    public const string Partner = nameof(Partner);

    public static readonly IReadOnlyList<string> All = [Admin, Officer, Leader, Owner, Partner];
    public static readonly IReadOnlyList<string> Staff = [Admin, Officer, Leader];
    /// <summary>Roles an officer may give when inviting; admins may give any role.</summary>
    public static readonly IReadOnlyList<string> InvitableByOfficer = [Owner, Partner];
}

public static class Policies
{
    /// <summary>Admins manage users and read the audit trail.</summary>
    public const string Admin = "Admin";
    /// <summary>Office staff who change records: admins and officers.</summary>
    public const string Editor = "Editor";
    /// <summary>Office staff who read everything in their region: admins, officers and leaders.</summary>
    public const string Staff = "Staff";
    /// <summary>Admins and officers create accounts and invite owners and partners.</summary>
    public const string Inviter = "Inviter";
}

public static class SentraClaims
{
    /// <summary>The region code the signed-in user's office covers ("" for the whole country).</summary>
    public const string Region = "sentra:region";
    public const string OfficeId = "sentra:office";
    public const string DisplayName = "sentra:name";
}
