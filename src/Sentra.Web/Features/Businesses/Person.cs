using Microsoft.AspNetCore.Identity;
using Sentra.Web.Features.Audit;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// A business owner. NIK, phone and e-mail are personal data (UU PDP 27/2022): stored encrypted,
/// with keyed hashes for matching and the last digits for masked display.
/// </summary>
public sealed class Person : IAuditable
{
    public int Id { get; set; }
    public required string Name { get; set; }
    [PersonalData] public string? NikCipher { get; set; }
    [NotAudited] public string? NikHash { get; set; }
    /// <summary>First four and last four digits, enough for the masked form <c>3276••••••••0123</c>.</summary>
    public string? NikMasked { get; set; }
    public Sex? Sex { get; set; }
    [PersonalData] public DateOnly? BirthDate { get; set; }
    [PersonalData] public string? PhoneCipher { get; set; }
    [NotAudited] public string? PhoneHash { get; set; }
    public string? PhoneLast4 { get; set; }
    [PersonalData] public string? WhatsAppCipher { get; set; }
    [PersonalData] public string? EmailCipher { get; set; }
    /// <summary>The person's sign-in account, at most one.</summary>
    public string? UserId { get; set; }
    /// <summary>Region of the office that registered the person (their village when known).</summary>
    public string? RegionCode { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<BusinessOwner> Businesses { get; set; } = [];

    string? IAuditable.AuditRegionCode => RegionCode;
}

public enum Sex
{
    Male = 1,
    Female = 2,
}
