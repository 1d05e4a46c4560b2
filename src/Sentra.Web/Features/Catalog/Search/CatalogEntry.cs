using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Catalog.Search;

/// <summary>
/// One public product, flattened for the catalog search: what a result shows and what the filters
/// need, in one row. Only products that <see cref="PublicCatalog"/> shows have an entry; the
/// database's full-text index (SQLite FTS5 table <c>catalog_fts</c>; PostgreSQL tsvectors in the
/// table <c>CatalogVectors</c>, filled by a trigger) is built over these rows by the migrations
/// <c>CatalogSearch</c> and <c>CatalogVectors</c>.
/// Entries are derived data: <see cref="CatalogIndex"/> rewrites them whenever a product, its
/// business or its photos change.
/// </summary>
public sealed class CatalogEntry
{
    public int ProductId { get; set; }
    public int BusinessId { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string BusinessName { get; set; }
    public required string Category { get; set; }
    public long PriceRp { get; set; }
    public HalalStatus HalalStatus { get; set; }
    public Availability Availability { get; set; }
    public required string VillageCode { get; set; }
    public required string DistrictCode { get; set; }
    public int? PhotoId { get; set; }
    /// <summary>Descriptions in both languages, category names, business brand and place names.</summary>
    public required string SearchText { get; set; }
    /// <summary><see cref="CatalogFacets"/> tokens: the filter values, read into the <see cref="CatalogTable"/> (not full-text indexed).</summary>
    public required string Facets { get; set; }
    /// <summary>The name as sorted (<see cref="CatalogFacets.NameKey"/>).</summary>
    public required string NameKey { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>The business's opening hours (<see cref="WeeklyHours"/>), local times in <see cref="TimeZone"/>.</summary>
    public string? Hours { get; set; }
    public required string TimeZone { get; set; }
}
