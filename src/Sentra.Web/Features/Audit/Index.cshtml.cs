using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Features.Accounts;

namespace Sentra.Web.Features.Audit;

public sealed class IndexModel(AuditTrail audit, UserAdministration admin) : PageModel
{
    public static readonly string[] RecordTypes = ["AppUser", "Business", "BusinessObservation", "Cluster", "Office", "Person", "Product"];

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, 50);
    public List<(string Id, string DisplayName)> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Result = await audit.SearchAsync(User, new AuditQuery(EntityType, EntityId, UserId, From, To, PageNumber, 50));
        Users = (await admin.Visible(User).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
