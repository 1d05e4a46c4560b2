namespace Sentra.Web.Features.Offices;

/// <summary>
/// A trade and industry office (Disdagin). Its region code bounds what its staff see and change:
/// a city (<c>32.76</c>), a province (<c>32</c>) or the whole country (empty).
/// </summary>
public sealed class Office
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string RegionCode { get; set; } = "";
    /// <summary>IANA time zone for local times such as opening hours (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
    public bool IsDemo { get; set; }
}
