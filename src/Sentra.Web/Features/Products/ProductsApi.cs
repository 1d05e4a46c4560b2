using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sentra.Web.Data;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Products;

public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products").RequireAuthorization();

        group.MapGet("/", async Task<Ok<PagedList<ProductListItem>>> (ClaimsPrincipal user, ProductService service, string? q, int? business,
                string? category, HalalStatus? halal, Availability? availability, bool? isPublic, string? district, string? village,
                int page = 1, int pageSize = 25) =>
                TypedResults.Ok(await service.ListAsync(user, new ProductQuery(q, business, category, halal, availability, isPublic, district, village, page, pageSize))))
            .WithName("ListProducts");

        group.MapGet("/{id:int}", async Task<Results<Ok<ProductDetail>, NotFound>> (int id, ClaimsPrincipal user, ProductService service) =>
                await service.GetAsync(user, id) is { Value: { } p } ? TypedResults.Ok(p) : TypedResults.NotFound())
            .WithName("GetProduct");

        group.MapPost("/", async (int businessId, ProductInput input, ClaimsPrincipal user, ProductService service, IStringLocalizer<SharedResource> t) =>
                ApiValidation.Validate(input, t) ?? BusinessesApi.Answer(await service.CreateAsync(user, businessId, input), t, created: true))
            .WithName("CreateProduct")
            .WithSummary("Create a product of business `businessId`")
            .Produces<ProductDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapPut("/{id:int}", async (int id, ProductInput input, ClaimsPrincipal user, ProductService service, IStringLocalizer<SharedResource> t) =>
                ApiValidation.Validate(input, t) ?? BusinessesApi.Answer(await service.UpdateAsync(user, id, input), t))
            .WithName("UpdateProduct")
            .Produces<ProductDetail>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, ProductService service, IStringLocalizer<SharedResource> t) =>
                BusinessesApi.Answer(await service.DeleteAsync(user, id), t, noContent: true))
            .WithName("DeleteProduct")
            .WithSummary("Delete a product of a draft business; otherwise it is deactivated (discontinued and hidden)");

        group.MapPost("/{id:int}/photos", async (int id, IFormFile file, ClaimsPrincipal user, ProductService service, IStringLocalizer<SharedResource> t) =>
            {
                await using var stream = file.OpenReadStream();
                return BusinessesApi.Answer(await service.AddPhotoAsync(user, id, stream), t, created: true);
            })
            .DisableAntiforgery() // bearer-token clients; cookie clients use the product page's form
            .WithName("AddProductPhoto");

        group.MapDelete("/{id:int}/photos/{photoId:int}", async (int id, int photoId, ClaimsPrincipal user, ProductService service, IStringLocalizer<SharedResource> t) =>
            BusinessesApi.Answer(await service.RemovePhotoAsync(user, id, photoId), t, noContent: true)).WithName("RemoveProductPhoto");
        return api;
    }

    /// <summary>
    /// Photo files. A photo of a public product of a verified business, or of a verified business itself, is public and
    /// cached for a year (its URL never changes content); any other photo needs registry access.
    /// </summary>
    public static void MapPhotoFiles(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/photos/{photoId:int}/{name}", async (int photoId, string name, ClaimsPrincipal user, AppDbContext db, RegistryAccess access, HttpContext http) =>
            {
                var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
                    .Select(p => new { p.Id, p.BusinessId, p.ProductId }).FirstOrDefaultAsync();
                if (photo is null) return Results.NotFound();
                var isPublic = photo.ProductId is { } productId
                    ? await db.Products.AnyAsync(p => p.Id == productId && p.IsPublic
                        && (p.Business!.Status == BusinessStatus.Verified || p.Business.Status == BusinessStatus.NeedsReverification))
                    : await db.Businesses.AnyAsync(b => b.Id == photo.BusinessId
                        && (b.Status == BusinessStatus.Verified || b.Status == BusinessStatus.NeedsReverification));
                if (!isPublic && !await access.Businesses(user).AnyAsync(b => b.Id == photo.BusinessId)) return Results.NotFound();
                var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.PhotoId == photoId && f.Name == name);
                if (file is null) return Results.NotFound();
                http.Response.Headers.CacheControl = isPublic ? "public, max-age=31536000, immutable" : "private, max-age=3600";
                return Results.File(file.Bytes, file.ContentType);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
