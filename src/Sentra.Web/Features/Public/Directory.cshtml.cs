using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Catalog;

namespace Sentra.Web.Features.Public;

/// <summary>Every sentra and public business, by sentra, filterable by sentra and district, with a map; a plain list without JavaScript.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Catalog.CatalogCache.Policy)]
public sealed class DirectoryModel(PublicDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Sentra { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }

    public PublicDirectory.Listing Listing { get; private set; } = null!;

    public async Task OnGetAsync() => Listing = await directory.ListAsync(Sentra?.Trim(), District?.Trim());
}
