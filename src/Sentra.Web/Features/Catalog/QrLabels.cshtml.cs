using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sentra.Web.Infrastructure;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Catalog;

/// <summary>
/// An owner (or staff of the region) picks public products, copies and language, and downloads a PDF sheet of QR
/// labels. GET shows the form; the form posts to <c>…/qr-labels.pdf</c>, which answers the PDF, or the form again
/// with each problem next to its field.
/// </summary>
[Authorize]
public sealed class QrLabelsModel(QrLabelService service, IOptions<SentraOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public QrLabelInput Input { get; set; } = new();
    public QrLabelBusiness Business { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await service.BusinessAsync(User, Id, cancellationToken) is not { } business) return NotFound();
        Business = business;
        Input = QrLabelService.DefaultInput(business, System.Globalization.CultureInfo.CurrentUICulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await service.BusinessAsync(User, Id, cancellationToken) is not { } business) return NotFound();
        Business = business;
        if (!ModelState.IsValid) return Page();
        var result = await service.CreateAsync(User, Id, Input, PublicUrls.Base(Request, options.Value), cancellationToken);
        switch (result.Outcome)
        {
            case Outcome.Ok:
                Response.Headers.CacheControl = "no-store";
                return File(result.Value!.Content, "application/pdf", result.Value.FileName);
            case Outcome.NotFound:
                return NotFound();
            default:
                foreach (var e in result.Errors) ModelState.AddModelError("Input." + e.Field, e.Message(t, _ => t[FieldLabel(e.Field)].Value));
                return Page();
        }
    }

    /// <summary>The product a row of the form is for, or null when it is not (or no longer) public.</summary>
    public QrLabelProduct? ProductOf(QrLabelItem item) => Business.Products.FirstOrDefault(p => p.Id == item.ProductId);

    private static string FieldLabel(string field) => field switch
    {
        nameof(QrLabelInput.Language) => "Labels.Language",
        nameof(QrLabelInput.Items) => "Labels.Products",
        _ => "Labels.Copies",
    };
}
