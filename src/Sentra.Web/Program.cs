using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Products;
using Sentra.Web.Features.Demo;
using Sentra.Web.Features.Health;
using Sentra.Web.Features.Import;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure;
using Sentra.Web.Infrastructure.Startup;

// Sentra: the registry, training, halal support, promotion and evaluation of sentra IKM.
// This file is the table of contents: each capability registers itself.
try
{
    var builder = WebApplication.CreateBuilder(args);

    var problems = StartupChecks.Problems(builder.Configuration, builder.Environment);
    if (problems.Count > 0) throw new StartupConfigurationException(string.Join(Environment.NewLine, problems));

    builder.Services
        .AddSentraPlatform(builder.Configuration, builder.Environment)   // logs, errors, localisation, OpenAPI, e-mail, personal data
        .AddSentraDatabase(builder.Configuration, builder.Environment.ContentRootPath)
        .AddSentraAccounts(builder.Configuration)
        .AddSentraAudit()
        .AddSentraRegistry(builder.Configuration)
        .AddSentraImport()
        .AddSentraCatalog()                    // public catalog search, its index, output caching
        .AddSentraQrLabels()                   // printable QR label sheets for packaging
        .AddSentraPartnerEmbed()               // partner JSON feed and embeddable widget
        .AddSentraHealth()
        .AddSentraDemo(builder.Configuration)
        .AddSentraPages();

    var app = builder.Build();

    if (CommandLine.IsCommand(args))
        return await CommandLine.RunAsync(app, args);

    await app.PrepareSentraAsync();            // migrate, load reference data, roles, demo sentra

    app.UseSentraPipeline();                   // errors, security headers, static files, localisation, auth

    var api = app.MapGroup("/api/v1");
    api.MapAccountsApi();
    api.MapRegionsApi();
    api.MapKbliApi();
    api.MapAuditApi();
    api.MapBusinessesApi();
    api.MapClustersApi();
    api.MapProductsApi();
    app.MapPhotoFiles();
    app.MapRegistryExport();
    app.MapVerificationQr();
    app.MapSearchEngineFiles();
    app.MapPartnerEmbed();
    app.MapPermitDocuments();
    app.MapImportTemplates();

    app.MapSentraHealth();
    app.MapSentraOpenApi();
    app.MapSentraPages();

    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
