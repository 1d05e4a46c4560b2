using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Products;
using Sentra.Web.Infrastructure.Api;

namespace Sentra.Web.Features.Businesses;

[Authorize(Policy = Accounts.Policies.Staff)]
public sealed class IndexModel(BusinessService service, RegionChoices regions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public int? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kbli { get; set; }
    [BindProperty(SupportsGet = true)] public IndustryClass? IndustryClass { get; set; }
    [BindProperty(SupportsGet = true)] public EnterpriseClass? EnterpriseClass { get; set; }
    [BindProperty(SupportsGet = true)] public BusinessStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public HalalStatus? Halal { get; set; }
    [BindProperty(SupportsGet = true)] public bool PermitExpiring { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Descending { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public BusinessQuery Query { get; private set; } = new();
    public PagedList<BusinessListItem> Result { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<(string Code, string Name)> Districts { get; private set; } = [];
    public IReadOnlyList<VillageChoice> Villages { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Clusters { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Query = ToQuery(PageNumber, 25);
        Result = await service.ListAsync(User, Query);
        Districts = await regions.DistrictsAsync(User);
        var villages = await regions.VillagesAsync(User);
        Villages = District is null ? villages : villages.Where(v => v.DistrictCode == District).ToList();
        Clusters = await regions.ClustersAsync(User);
    }

    public BusinessQuery ToQuery(int page, int pageSize) => new(Q, Blank(District), Blank(Village), Cluster, Blank(Kbli), IndustryClass,
        EnterpriseClass, Status, Halal, PermitExpiring, null, Sort ?? "name", Descending, page, pageSize);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
