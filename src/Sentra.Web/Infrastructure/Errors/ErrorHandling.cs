using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Sentra.Web.Infrastructure.Errors;

/// <summary>
/// One place turns failures into answers: ProblemDetails for the API (never a stack trace outside
/// Development), the error page for people.
/// </summary>
public static class ErrorHandling
{
    public static IServiceCollection AddSentraErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Bad bodies throw so BadRequestExceptionHandler can say what was wrong (e.g. an unknown field).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseSentraErrors(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            if (app.Environment.IsDevelopment()) pages.UseDeveloperExceptionPage();
            else pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        });
        app.UseMiddleware<AbortedRequestMiddleware>();
        return app;
    }
}

/// <summary>Bad request bodies (malformed JSON, unknown fields, too large) answer 400/413 as ProblemDetails.</summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            Microsoft.AspNetCore.Http.BadHttpRequestException b => b.StatusCode,
            _ => 0,
        };
        if (status == 0) return false;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request",
                Detail = exception.InnerException is System.Text.Json.JsonException json ? json.Message : exception.Message,
            },
        });
    }
}

/// <summary>Limits the size of API request bodies; pages keep Kestrel's default for uploads.</summary>
public sealed class ApiBodyLimitMiddleware(RequestDelegate next)
{
    public const long MaxApiBodyBytes = 1024 * 1024;
    /// <summary>Photo and document uploads (multipart) may be larger; their own checks cap them at 10 MB and 5 MB.</summary>
    public const long MaxApiUploadBytes = 11 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var limitBytes = context.Request.HasFormContentType ? MaxApiUploadBytes : MaxApiBodyBytes;
        if (context.Request.Path.StartsWithSegments("/api") && context.Request.ContentLength > limitBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = 413, Title = "Request body too large", Detail = $"At most {limitBytes} bytes." },
            });
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = limitBytes;
        await next(context);
    }
}

/// <summary>
/// A client that closes its connection mid-request (a phone losing signal, a load test stopping)
/// cancels <see cref="HttpContext.RequestAborted"/>, and whatever was running throws
/// <see cref="OperationCanceledException"/>. Nobody is left to answer, so it is no error: noted at
/// debug level instead of logged as an unhandled exception with a stack trace.
/// </summary>
public sealed class AbortedRequestMiddleware(RequestDelegate next, ILogger<AbortedRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("{Method} {Path} aborted by the client", context.Request.Method, context.Request.Path);
        }
    }
}
