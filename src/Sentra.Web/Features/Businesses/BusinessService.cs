using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.Api;
using Sentra.Web.Infrastructure.PersonalData;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// The registry of businesses, shared by the pages and the API: listing with filters, reading,
/// creating, changing, verifying, deactivating and deleting drafts, always within what
/// <see cref="RegistryAccess"/> allows the caller.
/// </summary>
public sealed partial class BusinessService(
    AppDbContext db,
    RegistryAccess access,
    PersonalDataProtector protector,
    AuditTrail audit,
    IOptions<ClassificationOptions> classification,
    TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Jakarta));
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

#pragma warning disable CA1310 // LINQ to SQL: StartsWith(string) translates to a prefix LIKE; comparison overloads do not translate
    public IQueryable<Business> Filtered(ClaimsPrincipal user, BusinessQuery q)
    {
        var query = access.Businesses(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var pattern = "%" + q.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): culture arguments would not translate
            query = query.Where(b => EF.Functions.Like(b.Name.ToLower(), pattern)
                                     || (b.Brand != null && EF.Functions.Like(b.Brand.ToLower(), pattern))
                                     || b.Owners.Any(o => EF.Functions.Like(o.Person!.Name.ToLower(), pattern))
                                     || b.Nib == q.Q.Trim());
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrWhiteSpace(q.District)) query = query.Where(b => b.VillageCode.StartsWith(q.District + "."));
        if (!string.IsNullOrWhiteSpace(q.Village)) query = query.Where(b => b.VillageCode == q.Village);
        if (q.Cluster is { } cluster) query = query.Where(b => b.Clusters.Any(c => c.ClusterId == cluster));
        if (q.InCluster is { } inCluster) query = query.Where(b => b.Clusters.Any() == inCluster);
        if (!string.IsNullOrWhiteSpace(q.Kbli)) query = query.Where(b => b.KbliCodes.Any(k => k.KbliCode.StartsWith(q.Kbli.Trim())));
        if (q.IndustryClass is { } industry) query = query.Where(b => b.IndustryClass == industry);
        if (q.EnterpriseClass is { } enterprise) query = query.Where(b => b.EnterpriseClass == enterprise);
        if (q.Status is { } status) query = query.Where(b => b.Status == status);
        if (q.Halal is { } halal) query = query.Where(b => b.Products.Any(p => p.HalalStatus == halal));
        if (q.PermitExpiring)
        {
            var limit = Today.AddMonths(6);
            query = query.Where(b => b.Permits.Any(p => p.ExpiresOn != null && p.ExpiresOn <= limit));
        }
        return (q.Sort, q.Descending) switch
        {
            ("updated", false) => query.OrderBy(b => b.UpdatedAt).ThenBy(b => b.Id),
            ("updated", true) => query.OrderByDescending(b => b.UpdatedAt).ThenBy(b => b.Id),
            ("village", false) => query.OrderBy(b => b.VillageCode).ThenBy(b => b.Name),
            ("village", true) => query.OrderByDescending(b => b.VillageCode).ThenBy(b => b.Name),
            ("status", false) => query.OrderBy(b => b.Status).ThenBy(b => b.Name),
            ("status", true) => query.OrderByDescending(b => b.Status).ThenBy(b => b.Name),
            (_, true) => query.OrderByDescending(b => b.Name).ThenBy(b => b.Id),
            _ => query.OrderBy(b => b.Name).ThenBy(b => b.Id),
        };
    }
