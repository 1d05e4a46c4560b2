using Sentra.Web.Features.Catalog.Search;
using Sentra.Web.Features.Products;

namespace Sentra.Tests.Catalog;

/// <summary>Filter tokens and name keys: stable and plain letters and digits.</summary>
public sealed class CatalogFacetsTests
{
    [Fact]
    public void Name_keys_drop_case_diacritics_spaces_and_signs()
    {
        Assert.Equal("keripiksingkongbalado250g", CatalogFacets.NameKey("Keripik Singkong Balado 250 g"));
        Assert.Equal("cafekopitubruk", CatalogFacets.NameKey("Café “Kopi” Tubruk!"));
        Assert.Equal("", CatalogFacets.NameKey("🍌 —"));
        Assert.Equal(100, CatalogFacets.NameKey(new string('a', 500)).Length);
    }

    [Fact]
    public void Every_entry_carries_one_token_per_filter_value()
    {
        var facets = CatalogFacets.Of("frozen-food", HalalStatus.Certified, "32.76.11", [3, 12, 3], Availability.PreOrder);
        var tokens = facets.Split(' ');
        Assert.Equal(["zcfrozenfood0", "zd3276110", "za2", "zh1", "zs3", "zs12"], tokens);
        Assert.All(tokens, t => Assert.Matches("^[a-z0-9]+$", t));
        // No halal certificate, no sentra: no such tokens.
        Assert.DoesNotContain("zh1", CatalogFacets.Of("snacks", HalalStatus.InProcess, "32.76.11", [], Availability.ReadyStock));
        // Tokens of any category key stay single tokens.
        Assert.Equal("zcsnacks0", CatalogFacets.Category("Snacks!"));
    }
}
