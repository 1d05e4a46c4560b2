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

    /// <summary>Stores a checked NIK: encrypted, keyed hash for matching, first and last four digits for masked display.</summary>
    public void SetNik(string nik, Infrastructure.PersonalData.PersonalDataProtector protector)
    {
        NikCipher = protector.Encrypt(nik);
        NikHash = protector.Hash(nik);
        NikMasked = nik[..4] + nik[^4..];
    }

    /// <summary>Stores a normalised (+62…) phone number: encrypted, keyed hash, last four digits.</summary>
    public void SetPhone(string e164, Infrastructure.PersonalData.PersonalDataProtector protector)
    {
        PhoneCipher = protector.Encrypt(e164);
        PhoneHash = protector.Hash(e164);
        PhoneLast4 = e164[^4..];
    }

    /// <summary>The NIK as shown to those who may not reveal it: <c>3276••••••••0123</c>.</summary>
    public static string? MaskedNik(string? stored) =>
        stored is { Length: 8 } m ? m[..4] + new string(Infrastructure.PersonalData.Masking.Dot, 8) + m[4..] : null;
}

public enum Sex
{
    Male = 1,
    Female = 2,
}
