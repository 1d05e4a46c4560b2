using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

/// <summary>Records a permit: NIB, PIRT (parsed, expiry derived), BPOM MD, or a halal certificate with the products it covers.</summary>
[Authorize]
public sealed class PermitPageModel(BusinessService service, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public PermitInput Input { get; set; } = new() { Kind = PermitKind.Pirt };
    public BusinessDetail Business { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var business = (await service.GetAsync(User, Id)).Value;
        if (business is null) return NotFound();
        if (!business.CanEdit) return Forbid();
        Business = business;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var business = (await service.GetAsync(User, Id)).Value;
        if (business is null) return NotFound();
        Business = business;
        if (!ModelState.IsValid) return Page();
        var result = await service.AddPermitAsync(User, Id, Input);
        switch (result.Outcome)
        {
            case Outcome.Ok: return Redirect($"/registry/businesses/{Id}");
            case Outcome.Forbidden: return Forbid();
            case Outcome.NotFound: return NotFound();
            default:
                ModelState.AddErrors(result.Errors, t);
                return Page();
        }
    }
}
