using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Products;
using Sentra.Web.Infrastructure.Files;

namespace Sentra.Web.Features.Businesses;

public static class RegistrySetup
{
    /// <summary>The registry of businesses, permits and products, with its rules as configuration.</summary>
    public static IServiceCollection AddSentraRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ClassificationOptions>(configuration.GetSection(ClassificationOptions.Section));
        services.Configure<ProductCategoryOptions>(configuration.GetSection(ProductCategoryOptions.Section));
        services.AddSentraFiles(configuration);
        services.AddSingleton<ProductCategories>();
        services.AddScoped<RegistryAccess>();
        services.AddScoped<RegionChoices>();
        services.AddScoped<BusinessService>();
        services.AddScoped<Clusters.ClusterService>();
        services.AddScoped<ProductService>();
        services.AddScoped<Catalog.PublicCatalog>();
        services.AddScoped<Catalog.PublicDirectory>();
        return services;
    }
}
