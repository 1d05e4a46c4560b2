using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

/// <summary>Creates a business (staff, at /registry/businesses/new) or edits one (staff of the region, or its owner).</summary>
[Authorize]
public sealed class EditModel(BusinessService service, RegionChoices regions, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public BusinessInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Field.KbliCodes")]
    public string? KbliText { get; set; }

    [FromRoute] public int? Id { get; set; }
    public bool Conflict { get; private set; }
    public IReadOnlyList<VillageChoice> Villages { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Clusters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var result = await service.GetAsync(User, id);
            if (result.Value is not { } b) return NotFound();
            if (!b.CanEdit) return Forbid();
            Input = new BusinessInput
            {
                Name = b.Name, Brand = b.Brand, LegalForm = b.LegalForm, Nib = b.Nib, YearStarted = b.YearStarted, Street = b.Street,
                Rt = b.Rt, Rw = b.Rw, VillageCode = b.VillageCode, Latitude = b.Latitude, Longitude = b.Longitude,
                MainProductType = b.MainProductType, PublicWhatsApp = b.PublicWhatsApp, WebsiteUrl = b.WebsiteUrl, MarketplaceUrl = b.MarketplaceUrl,
                SalesChannels = Enum.GetValues<SalesChannels>().Where(c => c != SalesChannels.None && b.SalesChannels.HasFlag(c)).ToList(),
                KbliCodes = b.Kbli.ToList(), ClusterIds = b.Clusters.Select(c => c.Id).ToList(), OpeningHours = b.OpeningHours.ToList(), Version = b.Version,
            };
            KbliText = string.Join(", ", b.Kbli);
        }
        else if (!RegistryAccess.IsEditorStaff(User))
        {
            return Forbid();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.KbliCodes = (KbliText ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (!ModelState.IsValid)
        {
            // Show the registry's own checks too, on fields the form checks did not already flag.
            var domain = await service.ValidateAsync(User, Input, null);
            ModelState.AddErrors(domain.Where(e => ModelState[$"Input.{e.Field}"]?.Errors.Count is null or 0), t);
            await LoadAsync();
            return Page();
        }
        var result = Id is { } id ? await service.UpdateAsync(User, id, Input) : await service.CreateAsync(User, Input);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                return Redirect($"/registry/businesses/{result.Value!.Id}");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            case Outcome.Conflict:
                Conflict = true;
                break;
            default:
                ModelState.AddErrors(result.Errors, t);
                break;
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Villages = await regions.VillagesAsync(User, Input.VillageCode);
        Clusters = await regions.ClustersAsync(User);
        // One row per weekday, Monday first, keeping what was entered.
        var entered = Input.OpeningHours.ToDictionary(h => h.Day);
        Input.OpeningHours = Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7))
            .Select(d => entered.GetValueOrDefault(d) ?? new OpeningHoursInput { Day = d }).ToList();
    }
}
