using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

/// <summary>Records workforce, investment, capacity and sales for a period; classification follows.</summary>
[Authorize]
public sealed class ObservationModel(BusinessService service, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public ObservationInput Input { get; set; } = new();
    public string BusinessName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var business = (await service.GetAsync(User, Id)).Value;
        if (business is null) return NotFound();
        if (!business.CanEdit) return Forbid();
        BusinessName = business.Name;
        Input.Year = service.Today.Year - 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var business = (await service.GetAsync(User, Id)).Value;
        if (business is null) return NotFound();
        BusinessName = business.Name;
        if (!ModelState.IsValid) return Page();
        var result = await service.AddObservationAsync(User, Id, Input);
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
