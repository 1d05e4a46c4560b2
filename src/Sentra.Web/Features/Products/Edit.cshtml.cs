using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Infrastructure.Localization;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Products;

/// <summary>Creates or edits a product, with its photos; for office staff and for the business's own owners.</summary>
[Authorize]
public sealed class EditModel(ProductService products, BusinessService businesses, ProductCategories categories, Audit.AuditTrail audit,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "business")] public int BusinessId { get; set; }
    [BindProperty] public ProductInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    public string BusinessName { get; private set; } = "";
    public IReadOnlyList<ProductCategory> Categories => categories.All;
    public IReadOnlyList<(int Id, string Label)> Permits { get; private set; } = [];
    public IReadOnlyList<PhotoView> Photos { get; private set; } = [];
    public bool Conflict { get; private set; }
    public bool Saved { get; private set; }
    public Audit.AuditPage? History { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var p = (await products.GetAsync(User, id)).Value;
            if (p is null) return NotFound();
            if (!p.CanEdit) return Forbid();
            BusinessId = p.BusinessId;
            Input = new ProductInput
            {
                Name = p.Name, NameEn = p.NameEn, Description = p.Description, DescriptionEn = p.DescriptionEn, Category = p.Category,
                KbliCode = p.KbliCode, Unit = p.Unit, NetQuantity = p.NetQuantity, NetUnit = p.NetUnit, PriceRp = p.PriceRp,
                ShelfLifeDays = p.ShelfLifeDays, Packaging = p.Packaging, Ingredients = p.Ingredients, IngredientsEn = p.IngredientsEn,
                Allergens = p.Allergens, Storage = p.Storage, PermitId = p.PermitId, HalalStatus = p.HalalStatus, Availability = p.Availability,
                PreOrderLeadDays = p.PreOrderLeadDays, IsPublic = p.IsPublic, Version = p.Version,
            };
            Saved = Request.Query.ContainsKey("saved");
        }
        return await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Id is { } existing && (await products.GetAsync(User, existing)).Value is { } current) BusinessId = current.BusinessId;
        if (await LoadAsync() is { } problem) return problem;
        if (!ModelState.IsValid) return Page();
        var result = Id is { } id ? await products.UpdateAsync(User, id, Input) : await products.CreateAsync(User, BusinessId, Input);
        switch (result.Outcome)
        {
            case Outcome.Ok: return Redirect($"/registry/products/{result.Value!.Id}/edit?saved=1");
            case Outcome.NotFound: return NotFound();
            case Outcome.Forbidden: return Forbid();
            case Outcome.Conflict: Conflict = true; return Page();
            default:
                ModelState.AddErrors(result.Errors, t);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostPhotoAsync()
    {
        if (Id is not { } id) return NotFound();
        var product = (await products.GetAsync(User, id)).Value;
        if (product is null) return NotFound();
        ModelState.Clear();
        if (Photo is null || Photo.Length == 0)
        {
            ModelState.AddModelError(nameof(Photo), t["Upload.NoFile"]);
        }
        else
        {
            await using var stream = Photo.OpenReadStream();
            var result = await products.AddPhotoAsync(User, id, stream);
            if (result.Outcome == Outcome.Forbidden) return Forbid();
            if (result.Outcome == Outcome.Ok) return Redirect($"/registry/products/{id}/edit");
            foreach (var e in result.Errors) ModelState.AddModelError(nameof(Photo), e.Message(t));
        }
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(int photoId)
    {
        if (Id is not { } id) return NotFound();
        var result = await products.RemovePhotoAsync(User, id, photoId);
        return result.Outcome switch
        {
            Outcome.Forbidden => Forbid(),
            Outcome.NotFound => NotFound(),
            _ => Redirect($"/registry/products/{id}/edit"),
        };
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (Id is not { } id) return NotFound();
        var product = (await products.GetAsync(User, id)).Value;
        if (product is null) return NotFound();
        var result = await products.DeleteAsync(User, id);
        return result.Outcome == Outcome.Forbidden ? Forbid() : Redirect($"/registry/businesses/{product.BusinessId}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var business = (await businesses.GetAsync(User, BusinessId)).Value;
        if (business is null) return NotFound();
        if (!business.CanEdit) return Forbid();
        BusinessName = business.Name;
        Permits = business.Permits.Where(p => p.Kind is PermitKind.Pirt or PermitKind.BpomMd)
            .Select(p => (p.Id, $"{t.Label(p.Kind)} {p.Number}")).ToList();
        if (Id is { } id)
        {
            Photos = (await products.GetAsync(User, id)).Value?.Photos ?? [];
            if (RegistryAccess.IsStaff(User))
                History = await audit.HistoryAsync(User, [(nameof(Product), id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
        return null;
    }
}
