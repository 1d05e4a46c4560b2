using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Web.Features.Import;

public static class ImportSetup
{
    public static IServiceCollection AddSentraImport(this IServiceCollection services)
    {
        services.AddScoped<ImportAnalyser>();
        services.AddScoped<ImportCommitter>();
        services.AddSingleton<ImportJobs>();
        return services;
    }

    /// <summary>The office's spreadsheet format, as a template to fill in.</summary>
    public static void MapImportTemplates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/registry/import/template.xlsx", () => Results.File(Template.Xlsx(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Template.XlsxFileName))
            .RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        app.MapGet("/registry/import/template.csv", () => Results.File(
                [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Template.Csv())],
                "text/csv; charset=utf-8", Template.CsvFileName))
            .RequireAuthorization(Policies.Editor).ExcludeFromDescription();
    }
}
