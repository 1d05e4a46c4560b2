using Microsoft.AspNetCore.OutputCaching;

namespace Sentra.Web.Features.Catalog;

/// <summary>
/// Public pages are output-cached under one tag. A save that changes what the public sees drops the
/// tag in this instance at once; other instances (each keeps its own cache) catch up within
/// <see cref="Lifetime"/>, which is also how long "open now" may lag. Public pages are not
/// "locked" (requests for the same page while it renders are not made to wait for the first one): the
/// waiting requests failed with the first one's cancellation when its visitor left (seen under load:
/// an error page for a visitor still waiting), and a page renders in milliseconds anyway.
/// </summary>
public sealed class CatalogCache(IOutputCacheStore store, Search.CatalogChoiceLists choices, Search.CatalogTables tables)
{
    public const string Tag = "catalog";
    public const string Policy = "PublicCatalog";
    /// <summary>The partner feed: one copy per calling origin, since only listed origins get the CORS header.</summary>
    public const string FeedPolicy = "PublicFeed";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public async Task InvalidateAsync(CancellationToken cancellationToken = default)
    {
        choices.Invalidate();
        tables.Invalidate();   // after the commit: a search that read the table between the change and its commit kept the old one
        await store.EvictByTagAsync(Tag, cancellationToken);
    }
}
