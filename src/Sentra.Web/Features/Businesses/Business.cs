using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// An IKM unit: Sentra's central record. Training, halal support, promotion and evaluation hang
/// off it by <see cref="Id"/>. Businesses outside any sentra are registered too: they are the
/// comparison group for evaluation.
/// </summary>
public sealed class Business : IAuditable
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Brand { get; set; }
    public LegalForm LegalForm { get; set; } = LegalForm.Individual;
    /// <summary>Nomor Induk Berusaha, 13 digits (OSS-RBA).</summary>
    public string? Nib { get; set; }
    public int? YearStarted { get; set; }

    public string? Street { get; set; }
    public string? Rt { get; set; }
    public string? Rw { get; set; }
    /// <summary>Kemendagri village code (<c>32.76.11.1004</c>); the region the record belongs to.</summary>
    public required string VillageCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public string? MainProductType { get; set; }
    public SalesChannels SalesChannels { get; set; }
    /// <summary>A WhatsApp number the owner chose to publish for buyers (+62…); not personal data once published.</summary>
    public string? PublicWhatsApp { get; set; }
    /// <summary>The business's website or social media page (absolute http/https URL).</summary>
    public string? WebsiteUrl { get; set; }
    /// <summary>Its shop on a marketplace (Tokopedia, Shopee…).</summary>
    public string? MarketplaceUrl { get; set; }

    /// <summary>Computed from the latest observation by the classification rules, never typed.</summary>
    public Rules.IndustryClass IndustryClass { get; set; }
    public Rules.EnterpriseClass EnterpriseClass { get; set; }
    public Rules.EnterpriseBasis EnterpriseBasis { get; set; }
    /// <summary>Which rules (and versions) the classes were judged by, e.g. "Permenperin 64/2016; PP 7/2021".</summary>
    public string? ClassificationRule { get; set; }

    public BusinessStatus Status { get; set; } = BusinessStatus.Draft;
    public DateTime? VerifiedAt { get; set; }
    public string? VerifiedById { get; set; }

    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    [NotAudited]
    public long Version { get; set; }

    public List<BusinessOwner> Owners { get; set; } = [];
    public List<BusinessKbli> KbliCodes { get; set; } = [];
    public List<BusinessObservation> Observations { get; set; } = [];
    public List<OpeningHours> OpeningHours { get; set; } = [];
    public List<ClusterMembership> Clusters { get; set; } = [];
    public List<Product> Products { get; set; } = [];
    public List<Permit> Permits { get; set; } = [];
    public List<Photo> Photos { get; set; } = [];

    string? IAuditable.AuditRegionCode => VillageCode;
}

public enum LegalForm
{
    Individual = 1,
    Cv = 2,
    Pt = 3,
    PtPerorangan = 4,
    Cooperative = 5,
}

public enum BusinessStatus
{
    Draft = 1,
    Verified = 2,
    NeedsReverification = 3,
    Inactive = 4,
}

[Flags]
public enum SalesChannels
{
    None = 0,
    OwnShop = 1,
    SentraOutlet = 2,
    Resellers = 4,
    Marketplaces = 8,
    SocialMedia = 16,
    Export = 32,
}

/// <summary>A KBLI code a business works under, with the KBLI version it was chosen from.</summary>
public sealed class BusinessKbli
{
    public int BusinessId { get; set; }
    public required string KbliVersion { get; set; }
    public required string KbliCode { get; set; }
    public bool IsPrimary { get; set; }
}

/// <summary>A person's role in a business: several people may run one business, and one person several.</summary>
public sealed class BusinessOwner
{
    public int BusinessId { get; set; }
    public Business? Business { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public bool IsPrimary { get; set; }
}

/// <summary>Opening hours for one weekday, as local time in the sentra's time zone.</summary>
public sealed class OpeningHours
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}
