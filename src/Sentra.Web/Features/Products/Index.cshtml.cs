using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Products;

/// <summary>All products of the region for office staff, with search, filters and paging.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ProductService service, ProductCategories categories) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public HalalStatus? Halal { get; set; }
    [BindProperty(SupportsGet = true)] public Availability? Availability { get; set; }
    [BindProperty(SupportsGet = true)] public bool? IsPublic { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ProductQuery Query { get; private set; } = new();
    public PagedList<ProductListItem> Result { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<ProductCategory> Categories => categories.All;

    public string CategoryName(string key) => categories.Find(key)?.Name ?? key;

    public async Task OnGetAsync()
    {
        Query = new ProductQuery(Q, null, string.IsNullOrWhiteSpace(Category) ? null : Category, Halal, Availability, IsPublic, Page: PageNumber, PageSize: 25);
        Result = await service.ListAsync(User, Query);
    }
}