#pragma warning restore CA1310

    public async Task<PagedList<BusinessListItem>> ListAsync(ClaimsPrincipal user, BusinessQuery q, int maxPageSize = Paging.MaxPageSize)
    {
        var page = Math.Max(1, q.Page);
        var size = Math.Clamp(q.PageSize, 1, maxPageSize);
        var query = Filtered(user, q);
        var total = await query.CountAsync();
        var rows = await query.Skip((page - 1) * size).Take(size).Select(b => new
        {
            b.Id, b.Name, b.Brand, b.VillageCode, b.Status, b.IndustryClass, b.EnterpriseClass, b.IsDemo, b.UpdatedAt,
            Kbli = b.KbliCodes.Select(k => k.KbliCode).ToList(),
            Owners = b.Owners.OrderByDescending(o => o.IsPrimary).Select(o => o.Person!.Name).ToList(),
            Products = b.Products.Count,
        }).ToListAsync();
        var names = await RegionNamesAsync(rows.Select(r => r.VillageCode));
        var items = rows.Select(r => new BusinessListItem(r.Id, r.Name, r.Brand, r.VillageCode, names.GetValueOrDefault(r.VillageCode),
            names.GetValueOrDefault(RegionCodes.ParentOf(r.VillageCode) ?? ""), r.Status, r.IndustryClass, r.EnterpriseClass, r.Kbli,
            r.Owners, r.Products, r.IsDemo, r.UpdatedAt)).ToList();
        return new PagedList<BusinessListItem>(items, total, page, size);
    }

    /// <summary>Names of villages and their districts and cities, for display.</summary>
    public async Task<Dictionary<string, string>> RegionNamesAsync(IEnumerable<string> villageCodes)
    {
        var codes = villageCodes.SelectMany(c => new[] { c, RegionCodes.ParentOf(c), RegionCodes.ParentOf(RegionCodes.ParentOf(c) ?? "") })
            .Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
    }

    /// <summary>Businesses the user may see, with owners loaded: <see cref="RegistryAccess.CanEdit"/> needs them to recognise an owner.</summary>
    private IQueryable<Business> WithOwners(ClaimsPrincipal user) => access.Businesses(user).Include(b => b.Owners).ThenInclude(o => o.Person);

    private static IQueryable<Business> WithEverything(IQueryable<Business> query) => query
        .Include(b => b.Owners).ThenInclude(o => o.Person)
        .Include(b => b.KbliCodes)
        .Include(b => b.Clusters).ThenInclude(c => c.Cluster)
        .Include(b => b.OpeningHours)
        .Include(b => b.Permits).ThenInclude(p => p.CoveredProducts)
        .Include(b => b.Observations)
        .Include(b => b.Products).ThenInclude(p => p.Photos)
        .AsSplitQuery();

    public async Task<ServiceResult<BusinessDetail>> GetAsync(ClaimsPrincipal user, int id)
    {
        var business = await WithEverything(access.Businesses(user)).AsNoTracking().FirstOrDefaultAsync(b => b.Id == id);
        return business is null ? ServiceResult<BusinessDetail>.NotFound() : ServiceResult<BusinessDetail>.Ok(await DetailAsync(user, business));
    }

    private async Task<BusinessDetail> DetailAsync(ClaimsPrincipal user, Business b)
    {
        var names = await RegionNamesAsync([b.VillageCode]);
        var district = RegionCodes.ParentOf(b.VillageCode) ?? "";
        var verifiedBy = b.VerifiedById is null ? null : await db.Users.Where(u => u.Id == b.VerifiedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        var latest = Latest(b.Observations);
        var today = Today;
        // Photos of the business itself; its products' photos are listed with each product.
        var photos = await db.Photos.AsNoTracking().Where(p => p.BusinessId == b.Id && p.ProductId == null)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).Select(p => new Products.PhotoView(p.Id, p.Width, p.Height, p.Caption)).ToListAsync();
        return new BusinessDetail(b.Id, b.Name, b.Brand, b.LegalForm, b.Nib, b.YearStarted, b.Street, b.Rt, b.Rw, b.VillageCode,
            names.GetValueOrDefault(b.VillageCode), names.GetValueOrDefault(district), names.GetValueOrDefault(RegionCodes.ParentOf(district) ?? ""),
            b.Latitude, b.Longitude, b.MainProductType, b.SalesChannels, b.PublicWhatsApp, b.WebsiteUrl, b.MarketplaceUrl, b.Status, b.VerifiedAt, verifiedBy,
            latest is null ? null : Classification.Classify(new ClassificationInputs(latest.Workers, latest.InvestmentRp, latest.AnnualSalesRp), classification.Value),
            b.KbliCodes.OrderByDescending(k => k.IsPrimary).Select(k => k.KbliCode).ToList(),
            b.Clusters.Select(c => new ClusterRef(c.ClusterId, c.Cluster?.Name ?? "")).ToList(),
            b.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7).Select(h => new OpeningHoursInput
            {
                Day = h.Day, Opens = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), Closes = h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
            }).ToList(),
            b.Owners.OrderByDescending(o => o.IsPrimary).Select(o => new OwnerView(o.PersonId, o.Person!.Name,
                Person.MaskedNik(o.Person.NikMasked), o.Person.Sex,
                Masking.Phone(o.Person.PhoneLast4) is { Length: > 0 } p ? p : null, o.Person.UserId is not null, o.IsPrimary)).ToList(),
            b.Permits.OrderBy(p => p.Kind).ThenBy(p => p.Number).Select(p => new PermitView(p.Id, p.Kind, p.Number, p.IssuedOn, p.ExpiresOn,
                p.ExpiresOn is { } e ? PermitExpiry.Of(e, today) : null, p.DocumentFileId is not null,
                p.CoveredProducts.Select(c => c.ProductId).ToList())).ToList(),
            b.Observations.OrderByDescending(o => o.Year).ThenByDescending(o => o.Half).ThenByDescending(o => o.Id).Select(o => new ObservationView(
                o.Id, o.Year, o.Half, o.Source, o.PaidMale, o.PaidFemale, o.UnpaidMale, o.UnpaidFemale, o.InvestmentRp, o.CapacityPerMonth,
                o.CapacityUnit, o.AnnualSalesRp, o.RecordedAt)).ToList(),
            b.Products.OrderBy(p => p.Name).Select(p => new ProductSummary(p.Id, p.Name, p.Category, p.PriceRp, p.HalalStatus, p.Availability,
                p.IsPublic, p.Photos.OrderBy(ph => ph.SortOrder).Select(ph => (int?)ph.Id).FirstOrDefault())).ToList(),
            b.IsDemo, b.Version, b.CreatedAt, b.UpdatedAt, RegistryAccess.CanEdit(user, b), RegistryAccess.CanDecide(user, b), photos);
    }

    /// <summary>The observation that drives classification: the latest period, the latest record within it.</summary>
    public static BusinessObservation? Latest(IEnumerable<BusinessObservation> observations) =>
        observations.OrderByDescending(o => o.Year).ThenByDescending(o => o.Half == 0 ? 3 : o.Half).ThenByDescending(o => o.Id).FirstOrDefault();

    public async Task<ServiceResult<BusinessDetail>> CreateAsync(ClaimsPrincipal user, BusinessInput input)
    {
        var errors = await ValidateAsync(user, input, existing: null);
        if (!RegistryAccess.IsEditorStaff(user)) return ServiceResult<BusinessDetail>.Forbidden();
        if (errors.Count == 0 && !RegistryAccess.CanCreateIn(user, input.VillageCode))
            errors.Add(new FieldError(nameof(BusinessInput.VillageCode), "Registry.OutsideRegion"));
        if (errors.Count > 0) return ServiceResult<BusinessDetail>.Invalid(errors);
        var business = new Business { Name = "", VillageCode = "", CreatedAt = Now, Status = BusinessStatus.Draft };
        await ApplyAsync(business, input);
        business.UpdatedAt = Now;
        business.Version = 1;
        db.Businesses.Add(business);
        await db.SaveChangesAsync();
        return await GetAsync(user, business.Id);
    }

    public async Task<ServiceResult<BusinessDetail>> UpdateAsync(ClaimsPrincipal user, int id, BusinessInput input)
    {
        var business = await WithOwners(user).Include(b => b.KbliCodes)
            .Include(b => b.Clusters).Include(b => b.OpeningHours).AsSplitQuery().FirstOrDefaultAsync(b => b.Id == id);
        if (business is null) return ServiceResult<BusinessDetail>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<BusinessDetail>.Forbidden();
        var errors = await ValidateAsync(user, input, business);
        if (errors.Count == 0 && input.VillageCode != business.VillageCode && !RegistryAccess.IsEditorStaff(user))
            errors.Add(new FieldError(nameof(BusinessInput.VillageCode), "Registry.OwnerCannotMove"));
        if (errors.Count == 0 && !RegionCodes.IsWithin(input.VillageCode, RegistryAccess.IsEditorStaff(user) ? user.RegionScope() : business.VillageCode))
            errors.Add(new FieldError(nameof(BusinessInput.VillageCode), "Registry.OutsideRegion"));
        if (errors.Count > 0) return ServiceResult<BusinessDetail>.Invalid(errors);

        var nibBefore = business.Nib;
        var villageBefore = business.VillageCode;
        await ApplyAsync(business, input);
        if (business.VillageCode != villageBefore) await MoveRecordsAsync(business);
        if (RegistryAccess.IsOwner(user) && !RegistryAccess.IsEditorStaff(user))
            business.Status = BusinessStatusRules.AfterOwnerEdit(business.Status, business.Nib != nibBefore);
        return await SaveVersionedAsync(user, business, input.Version);
    }

    /// <summary>Saves with optimistic concurrency: the caller's version must still be the stored one.</summary>
    private async Task<ServiceResult<BusinessDetail>> SaveVersionedAsync(ClaimsPrincipal user, Business business, long expectedVersion)
    {
        db.Entry(business).Property(b => b.Version).OriginalValue = expectedVersion;
        business.Version = expectedVersion + 1;
        business.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<BusinessDetail>.Conflict();
        }
        return await GetAsync(user, business.Id);
    }

    private async Task ApplyAsync(Business business, BusinessInput input)
    {
        business.Name = input.Name.Trim();
        business.Brand = Blank(input.Brand);
        business.LegalForm = input.LegalForm;
        business.Nib = Nib.Check(input.Nib).Value;
        business.YearStarted = input.YearStarted;
        business.Street = Blank(input.Street);
        business.Rt = ThreeDigits(input.Rt);
        business.Rw = ThreeDigits(input.Rw);
        business.VillageCode = input.VillageCode.Trim();
        business.Latitude = input.Latitude;
        business.Longitude = input.Longitude;
        business.MainProductType = Blank(input.MainProductType);
        business.SalesChannels = input.SalesChannels.Aggregate(SalesChannels.None, (all, c) => all | c);
        business.PublicWhatsApp = IndonesianPhone.TryNormalize(input.PublicWhatsApp, out var wa) ? wa : null;
        business.WebsiteUrl = Blank(input.WebsiteUrl);
        business.MarketplaceUrl = Blank(input.MarketplaceUrl);

        var kbli = input.KbliCodes.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
        business.KbliCodes.RemoveAll(k => !kbli.Contains(k.KbliCode));
        foreach (var (code, i) in kbli.Select((c, i) => (c, i)))
        {
            var existing = business.KbliCodes.FirstOrDefault(k => k.KbliCode == code);
            if (existing is null) business.KbliCodes.Add(existing = new BusinessKbli { KbliVersion = KbliCode.Version2020, KbliCode = code });
            existing.IsPrimary = i == 0;
        }

        var clusters = input.ClusterIds.Distinct().ToList();
        business.Clusters.RemoveAll(c => !clusters.Contains(c.ClusterId));
        foreach (var c in clusters.Where(c => business.Clusters.All(m => m.ClusterId != c)))
            business.Clusters.Add(new Clusters.ClusterMembership { ClusterId = c, JoinedOn = Today });

        var hours = input.OpeningHours.Where(h => !string.IsNullOrWhiteSpace(h.Opens) && !string.IsNullOrWhiteSpace(h.Closes))
            .GroupBy(h => h.Day).Select(g => g.First()).ToList();
        business.OpeningHours.RemoveAll(h => hours.All(x => x.Day != h.Day));
        foreach (var h in hours)
        {
            var row = business.OpeningHours.FirstOrDefault(x => x.Day == h.Day);
            if (row is null) business.OpeningHours.Add(row = new OpeningHours { Day = h.Day });
            row.Opens = TimeOnly.ParseExact(h.Opens!.Trim(), "H:mm", CultureInfo.InvariantCulture);
            row.Closes = TimeOnly.ParseExact(h.Closes!.Trim(), "H:mm", CultureInfo.InvariantCulture);
        }
        await Task.CompletedTask;
    }

    public async Task<List<FieldError>> ValidateAsync(ClaimsPrincipal user, BusinessInput input, Business? existing)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new(nameof(input.Name), "Validation.Required"));
        if (!string.IsNullOrWhiteSpace(input.Nib) && Nib.Check(input.Nib) is { IsValid: false } nib)
            errors.Add(new(nameof(input.Nib), nib.ErrorKey!));
        if (input.YearStarted is { } year && (year < 1900 || year > Today.Year))
            errors.Add(new(nameof(input.YearStarted), "Validation.Range", [1900, Today.Year]));
        if (!string.IsNullOrWhiteSpace(input.Rt) && ThreeDigits(input.Rt) is null) errors.Add(new(nameof(input.Rt), "Registry.RtRw"));
        if (!string.IsNullOrWhiteSpace(input.Rw) && ThreeDigits(input.Rw) is null) errors.Add(new(nameof(input.Rw), "Registry.RtRw"));
        if (string.IsNullOrWhiteSpace(input.VillageCode)) errors.Add(new(nameof(input.VillageCode), "Validation.Required"));
        else if (!await access.IsVillageAsync(input.VillageCode.Trim())) errors.Add(new(nameof(input.VillageCode), "Registry.VillageUnknown"));
        if (input.Latitude is { } lat && (lat < -11.5 || lat > 6.5 || double.IsNaN(lat))) errors.Add(new(nameof(input.Latitude), "Validation.Range", [-11.5, 6.5]));
        if (input.Longitude is { } lon && (lon < 94.5 || lon > 141.5 || double.IsNaN(lon))) errors.Add(new(nameof(input.Longitude), "Validation.Range", [94.5, 141.5]));
        if (input.Latitude is null != input.Longitude is null) errors.Add(new(nameof(input.Latitude), "Registry.CoordinatesPair"));
        if (!string.IsNullOrWhiteSpace(input.PublicWhatsApp) && !IndonesianPhone.TryNormalize(input.PublicWhatsApp, out _))
            errors.Add(new(nameof(input.PublicWhatsApp), "Validation.Phone"));
        if (!IsWebUrl(input.WebsiteUrl)) errors.Add(new(nameof(input.WebsiteUrl), "Validation.Url"));
        if (!IsWebUrl(input.MarketplaceUrl)) errors.Add(new(nameof(input.MarketplaceUrl), "Validation.Url"));
        if (input.SalesChannels.Any(c => !Enum.IsDefined(c) || c == SalesChannels.None)) errors.Add(new(nameof(input.SalesChannels), "Validation.InvalidValue"));
        if (!Enum.IsDefined(input.LegalForm)) errors.Add(new(nameof(input.LegalForm), "Validation.InvalidValue"));

        var kbli = input.KbliCodes.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
        if (kbli.Count > 0)
        {
            var known = await db.KbliCodes.Where(k => k.Version == KbliCode.Version2020 && k.Level == "kelompok" && kbli.Contains(k.Code))
                .Select(k => k.Code).ToListAsync();
            foreach (var unknown in kbli.Except(known)) errors.Add(new(nameof(input.KbliCodes), "Registry.KbliUnknown", [unknown]));
        }
        if (input.ClusterIds.Count > 0)
        {
            var ids = input.ClusterIds.Distinct().ToList();
            var scope = user.RegionScope();
            var candidates = await db.Clusters.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.VillageCode }).ToListAsync();
            // Owners keep the memberships they have; staff may only use sentra of their own region.
            var current = existing?.Clusters.Select(c => c.ClusterId).ToHashSet() ?? [];
            var found = candidates.Where(c => current.Contains(c.Id) || (RegistryAccess.IsStaff(user) && RegionCodes.IsWithin(c.VillageCode, scope)))
                .Select(c => c.Id).ToList();
            if (found.Count != ids.Count) errors.Add(new(nameof(input.ClusterIds), "Validation.InvalidValue"));
            // Membership is an office decision: owners keep what they have but cannot add or remove sentra.
            else if (!RegistryAccess.IsEditorStaff(user) && !ids.ToHashSet().SetEquals(current))
                errors.Add(new(nameof(input.ClusterIds), "Registry.OwnerCannotChangeClusters"));
        }
        else if (existing is not null && existing.Clusters.Count > 0 && !RegistryAccess.IsEditorStaff(user))
        {
            errors.Add(new(nameof(input.ClusterIds), "Registry.OwnerCannotChangeClusters"));
        }
        foreach (var h in input.OpeningHours.Where(h => !string.IsNullOrWhiteSpace(h.Opens) || !string.IsNullOrWhiteSpace(h.Closes)))
        {
            if (!TimeOnly.TryParseExact(h.Opens?.Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                || !TimeOnly.TryParseExact(h.Closes?.Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                || closes <= opens || !Enum.IsDefined(h.Day))
                errors.Add(new(nameof(input.OpeningHours), "Registry.OpeningHours", [h.Day.ToString()]));
        }
        return errors;
    }

    public async Task<ServiceResult<BusinessDetail>> VerifyAsync(ClaimsPrincipal user, int id, long version) =>
        await DecideAsync(user, id, version, b =>
        {
            if (!BusinessStatusRules.CanVerify(b.Status)) return "Registry.CannotVerify";
            b.Status = BusinessStatus.Verified;
            b.VerifiedAt = Now;
            b.VerifiedById = user.UserId();
            return null;
        });

    public async Task<ServiceResult<BusinessDetail>> DeactivateAsync(ClaimsPrincipal user, int id, long version) =>
        await DecideAsync(user, id, version, b =>
        {
            if (!BusinessStatusRules.CanDeactivate(b.Status)) return "Registry.CannotDeactivate";
            b.Status = BusinessStatus.Inactive;
            return null;
        });

    public async Task<ServiceResult<BusinessDetail>> ReactivateAsync(ClaimsPrincipal user, int id, long version) =>
        await DecideAsync(user, id, version, b =>
        {
            if (b.Status != BusinessStatus.Inactive) return "Registry.CannotReactivate";
            b.Status = BusinessStatusRules.Reactivate(b.Status);
            return null;
        });

    private async Task<ServiceResult<BusinessDetail>> DecideAsync(ClaimsPrincipal user, int id, long version, Func<Business, string?> change)
    {
        var business = await access.Businesses(user).FirstOrDefaultAsync(b => b.Id == id);
        if (business is null) return ServiceResult<BusinessDetail>.NotFound();
        if (!RegistryAccess.CanDecide(user, business)) return ServiceResult<BusinessDetail>.Forbidden();
        if (change(business) is { } error) return ServiceResult<BusinessDetail>.Invalid("Status", error);
        return await SaveVersionedAsync(user, business, version);
    }

    /// <summary>Only drafts can be deleted; anything once verified is deactivated instead, keeping its history.</summary>
    public async Task<ServiceResult<bool>> DeleteAsync(ClaimsPrincipal user, int id)
    {
        var business = await access.Businesses(user).Include(b => b.Products).Include(b => b.Permits).Include(b => b.Photos)
            .Include(b => b.Observations).Include(b => b.OpeningHours).Include(b => b.KbliCodes).Include(b => b.Owners).Include(b => b.Clusters)
            .AsSplitQuery().FirstOrDefaultAsync(b => b.Id == id);
        if (business is null) return ServiceResult<bool>.NotFound();
        if (!RegistryAccess.CanDecide(user, business)) return ServiceResult<bool>.Forbidden();
        if (!BusinessStatusRules.CanDelete(business.Status)) return ServiceResult<bool>.Invalid("Status", "Registry.OnlyDraftsDeleted");
        // Permit scans hang off permits by an optional link: remove them with the business, not leave them behind.
        var scans = business.Permits.Where(p => p.DocumentFileId is not null).Select(p => p.DocumentFileId!.Value).ToList();
        if (scans.Count > 0) db.StoredFiles.RemoveRange(await db.StoredFiles.Where(f => scans.Contains(f.Id)).ToListAsync());
        db.Businesses.Remove(business);
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>
    /// A business that moves takes its products, permits and figures along: their village code scopes
    /// filters and tells whose region reads their audit history.
    /// </summary>
    public async Task MoveRecordsAsync(Business business)
    {
        var village = business.VillageCode;
        foreach (var p in await db.Products.Where(p => p.BusinessId == business.Id).ToListAsync()) p.VillageCode = village;
        foreach (var p in await db.Permits.Where(p => p.BusinessId == business.Id).ToListAsync()) p.VillageCode = village;
        foreach (var o in await db.BusinessObservations.Where(o => o.BusinessId == business.Id).ToListAsync()) o.VillageCode = village;
    }

    public void RecomputeClassification(Business business)
    {
        var latest = Latest(business.Observations);
        var result = Classification.Classify(new ClassificationInputs(latest?.Workers, latest?.InvestmentRp, latest?.AnnualSalesRp), classification.Value);
        business.IndustryClass = result.Industry;
        business.EnterpriseClass = result.Enterprise;
        business.EnterpriseBasis = result.EnterpriseBasis;
        business.ClassificationRule = $"{result.IndustryRule}; {result.EnterpriseRule}";
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Empty, or an absolute http(s) URL with a host: links shown to buyers must never be script or relative.</summary>
    public static bool IsWebUrl(string? s) =>
        string.IsNullOrWhiteSpace(s)
        || (Uri.TryCreate(s.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal));

    /// <summary>RT/RW are written with three digits (<c>003</c>); <c>3</c> and <c>03</c> mean the same.</summary>
    public static string? ThreeDigits(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        return t.Length <= 3 && t.All(char.IsAsciiDigit) && int.Parse(t, CultureInfo.InvariantCulture) > 0
            ? int.Parse(t, CultureInfo.InvariantCulture).ToString("000", CultureInfo.InvariantCulture)
            : null;
    }
}
