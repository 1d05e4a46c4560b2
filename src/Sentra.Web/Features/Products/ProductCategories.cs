using Microsoft.Extensions.Options;
using Sentra.Web.Infrastructure.Localization;

namespace Sentra.Web.Features.Products;

public sealed record ProductCategory(string Key, string NameId, string NameEn)
{
    public string Name => Cultures.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture) ? NameEn : NameId;
}

/// <summary>The processed-food categories an office uses; configuration, with these defaults.</summary>
public sealed class ProductCategoryOptions
{
    public const string Section = "Sentra:ProductCategories";

    public static readonly IReadOnlyList<ProductCategory> Defaults =
    [
        new("snacks", "Camilan", "Snacks"),
        new("chips", "Keripik dan kerupuk", "Chips and crackers"),
        new("cakes", "Kue dan roti", "Cakes and pastries"),
        new("frozen", "Makanan beku", "Frozen food"),
        new("sambal", "Sambal dan bumbu", "Sambal and condiments"),
        new("beverages", "Minuman", "Beverages"),
        new("sweets", "Manisan dan dodol", "Sweets and dodol"),
    ];

    public List<ProductCategory> Items { get; set; } = [];
}

public sealed class ProductCategories(IOptions<ProductCategoryOptions> options)
{
    public IReadOnlyList<ProductCategory> All => options.Value.Items.Count > 0 ? options.Value.Items : ProductCategoryOptions.Defaults;
    public ProductCategory? Find(string? key) => All.FirstOrDefault(c => c.Key == key);
}
