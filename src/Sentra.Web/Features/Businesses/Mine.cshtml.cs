using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sentra.Web.Features.Businesses;

/// <summary>An owner's start page on their phone: their own businesses, nothing else.</summary>
[Authorize]
public sealed class MineModel(BusinessService service) : PageModel
{
    public IReadOnlyList<BusinessListItem> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = (await service.ListAsync(User, new BusinessQuery(PageSize: 100))).Items;
}
