using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Infrastructure.Localization;
using Sentra.Web.Infrastructure.Validation;

namespace Sentra.Web.Features.Catalog;

/// <summary>What the owner asks for: which products, how many labels of each, in which language.</summary>
public sealed class QrLabelInput
{
    public List<QrLabelItem> Items { get; set; } = [];
    public string Language { get; set; } = QrLabelService.Indonesian;
}

public sealed class QrLabelItem
{
    public int ProductId { get; set; }
    public bool Selected { get; set; }
    public int? Copies { get; set; }
}

public sealed record QrLabelProduct(int Id, string Name, string? NameEn);

/// <summary>A product of the business that gets no label, and why (a resource key).</summary>
public sealed record QrLabelUnavailable(int Id, string Name, string ReasonKey);

public sealed record QrLabelBusiness(int Id, string Name, bool IsPublic, IReadOnlyList<QrLabelProduct> Products,
    IReadOnlyList<QrLabelUnavailable> Unavailable);

public sealed record QrLabelFile(string FileName, byte[] Content, int Labels, int Pages);

/// <summary>
/// Printable sheets of QR labels for a business's packaging. Only products that are public
/// (<see cref="PublicCatalog"/>) get labels: the code of a hidden or draft product would answer "not registered"
/// to the buyer who scans it. The business is reached through <see cref="RegistryAccess"/>, so an owner prints only
/// for their own businesses and staff for their region; anything else is not found.
/// </summary>
public sealed class QrLabelService(RegistryAccess access, PublicCatalog catalog, IStringLocalizer<SharedResource> t)
{
    public const int MinCopies = 1;
    public const int MaxCopies = 48;
    /// <summary>Forty A4 pages: more than any print run of stickers, small enough to make in a second.</summary>
    public const int MaxLabels = 960;
    public const string Indonesian = "id";
    public const string English = "en";

    public static LabelSheetLayout Layout => LabelSheetLayout.A4;

