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

    /// <summary>
    /// The policy of a page made to be framed by partner sites (the sentra widget): only its own styles and
    /// images, no script, and <c>frame-ancestors</c> naming exactly the site itself and the given origins.
    /// </summary>
    public static string FramedPolicy(IEnumerable<string> ancestors) =>
        "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors " + string.Join(' ', ancestors.Prepend("'self'"));

    /// <summary>
    /// Lets this one response be framed by the site and the given origins (already validated as bare origins),
    /// replacing the site-wide <c>frame-ancestors 'self'</c> and <c>X-Frame-Options</c> set before the page ran.
    /// </summary>
    public static void AllowFramingBy(HttpResponse response, IEnumerable<string> origins)
    {
        response.Headers.ContentSecurityPolicy = FramedPolicy(origins);
        response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.XFrameOptions);
    }

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
