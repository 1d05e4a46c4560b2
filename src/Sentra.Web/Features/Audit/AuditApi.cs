using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddSentraAudit(this IServiceCollection services) => services.AddScoped<AuditTrail>();

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async Task<Ok<PagedList<AuditRow>>> (ClaimsPrincipal user, AuditTrail audit, string? entityType,
                string? entityId, string? userId, DateOnly? from, DateOnly? to, int page = 1, int pageSize = 50) =>
            {
                var (p, size) = Paging.Normalize(page, pageSize);
                var result = await audit.SearchAsync(user, new AuditQuery(entityType, entityId, userId, from, to, p, size));
                return TypedResults.Ok(new PagedList<AuditRow>(result.Items, result.Total, result.Page, result.PageSize));
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Audit")
            .WithName("Audit")
            .WithSummary("The audit trail within the caller's region, by record, user and date (Jakarta days)");
        return api;
    }
}
