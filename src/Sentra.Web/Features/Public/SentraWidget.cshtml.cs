using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Infrastructure;

namespace Sentra.Web.Features.Public;

/// <summary>
/// The widget partner sites frame (<c>/embed/sentra/{slug}</c>): a sentra's featured products in plain HTML
/// with its own small stylesheet and no script. Only the site itself and the origins the office lists may frame it.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Catalog.CatalogCache.Policy)]
public sealed class SentraWidgetModel(PartnerShowcase showcase) : PageModel
{
    public SentraFeed Feed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await showcase.FindAsync(slug, Request) is not { } found) return NotFound();
        SecurityHeadersMiddleware.AllowFramingBy(Response, found.Origins);
        Feed = found.Feed;
        return Page();
    }
}
