using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

/// <summary>Adds an owner (office staff) or corrects an owner's details (staff or the owner). Personal data is never echoed back in clear.</summary>
[Authorize]
public sealed class OwnerModel(BusinessService service, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public string PersonId { get; set; } = "new";
    [BindProperty] public OwnerInput Input { get; set; } = new();
    public bool IsNew => PersonId == "new";
    public string BusinessName { get; private set; } = "";
    public string? NikMasked { get; private set; }
    public string? PhoneMasked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var load = await LoadAsync();
        if (load is not null) return load;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var load = await LoadAsync();
        if (load is not null) return load;
        if (!ModelState.IsValid) return Page();
        var result = IsNew ? await service.AddOwnerAsync(User, Id, Input) : await service.UpdateOwnerAsync(User, Id, int.Parse(PersonId, System.Globalization.CultureInfo.InvariantCulture), Input);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                if (result.Value!.Warnings is { Count: > 0 }) TempData["BusinessMessage"] = "Registry.NikUnknownDistrictSaved";
                return Redirect($"/registry/businesses/{Id}");
            case Outcome.NotFound: return NotFound();
            case Outcome.Forbidden: return Forbid();
            default:
                ModelState.AddErrors(result.Errors, t);
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var business = (await service.GetAsync(User, Id)).Value;
        if (business is null) return NotFound();
        if (!business.CanEdit || (IsNew && !business.CanDecide)) return Forbid();
        BusinessName = business.Name;
        if (!IsNew)
        {
            if (!int.TryParse(PersonId, out var personId)) return NotFound();
            var owner = business.Owners.FirstOrDefault(o => o.PersonId == personId);
            if (owner is null) return NotFound();
            NikMasked = owner.NikMasked;
            PhoneMasked = owner.PhoneMasked;
            if (Request.Method == "GET") Input = new OwnerInput { Name = owner.Name, Sex = owner.Sex, IsPrimary = owner.IsPrimary };
        }
        return null;
    }
}
