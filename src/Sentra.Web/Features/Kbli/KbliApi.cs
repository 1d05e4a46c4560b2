using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Kbli;

public sealed record KbliItem(string Version, string Code, string Level, string Title, string? ParentCode);

public static class KbliApi
{
    public static RouteGroupBuilder MapKbliApi(this RouteGroupBuilder api)
    {
        api.MapGet("/kbli", async Task<Ok<PagedList<KbliItem>>> (AppDbContext db, string? q, string? level, int page = 1, int pageSize = 50) =>
            {
                var (p, size) = Paging.Normalize(page, pageSize);
                var query = db.KbliCodes.AsNoTracking().Where(k => k.Version == KbliCode.Version2020);
                if (!string.IsNullOrWhiteSpace(q))
                {
                    var text = q.Trim().ToLowerInvariant();
                    query = query.Where(k => k.SearchText.Contains(text));
                }
                if (!string.IsNullOrWhiteSpace(level)) query = query.Where(k => k.Level == level);
                var total = await query.CountAsync();
                var items = await query.OrderBy(k => k.Code).Skip((p - 1) * size).Take(size)
                    .Select(k => new KbliItem(k.Version, k.Code, k.Level, k.TitleId, k.ParentCode)).ToListAsync();
                return TypedResults.Ok(new PagedList<KbliItem>(items, total, p, size));
            })
            .AllowAnonymous()
            .WithTags("Reference data")
            .WithName("Kbli")
            .WithSummary("KBLI 2020 codes, searchable by code or title");
        return api;
    }
}
