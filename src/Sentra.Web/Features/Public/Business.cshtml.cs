using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Infrastructure.Localization;

namespace Sentra.Web.Features.Public;

/// <summary>A business's public page, at <c>/usaha/{name}-{id}</c> and <c>/en/businesses/{name}-{id}</c>.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Catalog.CatalogCache.Policy)]
public sealed class BusinessModel(PublicCatalog catalog) : PageModel
{
    public PublicBusiness Business { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name, string? NameEn, long PriceRp, int? PhotoId)> Products { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key)
    {
        if (PublicCatalog.IdOf(key) is not { } id || await catalog.BusinessAsync(id) is not { } business) return NotFound();
        if (key != business.Slug)
            return RedirectPermanent(Cultures.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture) ? $"/en/businesses/{business.Slug}" : $"/usaha/{business.Slug}");
        Business = business;
        Products = await catalog.ProductsOfAsync(id);
        return Page();
    }
}
