using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Businesses;

namespace Sentra.Web.Features.Public;

public sealed record ClusterSummary(string Slug, string Name, string? Description, string? DescriptionEn, DateOnly? StartDate, int Businesses, int Products);

/// <summary>The public front page: the sentra this installation serves, with verified members only.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Catalog.CatalogCache.Policy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<ClusterSummary> Clusters { get; private set; } = [];

    public async Task OnGetAsync() =>
        Clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ClusterSummary(c.Slug, c.Name, c.Description, c.DescriptionEn, c.StartDate,
                c.Members.Count(m => m.Business!.Status == BusinessStatus.Verified),
                c.Members.Where(m => m.Business!.Status == BusinessStatus.Verified).SelectMany(m => m.Business!.Products).Count(p => p.IsPublic)))
            .ToListAsync();
}
