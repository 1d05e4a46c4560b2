using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Sentra.Web.Infrastructure.Localization;

public static class LanguageSwitch
{
    /// <summary>
    /// The switch on signed-in pages: remembers the language in a cookie and goes back. Public pages
    /// link to their <c>/en/</c> twin instead, so their URLs carry the language.
    /// </summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/language", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context) =>
            {
                var chosen = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Cultures.English : Cultures.Indonesian;
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
                var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                             && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
                return Results.LocalRedirect(target);
            })
            .ExcludeFromDescription();
}
