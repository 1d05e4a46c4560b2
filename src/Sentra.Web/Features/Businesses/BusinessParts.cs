using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Products;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.Files;
using Sentra.Web.Infrastructure.PersonalData;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

public sealed class OwnerInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.OwnerName")]
    public string Name { get; set; } = "";

    /// <summary>16 digits; leave empty on an update to keep the stored NIK.</summary>
    [StringLength(30, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Nik")]
    public string? Nik { get; set; }

    [Display(Name = "Field.Sex")]
    public Sex? Sex { get; set; }

    [Display(Name = "Field.BirthDate")]
    public DateOnly? BirthDate { get; set; }

    [StringLength(30, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }

    [StringLength(30, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.WhatsApp")]
    public string? WhatsApp { get; set; }

    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    public bool IsPrimary { get; set; }
}

public sealed class ObservationInput
{
    [Range(2000, 2100, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Year")]
    public int Year { get; set; }

    /// <summary>0 = whole year, 1 or 2 = half-year.</summary>
    [Range(0, 2, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Half")]
    public int Half { get; set; }

    [Display(Name = "Field.Source")]
    public ObservationSource Source { get; set; } = ObservationSource.OfficerVisit;

    [Range(0, 100_000, ErrorMessage = "Validation.Range")] [Display(Name = "Field.PaidMale")] public int PaidMale { get; set; }
    [Range(0, 100_000, ErrorMessage = "Validation.Range")] [Display(Name = "Field.PaidFemale")] public int PaidFemale { get; set; }
    [Range(0, 100_000, ErrorMessage = "Validation.Range")] [Display(Name = "Field.UnpaidMale")] public int UnpaidMale { get; set; }
    [Range(0, 100_000, ErrorMessage = "Validation.Range")] [Display(Name = "Field.UnpaidFemale")] public int UnpaidFemale { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "Validation.NonNegative")]
    [Display(Name = "Field.InvestmentRp")]
    public long? InvestmentRp { get; set; }

    [Range(0, 1_000_000_000, ErrorMessage = "Validation.NonNegative")]
    [Display(Name = "Field.CapacityPerMonth")]
    public decimal? CapacityPerMonth { get; set; }

    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CapacityUnit")]
    public string? CapacityUnit { get; set; }

    [Range(0, long.MaxValue, ErrorMessage = "Validation.NonNegative")]
    [Display(Name = "Field.AnnualSalesRp")]
    public long? AnnualSalesRp { get; set; }
}

public sealed class PermitInput
{
    [Display(Name = "Field.PermitKind")]
    public PermitKind Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PermitNumber")]
    public string Number { get; set; } = "";

    [Display(Name = "Field.IssuedOn")]
    public DateOnly? IssuedOn { get; set; }

    /// <summary>Only for halal certificates, whose validity is printed on them; PIRT and BPOM expiry is derived.</summary>
    [Display(Name = "Field.ExpiresOn")]
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Halal certificates: the products covered. PIRT/BPOM: the products sold under it.</summary>
    [Display(Name = "Field.Products")]
    public List<int> ProductIds { get; set; } = [];
}

public sealed partial class BusinessService
{
    public async Task<ServiceResult<OwnerView>> AddOwnerAsync(ClaimsPrincipal user, int businessId, OwnerInput input) =>
        await SaveOwnerAsync(user, businessId, null, input);

    public async Task<ServiceResult<OwnerView>> UpdateOwnerAsync(ClaimsPrincipal user, int businessId, int personId, OwnerInput input) =>
        await SaveOwnerAsync(user, businessId, personId, input);

    private async Task<ServiceResult<OwnerView>> SaveOwnerAsync(ClaimsPrincipal user, int businessId, int? personId, OwnerInput input)
    {
        var business = await WithOwners(user).FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<OwnerView>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<OwnerView>.Forbidden();
        var link = personId is null ? null : business.Owners.FirstOrDefault(o => o.PersonId == personId);
        if (personId is not null && link is null) return ServiceResult<OwnerView>.NotFound();
        // Adding or removing people is an office decision; owners correct their own details.
        if (personId is null && !RegistryAccess.IsEditorStaff(user)) return ServiceResult<OwnerView>.Forbidden();

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new(nameof(input.Name), "Validation.Required"));
        NikCheck? nik = null;
        if (!string.IsNullOrWhiteSpace(input.Nik))
        {
            nik = Nik.Check(input.Nik, code => db.Regions.Any(r => r.Code == code), Today);
            if (!nik.IsValid) errors.Add(new(nameof(input.Nik), nik.ErrorKey!));
            else if (input.Sex is { } sex && nik.Sex is { } nikSex && sex != nikSex) errors.Add(new(nameof(input.Sex), "Registry.SexMismatch"));
            else if (input.BirthDate is { } birth && nik.BirthDate is { } nikBirth && birth != nikBirth) errors.Add(new(nameof(input.BirthDate), "Registry.BirthDateMismatch"));
        }
        string? phone = null, whatsApp = null;
        if (!string.IsNullOrWhiteSpace(input.Phone) && !IndonesianPhone.TryNormalize(input.Phone, out phone!)) errors.Add(new(nameof(input.Phone), "Validation.Phone"));
        if (!string.IsNullOrWhiteSpace(input.WhatsApp) && !IndonesianPhone.TryNormalize(input.WhatsApp, out whatsApp!)) errors.Add(new(nameof(input.WhatsApp), "Validation.Phone"));
        if (input.Sex is { } s && !Enum.IsDefined(s)) errors.Add(new(nameof(input.Sex), "Validation.InvalidValue"));
        if (input.BirthDate is { } b && (b.Year < 1900 || b > Today)) errors.Add(new(nameof(input.BirthDate), "Validation.InvalidValue"));
        if (errors.Count > 0) return ServiceResult<OwnerView>.Invalid(errors);

        var person = link?.Person;
        if (person is null && nik?.Nik is { } newNik)
        {
            // The same person may run several businesses: match on the keyed hash, never on clear NIK.
            var hash = protector.Hash(newNik);
            // Only people already linked to businesses this user may see: never reach into another region's records.
            var visible = access.Businesses(user).Select(b => b.Id);
            person = await db.People.FirstOrDefaultAsync(p => p.NikHash == hash && p.Businesses.Any(o => visible.Contains(o.BusinessId)));
        }
        var identityChanged = false;
        if (person is null)
        {
            person = new Person { Name = input.Name.Trim(), CreatedAt = Now, RegionCode = business.VillageCode };
            db.People.Add(person);
        }
        else
        {
            identityChanged = person.Name != input.Name.Trim();
        }
        person.Name = input.Name.Trim();
        if (nik?.Nik is { } value)
        {
            identityChanged |= person.NikHash != protector.Hash(value);
            person.SetNik(value, protector);
            person.BirthDate = nik.BirthDate;
            person.Sex = nik.Sex;
        }
        else
        {
            person.Sex = input.Sex ?? person.Sex;
            person.BirthDate = input.BirthDate ?? person.BirthDate;
        }
        if (phone is not null) person.SetPhone(phone, protector);
        if (whatsApp is not null) person.WhatsAppCipher = protector.Encrypt(whatsApp);
        if (!string.IsNullOrWhiteSpace(input.Email)) person.EmailCipher = protector.Encrypt(input.Email.Trim());
        person.UpdatedAt = Now;
        if (link is null)
        {
            link = new BusinessOwner { Person = person, IsPrimary = input.IsPrimary || business.Owners.Count == 0 };
            business.Owners.Add(link);
        }
        if (input.IsPrimary)
            foreach (var other in business.Owners) other.IsPrimary = other == link;
        if (RegistryAccess.IsOwner(user) && !RegistryAccess.IsEditorStaff(user))
            business.Status = BusinessStatusRules.AfterOwnerEdit(business.Status, identityChanged);
        business.UpdatedAt = Now;
        business.Version++;
        await db.SaveChangesAsync();
        return ServiceResult<OwnerView>.Ok(new OwnerView(person.Id, person.Name,
            Person.MaskedNik(person.NikMasked), person.Sex,
            Masking.Phone(person.PhoneLast4) is { Length: > 0 } p ? p : null, person.UserId is not null, link.IsPrimary,
            nik is { UnknownDistrict: true } ? ["Nik.UnknownDistrict"] : null));
    }

    public async Task<ServiceResult<bool>> RemoveOwnerAsync(ClaimsPrincipal user, int businessId, int personId)
    {
        var business = await access.Businesses(user).Include(b => b.Owners).FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<bool>.NotFound();
        if (!RegistryAccess.CanDecide(user, business)) return ServiceResult<bool>.Forbidden();
        var link = business.Owners.FirstOrDefault(o => o.PersonId == personId);
        if (link is null) return ServiceResult<bool>.NotFound();
        business.Owners.Remove(link);
        business.Version++;
        business.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>Shows a person's NIK in clear to someone allowed to see it, and records that they did.</summary>
    public async Task<ServiceResult<string>> RevealNikAsync(ClaimsPrincipal user, int businessId, int personId)
    {
        var business = await WithOwners(user).FirstOrDefaultAsync(b => b.Id == businessId);
        var person = business?.Owners.FirstOrDefault(o => o.PersonId == personId)?.Person;
        if (business is null || person is null) return ServiceResult<string>.NotFound();
        if (!RegistryAccess.CanRevealPersonalData(user, business.VillageCode)) return ServiceResult<string>.Forbidden();
        if (person.NikCipher is null) return ServiceResult<string>.NotFound();
        audit.Add(user, AuditAction.Revealed, nameof(Person), person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            person.RegionCode ?? business.VillageCode, new AuditChange("Nik", null, null));
        await db.SaveChangesAsync();
        return ServiceResult<string>.Ok(protector.Decrypt(person.NikCipher));
    }

    public async Task<ServiceResult<ObservationView>> AddObservationAsync(ClaimsPrincipal user, int businessId, ObservationInput input, ObservationSource? forcedSource = null)
    {
        var business = await WithOwners(user).Include(b => b.Observations)
            .FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<ObservationView>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<ObservationView>.Forbidden();
        var errors = new List<FieldError>();
        if (input.Year < 2000 || input.Year > Today.Year) errors.Add(new(nameof(input.Year), "Validation.Range", [2000, Today.Year]));
        if (input.Half is < 0 or > 2) errors.Add(new(nameof(input.Half), "Validation.Range", [0, 2]));
        if (input.PaidMale < 0 || input.PaidFemale < 0 || input.UnpaidMale < 0 || input.UnpaidFemale < 0)
            errors.Add(new(nameof(input.PaidMale), "Validation.NonNegative"));
        if (input.InvestmentRp < 0) errors.Add(new(nameof(input.InvestmentRp), "Validation.NonNegative"));
        if (input.AnnualSalesRp < 0) errors.Add(new(nameof(input.AnnualSalesRp), "Validation.NonNegative"));
        if (input.CapacityPerMonth < 0) errors.Add(new(nameof(input.CapacityPerMonth), "Validation.NonNegative"));
        if (!Enum.IsDefined(input.Source)) errors.Add(new(nameof(input.Source), "Validation.InvalidValue"));
        if (errors.Count > 0) return ServiceResult<ObservationView>.Invalid(errors);
        var isOwner = RegistryAccess.IsOwner(user) && !RegistryAccess.IsEditorStaff(user);
        var observation = new BusinessObservation
        {
            Year = input.Year, Half = input.Half, Source = forcedSource ?? (isOwner ? ObservationSource.OwnerReport : input.Source),
            PaidMale = input.PaidMale, PaidFemale = input.PaidFemale, UnpaidMale = input.UnpaidMale, UnpaidFemale = input.UnpaidFemale,
            InvestmentRp = input.InvestmentRp, CapacityPerMonth = input.CapacityPerMonth, CapacityUnit = input.CapacityUnit?.Trim(),
            AnnualSalesRp = input.AnnualSalesRp, RecordedAt = Now, VillageCode = business.VillageCode,
        };
        business.Observations.Add(observation);
        var before = (business.IndustryClass, business.EnterpriseClass);
        RecomputeClassification(business);
        if (isOwner) business.Status = BusinessStatusRules.AfterOwnerEdit(business.Status, true);
        business.UpdatedAt = Now;
        business.Version++;
        await db.SaveChangesAsync();
        _ = before;
        return ServiceResult<ObservationView>.Ok(new ObservationView(observation.Id, observation.Year, observation.Half, observation.Source,
            observation.PaidMale, observation.PaidFemale, observation.UnpaidMale, observation.UnpaidFemale, observation.InvestmentRp,
            observation.CapacityPerMonth, observation.CapacityUnit, observation.AnnualSalesRp, observation.RecordedAt));
    }

    public async Task<ServiceResult<PermitView>> AddPermitAsync(ClaimsPrincipal user, int businessId, PermitInput input)
    {
        var business = await WithOwners(user).Include(b => b.Products)
            .Include(b => b.Permits).AsSplitQuery().FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<PermitView>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<PermitView>.Forbidden();
        var errors = new List<FieldError>();
        string? number = null;
        DateOnly? expires = null;
        switch (input.Kind)
        {
            case PermitKind.Nib:
                var nib = Nib.Check(input.Number);
                if (!nib.IsValid) errors.Add(new(nameof(input.Number), nib.ErrorKey!));
                number = nib.Value;
                break;
            case PermitKind.Pirt:
                var pirt = Pirt.Parse(input.Number);
                if (!pirt.IsValid) errors.Add(new(nameof(input.Number), pirt.ErrorKey!));
                else
                {
                    number = pirt.Number!.Digits;
                    expires = Pirt.Expiry(pirt.Number, input.IssuedOn);
                }
                break;
            case PermitKind.BpomMd:
                var md = BpomMd.Check(input.Number);
                if (!md.IsValid) errors.Add(new(nameof(input.Number), md.ErrorKey!));
                number = md.Value;
                expires = input.IssuedOn is { } issued ? BpomMd.Expiry(issued) : null;
                break;
            case PermitKind.Halal:
                number = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number.Trim().ToUpperInvariant();
                if (number is null) errors.Add(new(nameof(input.Number), "Validation.Required"));
                else if (number.Length is < 6 or > 40 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.'))
                    errors.Add(new(nameof(input.Number), "Registry.HalalNumber"));
                expires = input.ExpiresOn;
                if (input.ProductIds.Count == 0) errors.Add(new(nameof(input.ProductIds), "Registry.HalalNeedsProducts"));
                break;
            default:
                errors.Add(new(nameof(input.Kind), "Validation.InvalidValue"));
                break;
        }
        if (input.IssuedOn is { } on && on > Today) errors.Add(new(nameof(input.IssuedOn), "Registry.IssuedInFuture"));
        if (input.ExpiresOn is { } exp && input.IssuedOn is { } iss && exp <= iss) errors.Add(new(nameof(input.ExpiresOn), "Registry.ExpiryBeforeIssue"));
        var products = business.Products.Where(p => input.ProductIds.Contains(p.Id)).ToList();
        if (products.Count != input.ProductIds.Distinct().Count()) errors.Add(new(nameof(input.ProductIds), "Validation.InvalidValue"));
        if (number is not null && business.Permits.Any(p => p.Kind == input.Kind && p.Number == number))
            errors.Add(new(nameof(input.Number), "Registry.PermitDuplicate"));
        if (errors.Count > 0) return ServiceResult<PermitView>.Invalid(errors);

        var permit = new Permit
        {
            Kind = input.Kind, Number = number!, IssuedOn = input.IssuedOn, ExpiresOn = expires, VillageCode = business.VillageCode,
            CreatedAt = Now, UpdatedAt = Now,
        };
        business.Permits.Add(permit);
        if (input.Kind == PermitKind.Halal)
        {
            foreach (var p in products)
            {
                permit.CoveredProducts.Add(new HalalCertificateProduct { Product = p });
                p.HalalStatus = Products.HalalStatus.Certified;
            }
        }
        else if (input.Kind is PermitKind.Pirt or PermitKind.BpomMd)
        {
            foreach (var p in products) p.Permit = permit;
        }
        else if (input.Kind == PermitKind.Nib && business.Nib != number)
        {
            business.Nib = number;
            if (RegistryAccess.IsOwner(user) && !RegistryAccess.IsEditorStaff(user))
                business.Status = BusinessStatusRules.AfterOwnerEdit(business.Status, true);
        }
        business.UpdatedAt = Now;
        business.Version++;
        await db.SaveChangesAsync();
        return ServiceResult<PermitView>.Ok(new PermitView(permit.Id, permit.Kind, permit.Number, permit.IssuedOn, permit.ExpiresOn,
            permit.ExpiresOn is { } e ? PermitExpiry.Of(e, Today) : null, false, products.Select(p => p.Id).ToList()));
    }

    public async Task<ServiceResult<bool>> RemovePermitAsync(ClaimsPrincipal user, int businessId, int permitId)
    {
        var business = await WithOwners(user)
            .Include(b => b.Permits).ThenInclude(p => p.CoveredProducts).ThenInclude(c => c.Product)
            .Include(b => b.Products).FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<bool>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<bool>.Forbidden();
        var permit = business.Permits.FirstOrDefault(p => p.Id == permitId);
        if (permit is null) return ServiceResult<bool>.NotFound();
        foreach (var covered in permit.CoveredProducts.Select(c => c.Product!))
            if (covered.HalalCertificates.Count <= 1) covered.HalalStatus = Products.HalalStatus.NotCertified;
        foreach (var p in business.Products.Where(p => p.PermitId == permit.Id)) p.PermitId = null;
        // The scan goes with the permit.
        if (permit.DocumentFileId is { } documentId) db.StoredFiles.RemoveRange(db.StoredFiles.Where(f => f.Id == documentId));
        db.Permits.Remove(permit);
        business.UpdatedAt = Now;
        business.Version++;
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(true);
    }

    public static bool InRegion(ClaimsPrincipal user, string? code) => RegionCodes.IsWithin(code, user.RegionScope());
}

/// <summary>Permit documents and photos of the business itself (product photos are <see cref="ProductService"/>'s).</summary>
public sealed partial class BusinessService
{
    /// <summary>Name of the <see cref="StoredFile"/> that holds a permit's scan.</summary>
    public const string DocumentFileName = "document";

    /// <summary>Photos of the business itself (the place, the kitchen, the shop front), beside its products' photos.</summary>
    public const int MaxBusinessPhotos = 6;

    private readonly DocumentChecker? _documents;
    private readonly ImageProcessor? _images;

    /// <summary>
    /// The constructor DI uses (it picks the one with the most parameters it can satisfy): the file checkers are needed
    /// only by the methods below.
    /// </summary>
    public BusinessService(AppDbContext db, RegistryAccess access, PersonalDataProtector protector, AuditTrail audit,
        IOptions<ClassificationOptions> classification, TimeProvider clock, DocumentChecker documents, ImageProcessor images)
        : this(db, access, protector, audit, classification, clock)
    {
        _documents = documents;
        _images = images;
    }

    private DocumentChecker Documents => _documents ?? throw new InvalidOperationException("BusinessService was created without a DocumentChecker.");
    private ImageProcessor Images => _images ?? throw new InvalidOperationException("BusinessService was created without an ImageProcessor.");

    /// <summary>
    /// Attaches the scanned permit (PDF, JPEG or PNG, checked by content and size; images are re-encoded without metadata),
    /// replacing and deleting any earlier scan.
    /// </summary>
    public async Task<ServiceResult<PermitView>> AttachPermitDocumentAsync(ClaimsPrincipal user, int businessId, int permitId, Stream upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var business = await WithOwners(user)
            .Include(b => b.Permits).ThenInclude(p => p.CoveredProducts).AsSplitQuery().FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<PermitView>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<PermitView>.Forbidden();
        var permit = business.Permits.FirstOrDefault(p => p.Id == permitId);
        if (permit is null) return ServiceResult<PermitView>.NotFound();
        CheckedDocument document;
        try
        {
            document = await Documents.CheckAsync(upload);
        }
        catch (UploadRejectedException e)
        {
            return ServiceResult<PermitView>.Invalid("Document", e.ErrorKey);
        }

        // The key is generated by EF on Add; the permit then points at it.
        var file = new StoredFile
        {
            Name = DocumentFileName, ContentType = document.ContentType, Length = document.Bytes.Length, Bytes = document.Bytes, CreatedAt = Now,
        };
        db.StoredFiles.Add(file);
        var previous = permit.DocumentFileId;
        permit.DocumentFileId = file.Id;
        permit.UpdatedAt = Now;
        // Deleted by key, without reading its bytes back.
        if (previous is { } old) db.StoredFiles.Remove(new StoredFile { Id = old, Name = DocumentFileName, ContentType = "", Bytes = [] });
        business.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return ServiceResult<PermitView>.Ok(new PermitView(permit.Id, permit.Kind, permit.Number, permit.IssuedOn, permit.ExpiresOn,
            permit.ExpiresOn is { } expires ? PermitExpiry.Of(expires, Today) : null, true, permit.CoveredProducts.Select(c => c.ProductId).ToList()));
    }

    /// <summary>Removes a permit's scan; the permit stays.</summary>
    public async Task<ServiceResult<bool>> RemovePermitDocumentAsync(ClaimsPrincipal user, int businessId, int permitId)
    {
        var business = await WithOwners(user).Include(b => b.Permits)
            .AsSplitQuery().FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<bool>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<bool>.Forbidden();
        var permit = business.Permits.FirstOrDefault(p => p.Id == permitId);
        if (permit?.DocumentFileId is not { } fileId) return ServiceResult<bool>.NotFound();
        permit.DocumentFileId = null;
        permit.UpdatedAt = Now;
        db.StoredFiles.Remove(new StoredFile { Id = fileId, Name = DocumentFileName, ContentType = "", Bytes = [] });
        business.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>Adds a photo of the business itself: checked by content, re-encoded without metadata, resized into thumbnails.</summary>
    public async Task<ServiceResult<PhotoView>> AddBusinessPhotoAsync(ClaimsPrincipal user, int businessId, Stream upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var business = await WithOwners(user).FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<PhotoView>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<PhotoView>.Forbidden();
        var orders = await db.Photos.Where(p => p.BusinessId == business.Id && p.ProductId == null).Select(p => p.SortOrder).ToListAsync();
        if (orders.Count >= MaxBusinessPhotos) return ServiceResult<PhotoView>.Invalid("Photo", "Upload.TooManyBusinessPhotos", MaxBusinessPhotos);
        ProcessedImage processed;
        try
        {
            processed = await Images.ProcessAsync(upload);
        }
        catch (UploadRejectedException e)
        {
            return ServiceResult<PhotoView>.Invalid("Photo", e.ErrorKey);
        }
        var photo = Photo.From(processed, business.Id, productId: null, orders.Count == 0 ? 0 : orders.Max() + 1, Now);
        db.Photos.Add(photo);
        business.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return ServiceResult<PhotoView>.Ok(new PhotoView(photo.Id, photo.Width, photo.Height, photo.Caption));
    }

    public async Task<ServiceResult<bool>> RemoveBusinessPhotoAsync(ClaimsPrincipal user, int businessId, int photoId)
    {
        var business = await WithOwners(user).FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<bool>.NotFound();
        var photo = await db.Photos.FirstOrDefaultAsync(p => p.Id == photoId && p.BusinessId == business.Id && p.ProductId == null);
        if (photo is null) return ServiceResult<bool>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<bool>.Forbidden();
        db.Photos.Remove(photo); // its files go with it (cascade)
        business.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(true);
    }
}
