using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sentra.Web.Features.Catalog;
using Sentra.Web.Features.Catalog.Search;
using Sentra.Web.Features.Products;

namespace Sentra.Web.Features.Public;

/// <summary>The public catalog: full-text search with typo tolerance, filters, sorting and paging, all in the URL.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = CatalogCache.Policy)]
public sealed class CatalogModel(CatalogSearch search, ProductCategories categories) : PageModel
{
    public CatalogResults Results { get; private set; } = null!;
    public CatalogChoices Choices { get; private set; } = null!;
    public IReadOnlyList<ProductCategory> Categories => categories.All;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = CatalogQuery.From(name => Request.Query.TryGetValue(name, out var v) ? v.FirstOrDefault() : null);
        if (query.Category is not null && categories.Find(query.Category) is null) query = query with { Category = null };
        Results = await search.SearchAsync(query, cancellationToken);
        Choices = await search.ChoicesAsync(cancellationToken);
    }
}
