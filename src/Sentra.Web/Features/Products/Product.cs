using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;

namespace Sentra.Web.Features.Products;

/// <summary>A product a business makes and sells. Halal support and the catalog hang off it.</summary>
public sealed class Product : IAuditable
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public Business? Business { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    /// <summary>Key of the configurable processed-food category list (e.g. <c>snacks</c>).</summary>
    public required string Category { get; set; }
    public string? KbliVersion { get; set; }
    public string? KbliCode { get; set; }
    /// <summary>Selling unit: pack, jar, box, piece…</summary>
    public required string Unit { get; set; }
    public decimal? NetQuantity { get; set; }
    /// <summary>g, kg, ml, l.</summary>
    public string? NetUnit { get; set; }
    /// <summary>Price in whole Rupiah.</summary>
    public long PriceRp { get; set; }
    public int? ShelfLifeDays { get; set; }
    public string? Packaging { get; set; }
    public string? Ingredients { get; set; }
    public string? IngredientsEn { get; set; }
    public string? Allergens { get; set; }
    public string? Storage { get; set; }
    /// <summary>The PIRT or BPOM MD permit the product is sold under.</summary>
    public int? PermitId { get; set; }
    public Permit? Permit { get; set; }
    public HalalStatus HalalStatus { get; set; } = HalalStatus.NotCertified;
    public Availability Availability { get; set; } = Availability.ReadyStock;
    public int? PreOrderLeadDays { get; set; }
    public bool IsPublic { get; set; }
    /// <summary>The business's village, copied so the audit trail and region scoping need no join.</summary>
    public string? VillageCode { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    [NotAudited]
    public long Version { get; set; }

    public List<Photo> Photos { get; set; } = [];
    public List<HalalCertificateProduct> HalalCertificates { get; set; } = [];

    string? IAuditable.AuditRegionCode => VillageCode;
}

public enum HalalStatus
{
    NotCertified = 1,
    InProcess = 2,
    Certified = 3,
}

public enum Availability
{
    ReadyStock = 1,
    PreOrder = 2,
    Seasonal = 3,
    Discontinued = 4,
}
