using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Accounts;

namespace Sentra.Web.Features.Import;

/// <summary>An import's progress, its dry-run report by row and column, and the commit.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class JobModel(ImportJobs jobs, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxShown = 500;

    [FromRoute] public Guid Id { get; set; }
    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet()
    {
        var job = jobs.Get(User, Id);
        if (job is null) return NotFound();
        Job = job;
        return Page();
    }

    public IActionResult OnPostCommit()
    {
        if (jobs.Get(User, Id) is null) return NotFound();
        jobs.StartCommit(User, Id);
        return Redirect($"/registry/import/{Id}");
    }

    public string Message(ImportIssue issue)
    {
        var args = new List<object> { issue.Column ?? "" };
        if (issue.Args is not null) args.AddRange(issue.Args);
        return t[issue.Key, [.. args]].Value;
    }
}
