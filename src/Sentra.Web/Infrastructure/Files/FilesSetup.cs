namespace Sentra.Web.Infrastructure.Files;

public static class FilesSetup
{
    /// <summary>
    /// Registers <see cref="ImageProcessor"/> and <see cref="DocumentChecker"/> with their options from
    /// <c>Sentra:Images</c> and <c>Sentra:Documents</c>.
    /// </summary>
    public static IServiceCollection AddSentraFiles(this IServiceCollection services, IConfiguration configuration)
    {
        var images = configuration.GetSection(ImageOptions.Section);
        services.AddOptions<ImageOptions>()
            .Configure(o =>
            {
                images.Bind(o);
                // The binder appends a configured list to the default one; configured widths replace it instead.
                var widths = images.GetSection(nameof(ImageOptions.ThumbnailWidths)).Get<int[]>();
                if (widths is { Length: > 0 })
                {
                    o.ThumbnailWidths = widths;
                }
            })
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxPixels > 0 && o.FullMaxEdge > 0 && o.ListThumbnailMaxBytes > 0,
                "Sentra:Images limits must be positive.")
            .Validate(o => o.JpegQuality is >= 1 and <= 100 && o.WebpQuality is >= 1 and <= 100,
                "Sentra:Images qualities must be between 1 and 100.")
            .Validate(o => o.ThumbnailWidths.Count > 0 && o.ThumbnailWidths.All(w => w > 0),
                "Sentra:Images:ThumbnailWidths must list positive widths.")
            .ValidateOnStart();
        services.AddOptions<DocumentOptions>()
            .Bind(configuration.GetSection(DocumentOptions.Section))
            .Validate(o => o.MaxBytes > 0, "Sentra:Documents:MaxBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<DocumentChecker>();
        return services;
    }
}
