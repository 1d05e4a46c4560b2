using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Sentra.Web.Data;

namespace Sentra.Web.Features.Health;

public static class HealthSetup
{
    public static IServiceCollection AddSentraHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary><c>/health</c>: 200 when the process and database answer, 503 otherwise, with each check's status.</summary>
    public static void MapSentraHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(context.Response.Body, new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new
                    {
                        status = e.Value.Status.ToString(),
                        durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    }),
                    process = new { uptimeSeconds = (long)(DateTime.UtcNow - System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime()).TotalSeconds },
                });
            },
        }).AllowAnonymous();
}
