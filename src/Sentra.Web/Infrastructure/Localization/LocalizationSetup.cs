using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Sentra.Web.Infrastructure.Localization;

/// <summary>Marks a page as public: its language comes from its URL, so shared links keep it.</summary>
public sealed class PublicPageMetadata;

public static class LocalizationSetup
{
    public const string PublicFolder = "/Public";

    public static IServiceCollection AddSentraLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.Indonesian);
            o.SupportedCultures = Cultures.Supported;
            o.SupportedUICultures = Cultures.Supported;
            o.RequestCultureProviders = [new SentraCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// Pages under <c>Features/Public</c> answer at their own URL in Indonesian and under
    /// <c>/en/</c> in English.
    /// </summary>
    public static void AddPublicPageConventions(this Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions options)
    {
        options.Conventions.AddFolderRouteModelConvention(PublicFolder, model =>
        {
            foreach (var selector in model.Selectors.ToList())
            {
                var template = (selector.AttributeRouteModel?.Template ?? "").Trim('/');
                model.Selectors.Add(new SelectorModel
                {
                    AttributeRouteModel = new AttributeRouteModel
                    {
                        Template = template.Length == 0 ? Cultures.EnglishPrefix : $"{Cultures.EnglishPrefix}/{template}",
                    },
                });
            }
        });
        options.Conventions.AddFolderApplicationModelConvention(PublicFolder,
            model => model.EndpointMetadata.Add(new PublicPageMetadata()));
    }
}

/// <summary>
/// Picks the language: <c>/en/…</c> is English; other public pages are Indonesian whatever the
/// cookie says (their URL carries the language); every other page follows the language cookie,
/// else Indonesian. Runs after routing so it can see whether the endpoint is a public page.
/// </summary>
public sealed class SentraCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path.Value ?? "";
        if (path.Equals("/" + Cultures.EnglishPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/" + Cultures.EnglishPrefix + "/", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.English));
        if (httpContext.GetEndpoint()?.Metadata.GetMetadata<PublicPageMetadata>() is not null)
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.Indonesian));
        var cookie = httpContext.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName];
        if (cookie is not null && CookieRequestCultureProvider.ParseCookieValue(cookie) is { } fromCookie)
            return Task.FromResult<ProviderCultureResult?>(fromCookie);
        return NullProviderCultureResult;
    }

    /// <summary>The same page in the other language, for the switch on a public page.</summary>
    public static string AlternatePublicPath(string path, bool toEnglish)
    {
        var prefix = "/" + Cultures.EnglishPrefix;
        var isEnglish = path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
                        || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
        if (toEnglish) return isEnglish ? path : prefix + (path == "/" ? "" : path);
        if (!isEnglish) return path;
        var rest = path[prefix.Length..];
        return rest.Length == 0 ? "/" : rest;
    }
}
