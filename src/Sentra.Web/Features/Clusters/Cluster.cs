using Sentra.Web.Features.Audit;

namespace Sentra.Web.Features.Clusters;

/// <summary>A sentra IKM: a place where at least 5 IKM make similar products (PP 29/2018).</summary>
public sealed class Cluster : IAuditable
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>URL-safe name for public pages (<c>pondok-petir</c>).</summary>
    public required string Slug { get; set; }
    public required string VillageCode { get; set; }
    public required string MainCommodity { get; set; }
    public string? MainCommodityEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    public DateOnly? StartDate { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>
    /// Partner sites allowed to embed this sentra's widget and read its feed from a browser: normalised
    /// origins (<c>https://godongijo.example</c>) separated by spaces, as in a CSP source list; see <see cref="EmbedOrigin"/>.
    /// </summary>
    public string? EmbedOrigins { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<ClusterMembership> Members { get; set; } = [];

    string? IAuditable.AuditRegionCode => VillageCode;
}

/// <summary>A business's membership of a sentra; a business may belong to more than one.</summary>
public sealed class ClusterMembership
{
    public int ClusterId { get; set; }
    public Cluster? Cluster { get; set; }
    public int BusinessId { get; set; }
    public Businesses.Business? Business { get; set; }
    public DateOnly? JoinedOn { get; set; }
}
