using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Businesses;

public static class PermitDocuments
{
    /// <summary>
    /// <c>GET /registry/businesses/{id}/permits/{permitId}/document</c>: the scanned permit, for the region's staff and the
    /// business's own owners. Not under /api: a signed-out person is sent to the login page; anyone else who may not see
    /// the business gets 404, as if neither existed. Never cached by shared caches (it may show an owner's name and address).
    /// </summary>
    public static void MapPermitDocuments(this IEndpointRouteBuilder app) =>
        app.MapGet("/registry/businesses/{id:int}/permits/{permitId:int}/document",
                async (int id, int permitId, ClaimsPrincipal user, AppDbContext db, RegistryAccess access, HttpContext http) =>
                {
                    if (!await access.Businesses(user).AnyAsync(b => b.Id == id)) return Results.NotFound();
                    var permit = await db.Permits.AsNoTracking().Where(p => p.Id == permitId && p.BusinessId == id && p.DocumentFileId != null)
                        .Select(p => new { p.Kind, p.Number, p.DocumentFileId }).FirstOrDefaultAsync();
                    if (permit is null) return Results.NotFound();
                    var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == permit.DocumentFileId);
                    if (file is null) return Results.NotFound();
                    http.Response.Headers.CacheControl = "private, no-store";
                    http.Response.Headers.ContentDisposition =
                        new ContentDispositionHeaderValue("inline") { FileName = FileName(permit.Kind, permit.Number, file.ContentType) }.ToString();
                    return Results.File(file.Bytes, file.ContentType);
                })
            .RequireAuthorization()
            .ExcludeFromDescription();

    /// <summary>
    /// A file name safe in any header and on any disk, made of the permit's kind and number only:
    /// <c>pirt-206327601014728.pdf</c>, <c>halal-id32110000123-2024.jpg</c>.
    /// </summary>
    public static string FileName(PermitKind kind, string number, string contentType)
    {
        ArgumentNullException.ThrowIfNull(number);
        var prefix = kind switch
        {
            PermitKind.Nib => "nib",
            PermitKind.Pirt => "pirt",
            PermitKind.BpomMd => "bpom-md",
            PermitKind.Halal => "halal",
            _ => "permit",
        };
        var name = new StringBuilder(prefix).Append('-');
        foreach (var c in number)
        {
            if (char.IsAsciiLetterOrDigit(c)) name.Append(char.ToLowerInvariant(c));
            else if (name[^1] != '-') name.Append('-');
        }
        var stem = name.ToString().TrimEnd('-');
        var extension = contentType == "application/pdf" ? "pdf" : "jpg";
        return $"{stem}.{extension}";
    }
}
