using System.ComponentModel.DataAnnotations;

namespace Sentra.Web.Features.Products;

public sealed class ProductInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ProductName")]
    public string Name { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ProductNameEn")]
    public string? NameEn { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Category")]
    public string Category { get; set; } = "";

    [StringLength(8, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Kbli")]
    public string? KbliCode { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Unit")]
    public string Unit { get; set; } = "";

    [Range(0.01, 1_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.NetQuantity")]
    public decimal? NetQuantity { get; set; }

    [Display(Name = "Field.NetUnit")]
    public string? NetUnit { get; set; }

    [Range(0, 1_000_000_000, ErrorMessage = "Validation.NonNegative")]
    [Display(Name = "Field.PriceRp")]
    public long PriceRp { get; set; }

    [Range(1, 3650, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.ShelfLifeDays")]
    public int? ShelfLifeDays { get; set; }

    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Packaging")]
    public string? Packaging { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Ingredients")]
    public string? Ingredients { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.IngredientsEn")]
    public string? IngredientsEn { get; set; }

    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Allergens")]
    public string? Allergens { get; set; }

    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Storage")]
    public string? Storage { get; set; }

    /// <summary>The PIRT or BPOM MD permit (of the same business) the product is sold under.</summary>
    [Display(Name = "Field.SoldUnderPermit")]
    public int? PermitId { get; set; }

    /// <summary>Certified only with a halal certificate of the business covering the product (added as a permit).</summary>
    [Display(Name = "Field.HalalStatus")]
    public HalalStatus HalalStatus { get; set; } = HalalStatus.NotCertified;

    [Display(Name = "Field.Availability")]
    public Availability Availability { get; set; } = Availability.ReadyStock;

    [Range(1, 365, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.PreOrderLeadDays")]
    public int? PreOrderLeadDays { get; set; }

    [Display(Name = "Field.IsPublic")]
    public bool IsPublic { get; set; }

    public long Version { get; set; }
}

public sealed record ProductQuery(string? Q = null, int? Business = null, string? Category = null, HalalStatus? Halal = null,
    Availability? Availability = null, bool? IsPublic = null, string? District = null, string? Village = null, int Page = 1, int PageSize = 25);

public sealed record ProductListItem(int Id, int BusinessId, string BusinessName, string Name, string Category, long PriceRp,
    HalalStatus HalalStatus, Availability Availability, bool IsPublic, int? PhotoId, DateTime UpdatedAt);

public sealed record PhotoView(int Id, int Width, int Height, string? Caption);

public sealed record ProductDetail(int Id, int BusinessId, string BusinessName, string Name, string? NameEn, string? Description,
    string? DescriptionEn, string Category, string? KbliCode, string Unit, decimal? NetQuantity, string? NetUnit, long PriceRp,
    int? ShelfLifeDays, string? Packaging, string? Ingredients, string? IngredientsEn, string? Allergens, string? Storage,
    int? PermitId, string? PermitNumber, string? PermitKind, DateOnly? PermitExpiresOn, HalalStatus HalalStatus,
    IReadOnlyList<string> HalalCertificates, Availability Availability, int? PreOrderLeadDays, bool IsPublic,
    IReadOnlyList<PhotoView> Photos, long Version, DateTime UpdatedAt, bool CanEdit);
