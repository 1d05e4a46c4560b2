using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Infrastructure.Api;
using Sentra.Web.Infrastructure.Files;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Products;

/// <summary>Products of the registry, for officers and for owners' own businesses, pages and API alike.</summary>
public sealed class ProductService(AppDbContext db, RegistryAccess access, ProductCategories categories, ImageProcessor images, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PagedList<ProductListItem>> ListAsync(ClaimsPrincipal user, ProductQuery q)
    {
        var (page, size) = Paging.Normalize(q.Page, q.PageSize);
        var query = access.Products(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var pattern = "%" + q.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower()
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern) || (p.NameEn != null && EF.Functions.Like(p.NameEn.ToLower(), pattern)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (q.Business is { } business) query = query.Where(p => p.BusinessId == business);
        if (!string.IsNullOrWhiteSpace(q.Category)) query = query.Where(p => p.Category == q.Category);
        if (q.Halal is { } halal) query = query.Where(p => p.HalalStatus == halal);
        if (q.Availability is { } availability) query = query.Where(p => p.Availability == availability);
        if (q.IsPublic is { } isPublic) query = query.Where(p => p.IsPublic == isPublic);
        if (!string.IsNullOrWhiteSpace(q.District)) query = query.Where(p => p.VillageCode!.StartsWith(q.District + "."));
        if (!string.IsNullOrWhiteSpace(q.Village)) query = query.Where(p => p.VillageCode == q.Village);
        var total = await query.CountAsync();
        var items = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size)
            .Select(p => new ProductListItem(p.Id, p.BusinessId, p.Business!.Name, p.Name, p.Category, p.PriceRp, p.HalalStatus,
                p.Availability, p.IsPublic, p.Photos.OrderBy(ph => ph.SortOrder).Select(ph => (int?)ph.Id).FirstOrDefault(), p.UpdatedAt))
            .ToListAsync();
        return new PagedList<ProductListItem>(items, total, page, size);
    }

    public async Task<ServiceResult<ProductDetail>> GetAsync(ClaimsPrincipal user, int id)
    {
        var p = await access.Products(user).AsNoTracking()
            .Include(x => x.Business).ThenInclude(b => b!.Owners).ThenInclude(o => o.Person)
            .Include(x => x.Permit).Include(x => x.Photos).Include(x => x.HalalCertificates).ThenInclude(h => h.Permit)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id);
        if (p is null) return ServiceResult<ProductDetail>.NotFound();
        return ServiceResult<ProductDetail>.Ok(new ProductDetail(p.Id, p.BusinessId, p.Business!.Name, p.Name, p.NameEn, p.Description,
            p.DescriptionEn, p.Category, p.KbliCode, p.Unit, p.NetQuantity, p.NetUnit, p.PriceRp, p.ShelfLifeDays, p.Packaging, p.Ingredients,
            p.IngredientsEn, p.Allergens, p.Storage, p.PermitId, p.Permit?.Number, p.Permit?.Kind.ToString(), p.Permit?.ExpiresOn,
            p.HalalStatus, p.HalalCertificates.Select(h => h.Permit!.Number).ToList(), p.Availability, p.PreOrderLeadDays, p.IsPublic,
            p.Photos.OrderBy(ph => ph.SortOrder).Select(ph => new PhotoView(ph.Id, ph.Width, ph.Height, ph.Caption)).ToList(),
            p.Version, p.UpdatedAt, RegistryAccess.CanEdit(user, p.Business)));
    }

    public async Task<ServiceResult<ProductDetail>> CreateAsync(ClaimsPrincipal user, int businessId, ProductInput input)
    {
        var business = await access.Businesses(user).Include(b => b.Owners).ThenInclude(o => o.Person).Include(b => b.Permits)
            .FirstOrDefaultAsync(b => b.Id == businessId);
        if (business is null) return ServiceResult<ProductDetail>.NotFound();
        if (!RegistryAccess.CanEdit(user, business)) return ServiceResult<ProductDetail>.Forbidden();
        var product = new Product { BusinessId = business.Id, Name = "", Category = "", Unit = "", CreatedAt = Now, VillageCode = business.VillageCode };
        var errors = await ValidateAsync(input, business, product);
        if (errors.Count > 0) return ServiceResult<ProductDetail>.Invalid(errors);
        Apply(product, input);
        product.Version = 1;
        product.UpdatedAt = Now;
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return await GetAsync(user, product.Id);
    }

    public async Task<ServiceResult<ProductDetail>> UpdateAsync(ClaimsPrincipal user, int id, ProductInput input)
    {
        var product = await access.Products(user).Include(p => p.HalalCertificates)
            .Include(p => p.Business).ThenInclude(b => b!.Owners).ThenInclude(o => o.Person)
            .Include(p => p.Business).ThenInclude(b => b!.Permits).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id);
        if (product is null) return ServiceResult<ProductDetail>.NotFound();
        if (!RegistryAccess.CanEdit(user, product.Business!)) return ServiceResult<ProductDetail>.Forbidden();
        var errors = await ValidateAsync(input, product.Business!, product);
        if (errors.Count > 0) return ServiceResult<ProductDetail>.Invalid(errors);
        Apply(product, input);
        db.Entry(product).Property(p => p.Version).OriginalValue = input.Version;
        product.Version = input.Version + 1;
        product.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<ProductDetail>.Conflict();
        }
        return await GetAsync(user, product.Id);
    }

    /// <summary>
    /// A product of a draft business can be deleted; otherwise it is deactivated (discontinued and
    /// hidden), so catalog links and history stay intact.
    /// </summary>
    public async Task<ServiceResult<bool>> DeleteAsync(ClaimsPrincipal user, int id)
    {
        var product = await access.Products(user).Include(p => p.Business).ThenInclude(b => b!.Owners).ThenInclude(o => o.Person)
            .Include(p => p.Photos).Include(p => p.HalalCertificates).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id);
        if (product is null) return ServiceResult<bool>.NotFound();
        if (!RegistryAccess.CanEdit(user, product.Business!)) return ServiceResult<bool>.Forbidden();
        if (product.Business!.Status == BusinessStatus.Draft)
        {
            // Photos point at their product by an optional link: delete them, or they would become business photos.
            db.Photos.RemoveRange(product.Photos);
            db.Products.Remove(product);
        }
        else
        {
            product.Availability = Availability.Discontinued;
            product.IsPublic = false;
            product.Version++;
            product.UpdatedAt = Now;
        }
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(product.Business.Status == BusinessStatus.Draft);
    }

    private async Task<List<FieldError>> ValidateAsync(ProductInput input, Business business, Product product)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new(nameof(input.Name), "Validation.Required"));
        if (string.IsNullOrWhiteSpace(input.Unit)) errors.Add(new(nameof(input.Unit), "Validation.Required"));
        if (categories.Find(input.Category) is null) errors.Add(new(nameof(input.Category), "Registry.CategoryUnknown"));
        if (input.PriceRp < 0) errors.Add(new(nameof(input.PriceRp), "Validation.NonNegative"));
        if (input.NetQuantity is <= 0) errors.Add(new(nameof(input.NetQuantity), "Validation.NonNegative"));
        if (input.NetQuantity is not null && input.NetUnit is not ("g" or "kg" or "ml" or "l" or "pcs"))
            errors.Add(new(nameof(input.NetUnit), "Validation.InvalidValue"));
        if (input.ShelfLifeDays is <= 0) errors.Add(new(nameof(input.ShelfLifeDays), "Validation.NonNegative"));
        if (!Enum.IsDefined(input.HalalStatus)) errors.Add(new(nameof(input.HalalStatus), "Validation.InvalidValue"));
        if (!Enum.IsDefined(input.Availability)) errors.Add(new(nameof(input.Availability), "Validation.InvalidValue"));
        if (input.Availability == Availability.PreOrder && input.PreOrderLeadDays is null)
            errors.Add(new(nameof(input.PreOrderLeadDays), "Registry.LeadTimeRequired"));
        if (input.HalalStatus == HalalStatus.Certified && product.HalalCertificates.Count == 0)
            errors.Add(new(nameof(input.HalalStatus), "Registry.CertifiedNeedsCertificate"));
        if (input.PermitId is { } permitId && business.Permits.All(p => p.Id != permitId || p.Kind is not (PermitKind.Pirt or PermitKind.BpomMd)))
            errors.Add(new(nameof(input.PermitId), "Registry.PermitNotOfBusiness"));
        if (!string.IsNullOrWhiteSpace(input.KbliCode)
            && !await db.KbliCodes.AnyAsync(k => k.Version == KbliCode.Version2020 && k.Level == "kelompok" && k.Code == input.KbliCode.Trim()))
            errors.Add(new(nameof(input.KbliCode), "Registry.KbliUnknown", [input.KbliCode]));
        return errors;
    }

    private static void Apply(Product p, ProductInput input)
    {
        p.Name = input.Name.Trim();
        p.NameEn = Blank(input.NameEn);
        p.Description = Blank(input.Description);
        p.DescriptionEn = Blank(input.DescriptionEn);
        p.Category = input.Category;
        p.KbliVersion = string.IsNullOrWhiteSpace(input.KbliCode) ? null : KbliCode.Version2020;
        p.KbliCode = Blank(input.KbliCode);
        p.Unit = input.Unit.Trim();
        p.NetQuantity = input.NetQuantity;
        p.NetUnit = input.NetQuantity is null ? null : input.NetUnit;
        p.PriceRp = input.PriceRp;
        p.ShelfLifeDays = input.ShelfLifeDays;
        p.Packaging = Blank(input.Packaging);
        p.Ingredients = Blank(input.Ingredients);
        p.IngredientsEn = Blank(input.IngredientsEn);
        p.Allergens = Blank(input.Allergens);
        p.Storage = Blank(input.Storage);
        p.PermitId = input.PermitId;
        p.HalalStatus = input.HalalStatus;
        p.Availability = input.Availability;
        p.PreOrderLeadDays = input.Availability == Availability.PreOrder ? input.PreOrderLeadDays : null;
        p.IsPublic = input.IsPublic && input.Availability != Availability.Discontinued;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Adds a photo: checked by content, re-encoded without metadata, resized into thumbnails.</summary>
    public async Task<ServiceResult<PhotoView>> AddPhotoAsync(ClaimsPrincipal user, int productId, Stream upload)
    {
        var product = await access.Products(user).Include(p => p.Business).ThenInclude(b => b!.Owners).ThenInclude(o => o.Person)
            .Include(p => p.Photos).FirstOrDefaultAsync(p => p.Id == productId);
        if (product is null) return ServiceResult<PhotoView>.NotFound();
        if (!RegistryAccess.CanEdit(user, product.Business!)) return ServiceResult<PhotoView>.Forbidden();
        if (product.Photos.Count >= MaxPhotos) return ServiceResult<PhotoView>.Invalid("Photo", "Upload.TooManyPhotos", MaxPhotos);
        ProcessedImage processed;
        try
        {
            processed = images.Process(upload);
        }
        catch (UploadRejectedException e)
        {
            return ServiceResult<PhotoView>.Invalid("Photo", e.ErrorKey);
        }
        var photo = Photo.From(processed, product.BusinessId, product.Id, product.Photos.Count, Now);
        product.Photos.Add(photo);
        product.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return ServiceResult<PhotoView>.Ok(new PhotoView(photo.Id, photo.Width, photo.Height, photo.Caption));
    }

    public const int MaxPhotos = 6;

    public async Task<ServiceResult<bool>> RemovePhotoAsync(ClaimsPrincipal user, int productId, int photoId)
    {
        var product = await access.Products(user).Include(p => p.Business).ThenInclude(b => b!.Owners).ThenInclude(o => o.Person)
            .Include(p => p.Photos).FirstOrDefaultAsync(p => p.Id == productId);
        var photo = product?.Photos.FirstOrDefault(ph => ph.Id == photoId);
        if (product is null || photo is null) return ServiceResult<bool>.NotFound();
        if (!RegistryAccess.CanEdit(user, product.Business!)) return ServiceResult<bool>.Forbidden();
        db.Photos.Remove(photo);
        product.UpdatedAt = Now;
        await db.SaveChangesAsync();
        return ServiceResult<bool>.Ok(true);
    }
}
