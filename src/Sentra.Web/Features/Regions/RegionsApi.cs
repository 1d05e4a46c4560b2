using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Regions;

public sealed record RegionItem(string Code, string Name, RegionLevel Level, string? ParentCode);

public static class RegionsApi
{
    /// <summary>Region look-up for pickers: children of a region, or a name search within one.</summary>
    public static RouteGroupBuilder MapRegionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regions", async Task<Ok<PagedList<RegionItem>>> (AppDbContext db, string? parent, string? q, RegionLevel? level,
                int page = 1, int pageSize = 50) =>
            {
                var (p, size) = Paging.Normalize(page, pageSize);
                var query = db.Regions.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(q))
                {
                    var text = q.Trim().ToLowerInvariant();
                    query = query.Where(r => r.SearchName.Contains(text));
                    if (!string.IsNullOrWhiteSpace(parent)) query = query.Where(r => r.Code.StartsWith(parent + "."));
                }
                else
                {
                    query = string.IsNullOrWhiteSpace(parent) ? query.Where(r => r.ParentCode == null) : query.Where(r => r.ParentCode == parent);
                }
                if (level is not null) query = query.Where(r => r.Level == level);
                var total = await query.CountAsync();
                var items = await query.OrderBy(r => r.Code).Skip((p - 1) * size).Take(size)
                    .Select(r => new RegionItem(r.Code, r.Name, r.Level, r.ParentCode)).ToListAsync();
                return TypedResults.Ok(new PagedList<RegionItem>(items, total, p, size));
            })
            .AllowAnonymous()
            .WithTags("Reference data")
            .WithName("Regions")
            .WithSummary("Kemendagri regions (Permendagri 72/2019): children of `parent`, or a name search with `q`");
        return api;
    }
}
