using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Demo;
using SkiaSharp;

namespace Sentra.Tests.Demo;

/// <summary>The demo products' pictures: drawn (never passed off as photos), deterministic, through the upload pipeline.</summary>
public sealed class DemoPhotosTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Every_catalog_demo_product_has_one_drawn_picture_in_every_size_the_pipeline_makes()
    {
        await using var db = App.NewDbContext();
        var products = await db.Products.Where(p => p.IsDemo).Include(p => p.Photos).ThenInclude(ph => ph.Files).AsSplitQuery().ToListAsync();
        Assert.Equal(DemoData.Businesses.Sum(b => b.Products.Count), products.Count);
        Assert.Contains(products, p => !p.IsPublic);
        foreach (var product in products)
        {
            if (!product.IsPublic)
            {
                Assert.Empty(product.Photos);
                continue;
            }
            var photo = Assert.Single(product.Photos);
            Assert.Equal(DemoSeeder.DemoPhotoCaption, photo.Caption);
            Assert.Equal(product.BusinessId, photo.BusinessId);
            Assert.Equal((DemoProductArt.Width, DemoProductArt.Height), (photo.Width, photo.Height));
            var files = photo.Files.ToDictionary(f => f.Name);
            Assert.Equal(["full.jpg", "w320.jpg", "w320.webp", "w640.jpg", "w640.webp"], files.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, width, height, format) in new[]
                     {
                         ("full.jpg", 800, 600, SKEncodedImageFormat.Jpeg), ("w320.webp", 320, 240, SKEncodedImageFormat.Webp),
                         ("w320.jpg", 320, 240, SKEncodedImageFormat.Jpeg), ("w640.webp", 640, 480, SKEncodedImageFormat.Webp),
                         ("w640.jpg", 640, 480, SKEncodedImageFormat.Jpeg),
                     })
            {
                var file = files[name];
                Assert.Equal(file.Bytes.Length, file.Length);
                using var codec = SKCodec.Create(new SKMemoryStream(file.Bytes));
                Assert.Equal(format, codec.EncodedFormat);
                Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
            }
            // The list thumbnail fits the phone budget.
            Assert.InRange(files["w320.webp"].Length, 1, 40 * 1024);
            Assert.InRange(files["w320.jpg"].Length, 1, 40 * 1024);
        }
    }

    [Fact]
    public void A_picture_is_the_same_every_time_and_differs_between_products()
    {
        var first = DemoProductArt.DrawPng("Keripik Singkong Balado", "Kriuk Petir", "chips", "standing pouch", "250 g");
        var again = DemoProductArt.DrawPng("Keripik Singkong Balado", "Kriuk Petir", "chips", "standing pouch", "250 g");
        Assert.Equal(first, again);
        Assert.NotEqual(first, DemoProductArt.DrawPng("Keripik Singkong Original", "Kriuk Petir", "chips", "standing pouch", "250 g"));
        // Only the printed quantity differs: the text is really drawn.
        Assert.NotEqual(first, DemoProductArt.DrawPng("Keripik Singkong Balado", "Kriuk Petir", "chips", "standing pouch", "500 g"));
        using var bitmap = SKBitmap.Decode(first);
        Assert.Equal((DemoProductArt.Width, DemoProductArt.Height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Labels_are_set_in_the_shipped_DejaVu_Sans()
    {
        Assert.Equal("DejaVu Sans", DemoProductArt.Typeface(bold: false).FamilyName);
        Assert.Equal("DejaVu Sans", DemoProductArt.Typeface(bold: true).FamilyName);
        Assert.True(DemoProductArt.Typeface(bold: true).IsBold);
    }

    [Theory]
    [InlineData(500.0, "g", "500 g")]
    [InlineData(1.5, "L", "1,5 L")]
    [InlineData(null, null, null)]
    public void The_net_quantity_is_printed_the_Indonesian_way(double? quantity, string? unit, string? expected) =>
        Assert.Equal(expected, DemoProductArt.Quantity(quantity is null ? null : (decimal)quantity, unit));
}
