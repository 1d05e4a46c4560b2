using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Infrastructure.Localization;

namespace Sentra.Web.Features.Public;

/// <summary>A product's public page, at <c>/produk/{name}-{id}</c> and <c>/en/products/{name}-{id}</c>.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Catalog.CatalogCache.Policy)]
public sealed class ProductModel(PublicCatalog catalog) : PageModel
{
    public PublicProduct Product { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (PublicCatalog.IdOf(key) is not { } id || await catalog.ProductAsync(id) is not { } product) return NotFound();
        // The name part may change with the product's name; old links move to the current one.
        if (key != product.Slug)
            return RedirectPermanent(Cultures.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture) ? $"/en/products/{product.Slug}" : $"/produk/{product.Slug}");
        Product = product;
        return Page();
    }
}
