using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Infrastructure.Api;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Clusters;

public static class ClustersApi
{
    /// <summary>Sentra for office staff: staff of the region read, admins and officers also change.</summary>
    public static RouteGroupBuilder MapClustersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/clusters").WithTags("Clusters").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<PagedList<ClusterListItem>>> (ClaimsPrincipal user, ClusterService service, string? q, int page = 1, int pageSize = 25) =>
            {
                var (p, size) = Paging.Normalize(page, pageSize);
                return TypedResults.Ok(await service.ListAsync(user, new ClusterQuery(q, p, size)));
            })
            .WithName("ListClusters")
            .WithSummary("Sentra in the caller's region, with all and verified member counts; q searches the name");

        group.MapGet("/{id:int}", async Task<Results<Ok<ClusterDetail>, NotFound>> (int id, ClaimsPrincipal user, ClusterService service) =>
                await service.GetAsync(user, id) is { Outcome: Outcome.Ok, Value: { } c } ? TypedResults.Ok(c) : TypedResults.NotFound())
            .WithName("GetCluster")
            .WithSummary("One sentra with its member businesses");

        group.MapPost("/", async (ClusterInput input, ClaimsPrincipal user, ClusterService service, IStringLocalizer<SharedResource> t) =>
                await AllErrorsAsync(input, null, user, service, t) ?? Answer(await service.CreateAsync(user, input), t, created: true))
            .RequireAuthorization(Policies.Editor)
            .WithName("CreateCluster")
            .WithSummary("Create a sentra; an empty slug is made from the name")
            .Produces<ClusterDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:int}", async (int id, ClusterInput input, ClaimsPrincipal user, ClusterService service, IStringLocalizer<SharedResource> t) =>
                await AllErrorsAsync(input, id, user, service, t) ?? Answer(await service.UpdateAsync(user, id, input), t))
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateCluster")
            .WithSummary("Replace a sentra's fields; embedOrigins left out keeps the partner sites, an empty list removes them")
            .Produces<ClusterDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, ClusterService service, IStringLocalizer<SharedResource> t) =>
                Answer(await service.DeleteAsync(user, id), t, noContent: true))
            .RequireAuthorization(Policies.Editor)
            .WithName("DeleteCluster")
            .WithSummary("Delete a sentra without members; one with members answers 400 naming the members field")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>Annotation errors and the service's own checks together, so every bad field is named at once.</summary>
    private static async Task<IResult?> AllErrorsAsync(ClusterInput input, int? id, ClaimsPrincipal user, ClusterService service, IStringLocalizer t)
    {
        var errors = ApiValidation.Errors(input, t);
        if (errors.Count == 0) return null;
        foreach (var e in await service.ValidateAsync(user, input, id))
            errors.TryAdd(ApiValidation.JsonName(e.Field), [ClusterInput.Message(e, t)]);
        return ApiValidation.Problem(errors);
    }

    /// <summary>Like <see cref="BusinessesApi.Answer"/>, with the sentra's own field labels in messages and a Location on 201.</summary>
    private static IResult Answer<T>(ServiceResult<T> result, IStringLocalizer t, bool created = false, bool noContent = false) => result switch
    {
        { Outcome: Outcome.Invalid } => TypedResults.ValidationProblem(result.Errors.GroupBy(e => ApiValidation.JsonName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => ClusterInput.Message(e, t)).ToArray())),
        { Outcome: Outcome.Ok, Value: ClusterDetail c } when created => TypedResults.Created($"/api/v1/clusters/{c.Id}", c),
        _ => BusinessesApi.Answer(result, t, created, noContent),
    };
}
