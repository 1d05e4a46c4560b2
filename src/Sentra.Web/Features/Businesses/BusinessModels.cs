using System.ComponentModel.DataAnnotations;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Businesses;

/// <summary>What a person or program sends to create or change a business.</summary>
public sealed class BusinessInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.BusinessName")]
    public string Name { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Brand")]
    public string? Brand { get; set; }

    [Display(Name = "Field.LegalForm")]
    public LegalForm LegalForm { get; set; } = LegalForm.Individual;

    [StringLength(20, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Nib")]
    public string? Nib { get; set; }

    [Range(1900, 2100, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.YearStarted")]
    public int? YearStarted { get; set; }

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Street")]
    public string? Street { get; set; }

    [StringLength(3, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Rt")]
    public string? Rt { get; set; }

    [StringLength(3, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Rw")]
    public string? Rw { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.VillageCode")]
    public string VillageCode { get; set; } = "";

    [Range(-11.5, 6.5, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Latitude")]
    public double? Latitude { get; set; }

    [Range(94.5, 141.5, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Longitude")]
    public double? Longitude { get; set; }

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MainProductType")]
    public string? MainProductType { get; set; }

    [Display(Name = "Field.SalesChannels")]
    public List<SalesChannels> SalesChannels { get; set; } = [];

    [StringLength(30, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PublicWhatsApp")]
    public string? PublicWhatsApp { get; set; }

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.WebsiteUrl")]
    public string? WebsiteUrl { get; set; }

    [StringLength(300, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.MarketplaceUrl")]
    public string? MarketplaceUrl { get; set; }

    [Display(Name = "Field.KbliCodes")]
    public List<string> KbliCodes { get; set; } = [];

    [Display(Name = "Field.Clusters")]
    public List<int> ClusterIds { get; set; } = [];

    [Display(Name = "Field.OpeningHours")]
    public List<OpeningHoursInput> OpeningHours { get; set; } = [];

    /// <summary>The version the caller read; an update with an older one is refused with 409.</summary>
    public long Version { get; set; }
}

public sealed class OpeningHoursInput
{
    public DayOfWeek Day { get; set; }
    /// <summary>Local time in the sentra's time zone, <c>HH:mm</c>.</summary>
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

public sealed record BusinessQuery(
    string? Q = null,
    string? District = null,
    string? Village = null,
    int? Cluster = null,
    string? Kbli = null,
    IndustryClass? IndustryClass = null,
    EnterpriseClass? EnterpriseClass = null,
    BusinessStatus? Status = null,
    HalalStatus? Halal = null,
    bool PermitExpiring = false,
    bool? InCluster = null,
    string Sort = "name",
    bool Descending = false,
    int Page = 1,
    int PageSize = 25);

public sealed record BusinessListItem(
    int Id, string Name, string? Brand, string VillageCode, string? VillageName, string? DistrictName, BusinessStatus Status,
    IndustryClass IndustryClass, EnterpriseClass EnterpriseClass, IReadOnlyList<string> Kbli, IReadOnlyList<string> OwnerNames,
    int Products, bool IsDemo, DateTime UpdatedAt);

public sealed record ClusterRef(int Id, string Name);

/// <summary>An owner as shown: personal data masked. <see cref="Warnings"/> carries resource keys of things to check (not errors).</summary>
public sealed record OwnerView(int PersonId, string Name, string? NikMasked, Sex? Sex, string? PhoneMasked, bool HasAccount, bool IsPrimary,
    IReadOnlyList<string>? Warnings = null);

public sealed record PermitView(int Id, PermitKind Kind, string Number, DateOnly? IssuedOn, DateOnly? ExpiresOn, ExpiryState? State,
    bool HasDocument, IReadOnlyList<int> CoveredProductIds);

public sealed record ObservationView(int Id, int Year, int Half, ObservationSource Source, int PaidMale, int PaidFemale,
    int UnpaidMale, int UnpaidFemale, long? InvestmentRp, decimal? CapacityPerMonth, string? CapacityUnit, long? AnnualSalesRp, DateTime RecordedAt);

public sealed record ProductSummary(int Id, string Name, string Category, long PriceRp, HalalStatus HalalStatus, Availability Availability,
    bool IsPublic, int? PhotoId);

public sealed record BusinessDetail(
    int Id, string Name, string? Brand, LegalForm LegalForm, string? Nib, int? YearStarted, string? Street, string? Rt, string? Rw,
    string VillageCode, string? VillageName, string? DistrictName, string? CityName, double? Latitude, double? Longitude,
    string? MainProductType, SalesChannels SalesChannels, string? PublicWhatsApp, string? WebsiteUrl, string? MarketplaceUrl, BusinessStatus Status, DateTime? VerifiedAt,
    string? VerifiedBy, ClassificationResult? Classification, IReadOnlyList<string> Kbli, IReadOnlyList<ClusterRef> Clusters,
    IReadOnlyList<OpeningHoursInput> OpeningHours, IReadOnlyList<OwnerView> Owners, IReadOnlyList<PermitView> Permits,
    IReadOnlyList<ObservationView> Observations, IReadOnlyList<ProductSummary> Products, bool IsDemo, long Version,
    DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit, bool CanDecide,
    IReadOnlyList<PhotoView> Photos);
