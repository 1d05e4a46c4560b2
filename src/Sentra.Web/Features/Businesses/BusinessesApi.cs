using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Products;
using Sentra.Web.Infrastructure.Api;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Businesses;

public sealed record StatusChange(long Version);

public static class BusinessesApi
{
    public static RouteGroupBuilder MapBusinessesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/businesses").WithTags("Businesses").RequireAuthorization();

        group.MapGet("/", async Task<Ok<PagedList<BusinessListItem>>> (ClaimsPrincipal user, BusinessService service,
                string? q, string? district, string? village, int? cluster, string? kbli, IndustryClass? industryClass,
                EnterpriseClass? enterpriseClass, BusinessStatus? status, HalalStatus? halal, bool? permitExpiring, bool? inCluster,
                string? sort, bool? descending, int page = 1, int pageSize = 25) =>
            {
                var (p, size) = Paging.Normalize(page, pageSize);
                return TypedResults.Ok(await service.ListAsync(user, new BusinessQuery(q, district, village, cluster, kbli, industryClass,
                    enterpriseClass, status, halal, permitExpiring ?? false, inCluster, sort ?? "name", descending ?? false, p, size)));
            })
            .WithName("ListBusinesses")
            .WithSummary("Businesses the caller may see: staff see their region, owners their own");

        group.MapGet("/{id:int}", async Task<Results<Ok<BusinessDetail>, NotFound>> (int id, ClaimsPrincipal user, BusinessService service) =>
                await service.GetAsync(user, id) is { Outcome: Outcome.Ok, Value: { } b } ? TypedResults.Ok(b) : TypedResults.NotFound())
            .WithName("GetBusiness");

        group.MapPost("/", async (BusinessInput input, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
                await AllErrorsAsync(input, user, service, t) ?? Answer(await service.CreateAsync(user, input), t, created: true))
            .WithName("CreateBusiness")
            .Produces<BusinessDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapPut("/{id:int}", async (int id, BusinessInput input, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
                await AllErrorsAsync(input, user, service, t) ?? Answer(await service.UpdateAsync(user, id, input), t))
            .WithName("UpdateBusiness")
            .WithSummary("Replace a business's fields; send the version you read, a stale one gets 409")
            .Produces<BusinessDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:int}/verify", async (int id, StatusChange body, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            Answer(await service.VerifyAsync(user, id, body.Version), t)).WithName("VerifyBusiness");
        group.MapPost("/{id:int}/deactivate", async (int id, StatusChange body, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            Answer(await service.DeactivateAsync(user, id, body.Version), t)).WithName("DeactivateBusiness");
        group.MapPost("/{id:int}/reactivate", async (int id, StatusChange body, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            Answer(await service.ReactivateAsync(user, id, body.Version), t)).WithName("ReactivateBusiness");

        group.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
                Answer(await service.DeleteAsync(user, id), t, noContent: true))
            .WithName("DeleteBusiness")
            .WithSummary("Delete a draft; verified businesses are deactivated instead");

        group.MapPost("/{id:int}/owners", async (int id, OwnerInput input, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            ApiValidation.Validate(input, t) ?? Answer(await service.AddOwnerAsync(user, id, input), t, created: true)).WithName("AddOwner");
        group.MapPut("/{id:int}/owners/{personId:int}", async (int id, int personId, OwnerInput input, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            ApiValidation.Validate(input, t) ?? Answer(await service.UpdateOwnerAsync(user, id, personId, input), t)).WithName("UpdateOwner");
        group.MapDelete("/{id:int}/owners/{personId:int}", async (int id, int personId, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            Answer(await service.RemoveOwnerAsync(user, id, personId), t, noContent: true)).WithName("RemoveOwner");
        group.MapPost("/{id:int}/owners/{personId:int}/reveal-nik", async (int id, int personId, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
                Answer(await service.RevealNikAsync(user, id, personId), t))
            .WithName("RevealNik")
            .WithSummary("The owner's NIK in clear, for roles allowed to see it; every call is audited");

        group.MapPost("/{id:int}/observations", async (int id, ObservationInput input, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            ApiValidation.Validate(input, t) ?? Answer(await service.AddObservationAsync(user, id, input), t, created: true)).WithName("AddObservation");

        group.MapPost("/{id:int}/permits", async (int id, PermitInput input, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            ApiValidation.Validate(input, t) ?? Answer(await service.AddPermitAsync(user, id, input), t, created: true)).WithName("AddPermit");
        group.MapDelete("/{id:int}/permits/{permitId:int}", async (int id, int permitId, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            Answer(await service.RemovePermitAsync(user, id, permitId), t, noContent: true)).WithName("RemovePermit");

        group.MapPost("/{id:int}/permits/{permitId:int}/document", async (int id, int permitId, IFormFile file, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            {
                await using var stream = file.OpenReadStream();
                return Answer(await service.AttachPermitDocumentAsync(user, id, permitId, stream), t);
            })
            .DisableAntiforgery() // bearer-token clients; cookie clients use the business page's form
            .WithName("AttachPermitDocument")
            .WithSummary("Attach the scanned permit (multipart field `file`: PDF, JPEG or PNG), replacing any earlier one")
            .Produces<PermitView>()
            .ProducesValidationProblem();
        group.MapDelete("/{id:int}/permits/{permitId:int}/document", async (int id, int permitId, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            Answer(await service.RemovePermitDocumentAsync(user, id, permitId), t, noContent: true)).WithName("RemovePermitDocument");

        group.MapPost("/{id:int}/photos", async (int id, IFormFile file, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            {
                await using var stream = file.OpenReadStream();
                return Answer(await service.AddBusinessPhotoAsync(user, id, stream), t, created: true);
            })
            .DisableAntiforgery() // bearer-token clients; cookie clients use the business page's form
            .WithName("AddBusinessPhoto")
            .WithSummary("Add a photo of the business itself (multipart field `file`); at most six")
            .Produces<PhotoView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        group.MapDelete("/{id:int}/photos/{photoId:int}", async (int id, int photoId, ClaimsPrincipal user, BusinessService service, IStringLocalizer<SharedResource> t) =>
            Answer(await service.RemoveBusinessPhotoAsync(user, id, photoId), t, noContent: true)).WithName("RemoveBusinessPhoto");
        return api;
    }

    /// <summary>Annotation errors and the registry's own checks together, so every bad field is named at once.</summary>
    private static async Task<IResult?> AllErrorsAsync(BusinessInput input, ClaimsPrincipal user, BusinessService service, IStringLocalizer t)
    {
        var errors = ApiValidation.Errors(input, t);
        if (errors.Count == 0) return null;
        foreach (var e in await service.ValidateAsync(user, input, null))
            errors.TryAdd(ApiValidation.JsonName(e.Field), [e.Message(t)]);
        return ApiValidation.Problem(errors);
    }

    /// <summary>Translates a service outcome to HTTP the same way for every registry endpoint.</summary>
    public static IResult Answer<T>(ServiceResult<T> result, IStringLocalizer t, bool created = false, bool noContent = false) => result.Outcome switch
    {
        Outcome.Ok when noContent => TypedResults.NoContent(),
        Outcome.Ok when created => TypedResults.Created((string?)null, result.Value),
        Outcome.Ok => TypedResults.Ok(result.Value),
        Outcome.Invalid => result.Errors.ToValidationProblem(t),
        Outcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["Api.NotFound"]),
        Outcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Api.Forbidden"]),
        Outcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["Api.Conflict"], detail: t["Api.ConflictDetail"]),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };
}
