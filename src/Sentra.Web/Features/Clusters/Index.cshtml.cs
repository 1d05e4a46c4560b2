using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Clusters;

/// <summary>The sentra of the office's region with their members, for every staff role.</summary>
[Authorize(Policy = Accounts.Policies.Staff)]
public sealed class IndexModel(ClusterService service) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Set by the edit page after a save or delete, shown once.</summary>
    [TempData] public string? Message { get; set; }

    public PagedList<ClusterListItem> Result { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync() => Result = await service.ListAsync(User, new ClusterQuery(Q, PageNumber, PageSize));
}
