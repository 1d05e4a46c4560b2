using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.Api;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Clusters;

/// <summary>
/// The office's list of sentra, shared by the pages and the API. Staff see the sentra whose village
/// lies in their region; admins and officers create, change and delete them; leaders only read.
/// </summary>
public sealed class ClusterService(AppDbContext db, RegistryAccess access, TimeProvider clock)
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, Jakarta));

    /// <summary>Whether the user may change or delete this sentra: an office editor of its region.</summary>
    public static bool CanEdit(ClaimsPrincipal user, string villageCode) =>
        RegistryAccess.IsEditorStaff(user) && RegionCodes.IsWithin(villageCode, user.RegionScope());

#pragma warning disable CA1310 // LINQ to SQL: StartsWith(string) translates to a prefix LIKE; comparison overloads do not translate
    /// <summary>The sentra the user may see: staff those in their region, everyone else none.</summary>
    public IQueryable<Cluster> Clusters(ClaimsPrincipal user)
    {
        if (!RegistryAccess.IsStaff(user)) return db.Clusters.Where(_ => false);
        var scope = user.RegionScope();
        return scope.Length == 0 ? db.Clusters : db.Clusters.Where(c => c.VillageCode == scope || c.VillageCode.StartsWith(scope + "."));
    }
#pragma warning restore CA1310

    public async Task<PagedList<ClusterListItem>> ListAsync(ClaimsPrincipal user, ClusterQuery q)
    {
        var (page, size) = Paging.Normalize(q.Page, q.PageSize);
        var query = Clusters(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var pattern = "%" + q.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): culture arguments would not translate
            query = query.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern) || EF.Functions.Like(c.Slug, pattern));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await query.CountAsync();
        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((page - 1) * size).Take(size).Select(c => new
        {
            c.Id, c.Name, c.Slug, c.VillageCode, c.MainCommodity, c.StartDate, c.IsDemo, c.UpdatedAt,
            Members = c.Members.Count,
            Verified = c.Members.Count(m => m.Business!.Status == BusinessStatus.Verified),
        }).ToListAsync();
        var names = await RegionNamesAsync(rows.Select(r => r.VillageCode));
        var items = rows.Select(r => new ClusterListItem(r.Id, r.Name, r.Slug, r.VillageCode, names.GetValueOrDefault(r.VillageCode),
            names.GetValueOrDefault(RegionCodes.ParentOf(r.VillageCode) ?? ""), r.MainCommodity, r.StartDate, r.Members, r.Verified,
            r.IsDemo, r.UpdatedAt)).ToList();
        return new PagedList<ClusterListItem>(items, total, page, size);
    }

    public async Task<ServiceResult<ClusterDetail>> GetAsync(ClaimsPrincipal user, int id)
    {
        var c = await Clusters(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (c is null) return ServiceResult<ClusterDetail>.NotFound();
        var members = await db.ClusterMemberships.AsNoTracking().Where(m => m.ClusterId == id)
            .OrderBy(m => m.Business!.Name).ThenBy(m => m.BusinessId)
            .Select(m => new ClusterMember(m.BusinessId, m.Business!.Name, m.Business.Status)).ToListAsync();
        var names = await RegionNamesAsync([c.VillageCode]);
        var district = RegionCodes.ParentOf(c.VillageCode) ?? "";
        return ServiceResult<ClusterDetail>.Ok(new ClusterDetail(c.Id, c.Name, c.Slug, c.VillageCode, names.GetValueOrDefault(c.VillageCode),
            names.GetValueOrDefault(district), names.GetValueOrDefault(RegionCodes.ParentOf(district) ?? ""), c.MainCommodity, c.MainCommodityEn,
            c.Description, c.DescriptionEn, c.StartDate, c.Latitude, c.Longitude, members,
            members.Count(m => m.Status == BusinessStatus.Verified), c.IsDemo, c.CreatedAt, c.UpdatedAt, CanEdit(user, c.VillageCode),
            EmbedOrigin.ListOf(c.EmbedOrigins)));
    }

    public async Task<ServiceResult<ClusterDetail>> CreateAsync(ClaimsPrincipal user, ClusterInput input)
    {
        if (!RegistryAccess.IsEditorStaff(user)) return ServiceResult<ClusterDetail>.Forbidden();
        var errors = await ValidateAsync(user, input, existingId: null);
        if (errors.Count > 0) return ServiceResult<ClusterDetail>.Invalid(errors);
        var cluster = new Cluster { Name = "", Slug = "", VillageCode = "", MainCommodity = "", CreatedAt = Now };
        Apply(cluster, input);
        db.Clusters.Add(cluster);
        return await SaveAsync(user, cluster);
    }

    public async Task<ServiceResult<ClusterDetail>> UpdateAsync(ClaimsPrincipal user, int id, ClusterInput input)
    {
        var cluster = await Clusters(user).FirstOrDefaultAsync(c => c.Id == id);
        if (cluster is null) return ServiceResult<ClusterDetail>.NotFound();
        if (!CanEdit(user, cluster.VillageCode)) return ServiceResult<ClusterDetail>.Forbidden();
        var errors = await ValidateAsync(user, input, existingId: id);
        if (errors.Count > 0) return ServiceResult<ClusterDetail>.Invalid(errors);
        Apply(cluster, input);
        return await SaveAsync(user, cluster);
    }

    /// <summary>Only an empty sentra can be deleted: memberships are the registry's history and are removed one by one first.</summary>
    public async Task<ServiceResult<bool>> DeleteAsync(ClaimsPrincipal user, int id)
    {
        var cluster = await Clusters(user).FirstOrDefaultAsync(c => c.Id == id);
        if (cluster is null) return ServiceResult<bool>.NotFound();
        if (!CanEdit(user, cluster.VillageCode)) return ServiceResult<bool>.Forbidden();
        var members = await db.ClusterMemberships.CountAsync(m => m.ClusterId == id);
        if (members > 0) return ServiceResult<bool>.Invalid(nameof(ClusterDetail.Members), "Clusters.HasMembers", members);
        db.Clusters.Remove(cluster);
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(true);
    }

    private async Task<ServiceResult<ClusterDetail>> SaveAsync(ClaimsPrincipal user, Cluster cluster)
    {
        cluster.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another request may have taken the slug between the check and the save; the unique index caught it.
            db.ChangeTracker.Clear();
            var id = cluster.Id;
            if (!await db.Clusters.AsNoTracking().AnyAsync(c => c.Slug == cluster.Slug && c.Id != id)) throw;
            return ServiceResult<ClusterDetail>.Invalid(nameof(ClusterInput.Slug), "Clusters.SlugTaken", cluster.Slug);
        }
        return await GetAsync(user, cluster.Id);
    }

    private static void Apply(Cluster cluster, ClusterInput input)
    {
        cluster.Name = input.Name.Trim();
        cluster.Slug = SlugOf(input);
        cluster.VillageCode = input.VillageCode.Trim();
        cluster.MainCommodity = input.MainCommodity.Trim();
        cluster.MainCommodityEn = Blank(input.MainCommodityEn);
        cluster.Description = Blank(input.Description);
        cluster.DescriptionEn = Blank(input.DescriptionEn);
        cluster.StartDate = input.StartDate;
        cluster.Latitude = input.Latitude;
        cluster.Longitude = input.Longitude;
        if (input.EmbedOrigins is { } origins)
            cluster.EmbedOrigins = EmbedOrigin.Store(EmbedOrigin.Check(origins, nameof(input.EmbedOrigins)).Origins);
    }

    /// <summary>The slug to store: the one given, else one made from the name, always normalised.</summary>
    public static string SlugOf(ClusterInput input) => ClusterSlug.From(string.IsNullOrWhiteSpace(input.Slug) ? input.Name : input.Slug);

    /// <summary>Every rule on a sentra's fields, so the pages and the API name each bad field at once.</summary>
    public async Task<List<FieldError>> ValidateAsync(ClaimsPrincipal user, ClusterInput input, int? existingId)
    {
        var errors = new List<FieldError>();
        Required(errors, nameof(input.Name), input.Name, 200);
        Required(errors, nameof(input.MainCommodity), input.MainCommodity, 200);
        MaxLength(errors, nameof(input.MainCommodityEn), input.MainCommodityEn, 200);
        MaxLength(errors, nameof(input.Description), input.Description, 4000);
        MaxLength(errors, nameof(input.DescriptionEn), input.DescriptionEn, 4000);

        var slug = SlugOf(input);
        var self = existingId ?? 0;
        if (!string.IsNullOrWhiteSpace(input.Slug) && input.Slug.Trim().Length > ClusterSlug.MaxLength)
            errors.Add(new(nameof(input.Slug), "Validation.MaxLength", [ClusterSlug.MaxLength]));
        else if (slug.Length == 0 && !(string.IsNullOrWhiteSpace(input.Slug) && string.IsNullOrWhiteSpace(input.Name)))
            errors.Add(new(nameof(input.Slug), "Clusters.SlugInvalid"));
        else if (slug.Length > 0 && await db.Clusters.AnyAsync(c => c.Slug == slug && c.Id != self))
            errors.Add(new(nameof(input.Slug), "Clusters.SlugTaken", [slug]));

        if (string.IsNullOrWhiteSpace(input.VillageCode)) errors.Add(new(nameof(input.VillageCode), "Validation.Required"));
        else if (!await access.IsVillageAsync(input.VillageCode.Trim())) errors.Add(new(nameof(input.VillageCode), "Registry.VillageUnknown"));
        else if (!RegionCodes.IsWithin(input.VillageCode.Trim(), user.RegionScope())) errors.Add(new(nameof(input.VillageCode), "Registry.OutsideRegion"));

        if (input.StartDate is { } start && start > Today) errors.Add(new(nameof(input.StartDate), "Clusters.StartDateFuture"));
        if (input.Latitude is { } lat && (lat < -11.5 || lat > 6.5 || double.IsNaN(lat))) errors.Add(new(nameof(input.Latitude), "Validation.Range", [-11.5, 6.5]));
        if (input.Longitude is { } lon && (lon < 94.5 || lon > 141.5 || double.IsNaN(lon))) errors.Add(new(nameof(input.Longitude), "Validation.Range", [94.5, 141.5]));
        if (input.Latitude is null != input.Longitude is null) errors.Add(new(nameof(input.Latitude), "Registry.CoordinatesPair"));
        if (input.EmbedOrigins is { } origins) errors.AddRange(EmbedOrigin.Check(origins, nameof(input.EmbedOrigins)).Errors);
        return errors;
    }

    private static void Required(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, "Validation.Required"));
        else MaxLength(errors, field, value, max);
    }

    private static void MaxLength(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(new(field, "Validation.MaxLength", [max]));
    }

    private async Task<Dictionary<string, string>> RegionNamesAsync(IEnumerable<string> villageCodes)
    {
        var codes = villageCodes.SelectMany(c => new[] { c, RegionCodes.ParentOf(c), RegionCodes.ParentOf(RegionCodes.ParentOf(c) ?? "") })
            .Where(c => !string.IsNullOrEmpty(c)).Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>URL-safe names for public pages: lowercase ASCII letters and digits joined by single hyphens.</summary>
public static class ClusterSlug
{
    public const int MaxLength = 100;

    /// <summary><c>Sentra Kerupuk "Cibubur" — Ciracas</c> → <c>sentra-kerupuk-cibubur-ciracas</c>; accents are dropped (<c>é</c> → <c>e</c>).</summary>
    public static string From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var slug = new StringBuilder(text.Length);
        var hyphen = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                if (hyphen && slug.Length > 0) slug.Append('-');
                slug.Append(c);
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }
        var result = slug.ToString();
        return result.Length <= MaxLength ? result : result[..MaxLength].TrimEnd('-');
    }
}
