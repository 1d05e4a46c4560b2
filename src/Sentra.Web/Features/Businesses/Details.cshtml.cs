using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Users;
using Sentra.Web.Infrastructure.PersonalData;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

[Authorize]
public sealed class DetailsModel(BusinessService service, AuditTrail audit, AppDbContext db, UserAdministration users,
    UserInvitations invitations, PersonalDataProtector protector, IStringLocalizer<SharedResource> t) : PageModel
{
    public BusinessDetail Business { get; private set; } = null!;
    public AuditPage History { get; private set; } = new([], 0, 1, 50);
    public Dictionary<string, string> KbliTitles { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? RevealedNik { get; private set; }
    public int? RevealedFor { get; private set; }
    public bool CanReveal => RegistryAccess.CanRevealPersonalData(User, Business.VillageCode);
    public bool CanInvite => Business.CanDecide;
    /// <summary>The permit whose document upload was refused, and why (shown next to that permit's file field).</summary>
    public int? DocumentErrorFor { get; private set; }
    public string? DocumentError { get; private set; }
    /// <summary>Why a photo of the business was refused (shown next to the photo field).</summary>
    public string? PhotoError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (TempData["BusinessMessage"] is string key) Message = t[key].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(int id, long version) => await DecideAsync(id, await service.VerifyAsync(User, id, version), "Registry.Verified");
    public async Task<IActionResult> OnPostDeactivateAsync(int id, long version) => await DecideAsync(id, await service.DeactivateAsync(User, id, version), "Registry.Deactivated");
    public async Task<IActionResult> OnPostReactivateAsync(int id, long version) => await DecideAsync(id, await service.ReactivateAsync(User, id, version), "Registry.Reactivated");

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var result = await service.DeleteAsync(User, id);
        if (result.Outcome == Outcome.Ok) return Redirect("/registry/businesses");
        return await DecideAsync(id, result, "");
    }

    public async Task<IActionResult> OnPostRemovePermitAsync(int id, int permitId) =>
        await DecideAsync(id, await service.RemovePermitAsync(User, id, permitId), "Registry.PermitRemoved");

    /// <summary>Attaches a permit's scanned document (multipart form; one small form per permit row).</summary>
    public async Task<IActionResult> OnPostPermitDocumentAsync(int id, int permitId, IFormFile? document)
    {
        string error;
        if (document is null || document.Length == 0)
        {
            error = t["Upload.NoFile"].Value;
        }
        else
        {
            await using var stream = document.OpenReadStream();
            var result = await service.AttachPermitDocumentAsync(User, id, permitId, stream);
            switch (result.Outcome)
            {
                case Outcome.Forbidden: return Forbid();
                case Outcome.NotFound: return NotFound();
                case Outcome.Ok:
                    TempData["BusinessMessage"] = "Registry.DocumentSaved";
                    return Redirect($"/registry/businesses/{id}");
            }
            error = string.Join(" ", result.Errors.Select(e => e.Message(t)));
        }
        if (!await LoadAsync(id)) return NotFound();
        if (!Business.CanEdit) return Forbid();
        DocumentErrorFor = permitId;
        DocumentError = error;
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePermitDocumentAsync(int id, int permitId) =>
        await DecideAsync(id, await service.RemovePermitDocumentAsync(User, id, permitId), "Registry.DocumentRemoved");

    /// <summary>Adds a photo of the business itself.</summary>
    public async Task<IActionResult> OnPostPhotoAsync(int id, IFormFile? photo)
    {
        string error;
        if (photo is null || photo.Length == 0)
        {
            error = t["Upload.NoFile"].Value;
        }
        else
        {
            await using var stream = photo.OpenReadStream();
            var result = await service.AddBusinessPhotoAsync(User, id, stream);
            switch (result.Outcome)
            {
                case Outcome.Forbidden: return Forbid();
                case Outcome.NotFound: return NotFound();
                case Outcome.Ok: return Redirect($"/registry/businesses/{id}#photos");
            }
            error = string.Join(" ", result.Errors.Select(e => e.Message(t)));
        }
        if (!await LoadAsync(id)) return NotFound();
        if (!Business.CanEdit) return Forbid();
        PhotoError = error;
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(int id, int photoId) =>
        (await service.RemoveBusinessPhotoAsync(User, id, photoId)).Outcome switch
        {
            Outcome.Forbidden => Forbid(),
            Outcome.NotFound => NotFound(),
            _ => Redirect($"/registry/businesses/{id}#photos"),
        };

    public async Task<IActionResult> OnPostRevealNikAsync(int id, int personId)
    {
        var result = await service.RevealNikAsync(User, id, personId);
        if (result.Outcome == Outcome.Forbidden) return Forbid();
        if (!await LoadAsync(id)) return NotFound();
        if (result.Value is { } nik)
        {
            RevealedNik = nik;
            RevealedFor = personId;
            History = await HistoryAsync(id);
        }
        return Page();
    }

    /// <summary>Gives an owner without an account one, linked to their person record, and shows the invitation link.</summary>
    public async Task<IActionResult> OnPostInviteOwnerAsync(int id, int personId)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!Business.CanDecide) return Forbid();
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.Businesses.Any(o => o.BusinessId == id));
        if (person is null) return NotFound();
        if (person.UserId is not null) return Redirect($"/registry/businesses/{id}");
        var phone = person.PhoneCipher is null ? null : protector.Decrypt(person.PhoneCipher);
        var email = person.EmailCipher is null ? null : protector.Decrypt(person.EmailCipher);
        var (user, errors) = await users.CreateAsync(User, new NewUser { DisplayName = person.Name, Email = email, Phone = phone, Role = Roles.Owner });
        if (user is null)
        {
            Error = string.Join(" ", errors.Select(e => e.Message(t)));
            return Page();
        }
        person.UserId = user.Id;
        await db.SaveChangesAsync();
        await invitations.SendAsync(this, user);
        return Redirect($"/registry/businesses/{id}");
    }

    private async Task<IActionResult> DecideAsync<T>(int id, ServiceResult<T> result, string doneKey)
    {
        if (result.Outcome == Outcome.Forbidden) return Forbid();
        if (result.Outcome == Outcome.NotFound) return NotFound();
        if (!await LoadAsync(id)) return NotFound();
        Message = result.Outcome == Outcome.Ok ? t[doneKey].Value : null;
        Error = result.Outcome switch
        {
            Outcome.Conflict => t["Api.ConflictDetail"].Value,
            Outcome.Invalid => string.Join(" ", result.Errors.Select(e => t[e.MessageKey].Value)),
            _ => null,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var result = await service.GetAsync(User, id);
        if (result.Value is null) return false;
        Business = result.Value;
        var codes = Business.Kbli.ToList();
        KbliTitles = await db.KbliCodes.AsNoTracking().Where(k => k.Version == KbliCode.Version2020 && codes.Contains(k.Code))
            .ToDictionaryAsync(k => k.Code, k => k.TitleId);
        if (RegistryAccess.IsStaff(User)) History = await HistoryAsync(id);
        return true;
    }

    /// <summary>The business's own changes and those of its owners, figures, permits and products.</summary>
    private async Task<AuditPage> HistoryAsync(int id)
    {
        var records = new List<(string, string)> { (nameof(Businesses.Business), Id(id)) };
        records.AddRange(Business.Owners.Select(o => (nameof(Person), Id(o.PersonId))));
        records.AddRange(Business.Observations.Select(o => (nameof(BusinessObservation), Id(o.Id))));
        records.AddRange(Business.Permits.Select(p => (nameof(Permit), Id(p.Id))));
        records.AddRange(Business.Products.Select(p => (nameof(Products.Product), Id(p.Id))));
        return await audit.HistoryAsync(User, records);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
