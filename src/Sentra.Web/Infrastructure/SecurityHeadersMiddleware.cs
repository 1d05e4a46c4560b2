using Microsoft.Extensions.Options;

namespace Sentra.Web.Infrastructure;

/// <summary>
/// A content security policy without <c>unsafe-inline</c>: nothing an owner types can run as
/// script. Map tiles are the one third-party source, added to <c>img-src</c> when configured.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<MapOptions> map)
{
    private readonly string _policy = PolicyFor(map.Value);

    internal static string PolicyFor(MapOptions map) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; " +
        $"img-src 'self' data:{(map.Enabled && map.TileOrigin is { } tiles ? " " + tiles : "")}; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        // Swagger UI's page carries inline bootstrapping; it serves programmers, not the public.
        if (!context.Request.Path.StartsWithSegments("/api/docs"))
            headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
        return next(context);
    }
}
