using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Catalog;

namespace Sentra.Web.Features.Public;

/// <summary>What a buyer sees after scanning the QR code on a package.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Catalog.CatalogCache.Policy)]
public sealed class VerifyModel(PublicCatalog catalog) : PageModel
{
    public string Code { get; private set; } = "";
    public PublicProduct? Product { get; private set; }
    public PublicBusiness? Business { get; private set; }

    public async Task OnGetAsync(string code)
    {
        Code = code.Length > 20 ? code[..20] : code;
        switch (Verification.Parse(code))
        {
            case ('p', var id):
                Product = await catalog.ProductAsync(id);
                break;
            case ('b', var id):
                Business = await catalog.BusinessAsync(id);
                break;
        }
        // An unknown code is a real answer for the buyer, but not a page that exists.
        if (Product is null && Business is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
