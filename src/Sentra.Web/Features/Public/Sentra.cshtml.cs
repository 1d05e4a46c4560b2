using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Catalog;

namespace Sentra.Web.Features.Public;

/// <summary>A sentra's home for visitors: what it is, how to get there, its businesses (open now first) and featured products.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Catalog.CatalogCache.Policy)]
public sealed class SentraModel(PublicCatalog catalog) : PageModel
{
    public PublicCatalog.SentraHome Home { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await catalog.SentraAsync(slug) is not { } home) return NotFound();
        Home = home;
        return Page();
    }
}
