using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Web.Features.Import;

[Authorize(Policy = Policies.Editor)]
[RequestSizeLimit(MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1024 * 1024)]
public sealed class IndexModel(ImportJobs jobs, RegionChoices regions, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxBytes = 50 * 1024 * 1024;

    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }
    [BindProperty(Name = "cluster")] public int? Cluster { get; set; }
    public IReadOnlyList<(int Id, string Name)> Clusters { get; private set; } = [];

    public async Task OnGetAsync() => Clusters = await regions.ClustersAsync(User);

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), t["Upload.NoFile"]);
        else if (Upload.Length > MaxBytes) ModelState.AddModelError(nameof(Upload), t["Upload.TooLarge"]);
        else if (!SpreadsheetReader.Extensions.Contains(Path.GetExtension(Upload.FileName).ToLowerInvariant()))
            ModelState.AddModelError(nameof(Upload), t[ImportErrors.UnsupportedFile]);
        if (Cluster is { } c && (await regions.ClustersAsync(User)).All(x => x.Id != c)) ModelState.AddModelError(nameof(Upload), t["Validation.InvalidValue"]);
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer);
        var job = jobs.StartAnalysis(User, buffer.ToArray(), Path.GetFileName(Upload.FileName), Cluster);
        return Redirect($"/registry/import/{job.Id}");
    }
}