    /// <summary>The business with the products that can and cannot have labels, or null when the user may not see it.</summary>
    public async Task<QrLabelBusiness?> BusinessAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var business = await access.Businesses(user).AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Id, b.Name, b.Status }).FirstOrDefaultAsync(cancellationToken);
        if (business is null) return null;
        var products = await catalog.Products.Where(p => p.BusinessId == id).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new QrLabelProduct(p.Id, p.Name, p.NameEn)).ToListAsync(cancellationToken);
        var publicIds = products.Select(p => p.Id).ToList();
        var isPublic = PublicCatalog.PublicStatuses.Contains(business.Status);
        var others = await access.Products(user).AsNoTracking().Where(p => p.BusinessId == id && !publicIds.Contains(p.Id))
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => new { p.Id, p.Name, p.IsPublic, p.Availability }).ToListAsync(cancellationToken);
        // Not in the catalog: the whole business is not, else the product is hidden, else it is discontinued.
        var unavailable = others.Select(p => new QrLabelUnavailable(p.Id, p.Name,
            !isPublic ? "Labels.Reason.BusinessNotPublic" : !p.IsPublic ? "Labels.Reason.Hidden" : "Labels.Reason.Discontinued")).ToList();
        return new QrLabelBusiness(business.Id, business.Name, isPublic, products, unavailable);
    }

    /// <summary>A form with every public product chosen for one page of labels each, in the user's language.</summary>
    public static QrLabelInput DefaultInput(QrLabelBusiness business, CultureInfo culture) => new()
    {
        Items = [.. business.Products.Select(p => new QrLabelItem { ProductId = p.Id, Selected = true, Copies = Layout.PerPage })],
        Language = Cultures.IsEnglish(culture) ? English : Indonesian,
    };

    /// <summary>
    /// Checks the request and writes the sheet. Field errors name <c>Items</c> (the choice as a whole),
    /// <c>Items[i].Copies</c> (one product's count, by its index in the request) or <c>Language</c>.
    /// </summary>
    /// <param name="root">The public base URL the codes point to (<see cref="PublicUrls.Base"/>).</param>
    public async Task<ServiceResult<QrLabelFile>> CreateAsync(ClaimsPrincipal user, int id, QrLabelInput input, string root,
        CancellationToken cancellationToken = default)
    {
        var business = await BusinessAsync(user, id, cancellationToken);
        if (business is null) return ServiceResult<QrLabelFile>.NotFound();

        var errors = new List<FieldError>();
        if (input.Language is not (Indonesian or English)) errors.Add(new FieldError(nameof(QrLabelInput.Language), "Labels.LanguageInvalid"));
        var products = business.Products.ToDictionary(p => p.Id);
        var chosen = new List<(QrLabelProduct Product, int Copies)>();
        var refused = false;
        for (var i = 0; i < input.Items.Count; i++)
        {
            var item = input.Items[i];
            if (!item.Selected) continue;
            if (!products.TryGetValue(item.ProductId, out var product))
            {
                refused = true;
                continue;
            }
            if (item.Copies is not { } copies || copies < MinCopies || copies > MaxCopies)
                errors.Add(new FieldError($"{nameof(QrLabelInput.Items)}[{i.ToString(CultureInfo.InvariantCulture)}].{nameof(QrLabelItem.Copies)}",
                    "Labels.CopiesRange", [MinCopies, MaxCopies]));
            else chosen.Add((product, copies));
        }
        if (refused) errors.Add(new FieldError(nameof(QrLabelInput.Items), "Labels.NotPublic"));
        else if (chosen.Count == 0 && errors.All(e => e.MessageKey != "Labels.CopiesRange"))
            errors.Add(new FieldError(nameof(QrLabelInput.Items), "Labels.NoneSelected"));
        var total = chosen.Sum(c => c.Copies);
        if (total > MaxLabels) errors.Add(new FieldError(nameof(QrLabelInput.Items), "Labels.TooMany", [MaxLabels]));
        if (errors.Count > 0) return ServiceResult<QrLabelFile>.Invalid(errors);

        var culture = input.Language == English ? Cultures.EnglishCulture : Cultures.IndonesianCulture;
        var labels = new List<QrLabel>(total);
        foreach (var (product, copies) in chosen)
        {
            var url = Verification.Url(root, Verification.ProductCode(product.Id), english: culture == Cultures.EnglishCulture);
            var label = new QrLabel(culture == Cultures.EnglishCulture && product.NameEn is { Length: > 0 } en ? en : product.Name,
                business.Name, url, Readable(url));
            labels.AddRange(Enumerable.Repeat(label, copies));
        }
        var texts = new QrLabelSheetTexts(
            Text(culture, "Labels.PdfTitle", business.Name),
            Text(culture, "Labels.ScanLine"),
            (page, pages) => Text(culture, "Labels.PdfFooter", business.Name, page, pages));
        var pdf = QrLabelSheet.Render(labels, texts, Layout);
        return ServiceResult<QrLabelFile>.Ok(new QrLabelFile($"qr-labels-{PublicCatalog.Slug(business.Name, business.Id)}.pdf", pdf,
            labels.Count, Layout.Pages(labels.Count)));
    }

    /// <summary>The link as people type it: no scheme (<c>sentra.example/v/p42</c>).</summary>
    public static string Readable(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 ? url : url[(scheme + 3)..];
    }

    /// <summary>A text in the label's language, which need not be the page's.</summary>
    private string Text(CultureInfo culture, string key, params object[] args)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return t[key, args].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = format;
        }
    }
}

public static class QrLabelsSetup
{
    /// <summary>Printable QR label sheets (the page is <c>Features/Catalog/QrLabels.cshtml</c>).</summary>
    public static IServiceCollection AddSentraQrLabels(this IServiceCollection services)
    {
        services.AddScoped<QrLabelService>();
        // The form posts to …/qr-labels.pdf, so the download has the name it is. PostConfigure: AddRazorPages'
        // own set-up, registered later, would otherwise run after this and its conventions would not see the route.
        services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageRoute("/Catalog/QrLabels", "/registry/businesses/{id:int}/qr-labels.pdf"));
        return services;
    }
}
