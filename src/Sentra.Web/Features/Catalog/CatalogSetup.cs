using Sentra.Web.Data;
using Sentra.Web.Features.Catalog.Search;

namespace Sentra.Web.Features.Catalog;

public static class CatalogSetup
{
    /// <summary>Catalog search, its index kept in step with every save, and output caching of public pages.</summary>
    public static IServiceCollection AddSentraCatalog(this IServiceCollection services)
    {
        services.AddSingleton<SearchVocabulary>();
        services.AddSingleton<CatalogTables>();
        services.AddSingleton<CatalogChoiceLists>();
        services.AddSingleton<CatalogConnections>();
        services.AddSingleton<CatalogSearchGate>();
        services.AddOptions<CatalogSearchOptions>().BindConfiguration("Sentra:Catalog");
        services.AddSingleton<CatalogIndex>();
        services.AddSingleton<CatalogCache>();
        services.AddSingleton<CatalogIndexInterceptor>();
        services.AddScoped<CatalogSearch>();
        services.AddOutputCache(o =>
        {
            o.AddPolicy(CatalogCache.Policy, p => p.Expire(CatalogCache.Lifetime).Tag(CatalogCache.Tag).SetLocking(false));
            o.AddPolicy(CatalogCache.FeedPolicy, p => p.Expire(CatalogCache.Lifetime).Tag(CatalogCache.Tag).SetVaryByHeader("Origin"));
        });
        return services;
    }

    /// <summary>Builds the catalog entries when they are missing (first start after this feature, or a restored backup).</summary>
    public static async Task PrepareCatalogAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await CatalogIndex.NeedsRebuildAsync(db, cancellationToken))
            await scope.ServiceProvider.GetRequiredService<CatalogIndex>().RebuildAsync(db, cancellationToken);
    }
}
