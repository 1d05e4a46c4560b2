using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Demo;
using Sentra.Web.Infrastructure.Email;
using Sentra.Web.Infrastructure.Errors;
using Sentra.Web.Infrastructure.Localization;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Web.Infrastructure;

public sealed class SentraOptions
{
    public const string Section = "Sentra";
    /// <summary>Absolute base URL for links that leave the app (invitations, shared pages); else the request's own.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Cross-cutting set-up shared by every capability.</summary>
public static class PlatformSetup
{
    public static IServiceCollection AddSentraPlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.Configure<SentraOptions>(configuration.GetSection(SentraOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender, EmailSender>();
        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<PersonalDataProtector>();
        services.AddSentraErrors();
        services.AddSentraLocalization();
        services.AddSentraMap(configuration);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Unknown fields are a client error, not something to ignore silently.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sentra API";
            document.Info.Description = "Registry and catalog of sentra IKM. Sign in with POST /api/v1/auth/login and send `Authorization: Bearer <accessToken>`.";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/v1/auth/login.",
            };
            return Task.CompletedTask;
        }));
        services.AddDataProtection().SetApplicationName("Sentra").PersistKeysToDbContext<AppDbContext>();
        services.AddAntiforgery(o => o.Cookie.Name = "sentra.af");
        // Phones on slow mobile data: compress text responses (HTTPS too: pages carry no secrets an attacker
        // could guess byte by byte next to their own input, and antiforgery tokens are masked per response).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json"]);
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // Emit Indonesian and symbols (Rp, →, •) as text rather than &#x…; entities: lighter pages, same safety.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
            services.AddLogging(l => l.ClearProviders().AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            }));
        _ = environment;
        return services;
    }

    public static IServiceCollection AddSentraPages(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Users", Policies.Inviter);
                o.Conventions.AuthorizeFolder("/Audit", Policies.Admin);
                o.AddPublicPageConventions();
                o.Conventions.AddPageRoute("/Businesses/Edit", "/registry/businesses/new");
                o.Conventions.AddPageRoute("/Public/Product", "en/products/{key}");
                o.Conventions.AddPageRoute("/Public/Business", "en/businesses/{key}");
                o.Conventions.AddPageRoute("/Public/Catalog", "en/catalog");
                o.Conventions.AddPageRoute("/Public/Directory", "en/directory");
                o.Conventions.AddPageRoute("/Clusters/Edit", "/registry/clusters/new");
                o.Conventions.AddPageRoute("/Products/Edit", "/registry/products/new");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        return services;
    }

    public static async Task PrepareSentraAsync(this WebApplication app)
    {
        await app.Services.PrepareDatabaseAsync();
        app.Logger.LogInformation("Database ready: {Provider}, environment {Environment}",
            app.Services.GetRequiredService<ResolvedDatabase>().Provider, app.Environment.EnvironmentName);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().LoadAsync();
        await RoleSeeder.SeedAsync(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEnabledAsync();
        await app.Services.PrepareCatalogAsync();
        if (app.Configuration.GetValue<bool>($"{DemoOptions.Section}:Enabled") && !app.Environment.IsProduction())
        {
            Console.WriteLine("Sentra demo accounts (password for all: " + DemoAccounts.Password + "):");
            foreach (var (email, role, _) in DemoAccounts.All) Console.WriteLine($"  {role,-8} {email}");
        }
    }

    public static WebApplication UseSentraPipeline(this WebApplication app)
    {
        app.UseMiddleware<ApiBodyLimitMiddleware>();
        app.UseSentraErrors();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseResponseCompression();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();                  // public pages only (policy CatalogCache.Policy); never signed-in responses
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapSentraOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Sentra API v1");
            o.RoutePrefix = "api/docs";
            o.DocumentTitle = "Sentra API";
        });
        return app;
    }

    public static WebApplication MapSentraPages(this WebApplication app)
    {
        // wwwroot as compressed at build time (gzip; gzip and Brotli on publish) at the highest level, so
        // Leaflet and friends stay inside the 60 KB page budget without compressing on every request.
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapLanguageSwitch();
        return app;
    }
}
