using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Clusters;

/// <summary>Creates a sentra (at /registry/clusters/new), changes or deletes one; admins and officers of the region only.</summary>
[Authorize(Policy = Accounts.Policies.Editor)]
public sealed class EditModel(ClusterService service, RegionChoices regions, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ClusterInput Input { get; set; } = new();
    /// <summary>The partner sites as typed, one a line; becomes <see cref="ClusterInput.EmbedOrigins"/>.</summary>
    [BindProperty] public string? EmbedOriginsText { get; set; }
    [FromRoute] public int? Id { get; set; }

    /// <summary>The stored sentra when editing, for its members and the delete button.</summary>
    public ClusterDetail? Cluster { get; private set; }
    public IReadOnlyList<VillageChoice> Villages { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var result = await service.GetAsync(User, id);
            if (result.Value is not { } c) return NotFound();
            if (!c.CanEdit) return Forbid();
            Input = new ClusterInput
            {
                Name = c.Name, Slug = c.Slug, VillageCode = c.VillageCode, MainCommodity = c.MainCommodity, MainCommodityEn = c.MainCommodityEn,
                Description = c.Description, DescriptionEn = c.DescriptionEn, StartDate = c.StartDate, Latitude = c.Latitude, Longitude = c.Longitude,
                EmbedOrigins = [.. c.EmbedOrigins],
            };
            EmbedOriginsText = string.Join('\n', c.EmbedOrigins);
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The form always sends the list: an emptied box removes every partner site.
        Input.EmbedOrigins = EmbedOrigin.Lines(EmbedOriginsText);
        if (!ModelState.IsValid)
        {
            // Show the service's own checks too, on fields the form checks did not already flag.
            var domain = await service.ValidateAsync(User, Input, Id);
            AddErrors(domain.Where(e => ModelState[$"Input.{e.Field}"]?.Errors.Count is null or 0));
            return await LoadAsync() ? Page() : NotFound();
        }
        var result = Id is { } id ? await service.UpdateAsync(User, id, Input) : await service.CreateAsync(User, Input);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                Message = t["Common.Saved"];
                return Redirect("/registry/clusters");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                AddErrors(result.Errors);
                return await LoadAsync() ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id) return NotFound();
        // The delete button posts no fields: what was bound into Input is not the user's input.
        ModelState.Clear();
        var result = await service.DeleteAsync(User, id);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                Message = t["Clusters.Deleted"];
                return Redirect("/registry/clusters");
            case Outcome.NotFound:
                return NotFound();
            case Outcome.Forbidden:
                return Forbid();
            default:
                var response = await OnGetAsync();
                AddErrors(result.Errors);
                return response;
        }
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
            ModelState.AddModelError(e.Field == nameof(ClusterDetail.Members) ? e.Field : "Input." + e.Field, ClusterInput.Message(e, t));
    }

    private async Task<bool> LoadAsync()
    {
        if (Id is { } id)
        {
            Cluster = (await service.GetAsync(User, id)).Value;
            if (Cluster is null) return false;
        }
        Villages = await regions.VillagesAsync(User, Input.VillageCode);
        return true;
    }
}
