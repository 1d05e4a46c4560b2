using System.Globalization;
using QRCoder;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Infrastructure;
using Sentra.Web.Infrastructure.Localization;

namespace Sentra.Web.Features.Catalog;

/// <summary>
/// Short, stable verification links printed as QR codes on packaging: <c>/v/p42</c> for product 42,
/// <c>/v/b7</c> for business 7. The page says whether the product is registered with the office and
/// whether its permits and halal certificate are still valid.
/// </summary>
public static class Verification
{
    public static string ProductCode(int id) => "p" + id.ToString(CultureInfo.InvariantCulture);
    public static string BusinessCode(int id) => "b" + id.ToString(CultureInfo.InvariantCulture);

    public static (char Kind, int Id)? Parse(string? code) =>
        code is { Length: > 1 } && code[0] is 'p' or 'b'
        && int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? (code[0], id)
            : null;

    /// <summary>The worst state among permits: expired beats expiring soon beats valid.</summary>
    public static ExpiryState? Worst(IEnumerable<PublicPermit> permits) =>
        permits.Select(p => p.State).Where(s => s is not null).Max();

    /// <summary>
    /// The absolute link a QR code carries: <c>https://sentra.example/v/p42</c>, or the English page
    /// <c>…/en/v/p42</c> on labels printed in English.
    /// </summary>
    public static string Url(string root, string code, bool english = false) =>
        $"{root.TrimEnd('/')}/{(english ? Cultures.EnglishPrefix + "/" : "")}v/{code}";

    /// <summary>The QR code of a link, the same for the SVG and the printed labels (error correction M: 15% may be lost).</summary>
    public static QRCodeData QrCode(string url)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
    }

    /// <summary>The QR code of a verification link as SVG (scales to any label size, a few KB).</summary>
    public static void MapVerificationQr(this IEndpointRouteBuilder app) =>
        app.MapGet("/v/{code}/qr.svg", (string code, HttpRequest request, Microsoft.Extensions.Options.IOptions<SentraOptions> options) =>
            {
                if (Parse(code) is null) return Results.NotFound();
                using var data = QrCode(Url(PublicUrls.Base(request, options.Value), code));
                var svg = new SvgQRCode(data).GetGraphic(8);
                return Results.Text(svg, "image/svg+xml");
            })
            .AllowAnonymous()
            .CacheOutput(CatalogCache.Policy)
            .ExcludeFromDescription();
}
