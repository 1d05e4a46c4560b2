using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// A permit or certificate a business holds: NIB, PIRT (SPP-IRT, one per product), BPOM MD, or a
/// halal certificate covering some of its products. The expiry is derived by the rules in
/// <c>Rules/</c> where the law fixes it (PIRT, BPOM); halal certificates carry the date printed on them.
/// </summary>
public sealed class Permit : IAuditable
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public Business? Business { get; set; }
    public PermitKind Kind { get; set; }
    public required string Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    /// <summary>The scanned permit (PDF, JPEG or PNG), checked by content.</summary>
    public Guid? DocumentFileId { get; set; }
    public string? VillageCode { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>For halal certificates: the products it covers.</summary>
    public List<HalalCertificateProduct> CoveredProducts { get; set; } = [];

    string? IAuditable.AuditRegionCode => VillageCode;
}

public enum PermitKind
{
    Nib = 1,
    Pirt = 2,
    BpomMd = 3,
    Halal = 4,
}

public sealed class HalalCertificateProduct
{
    public int PermitId { get; set; }
    public Permit? Permit { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
}
