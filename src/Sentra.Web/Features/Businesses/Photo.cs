using Sentra.Web.Infrastructure.Files;

namespace Sentra.Web.Features.Businesses;

/// <summary>
/// A photo of a business or a product. The upload is re-encoded (metadata stripped) into a full
/// size and thumbnails, each kept as a <see cref="StoredFile"/>.
/// </summary>
public sealed class Photo
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public int? ProductId { get; set; }
    public int SortOrder { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string? Caption { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<StoredFile> Files { get; set; } = [];

    /// <summary>A photo of what <see cref="ImageProcessor"/> made of an upload: one stored file per variant.</summary>
    public static Photo From(ProcessedImage image, int businessId, int? productId, int sortOrder, DateTime now, string? caption = null) => new()
    {
        BusinessId = businessId, ProductId = productId, SortOrder = sortOrder, Width = image.Width, Height = image.Height,
        Caption = caption, CreatedAt = now,
        // StoredFile keys are left to EF: a preset key would make it treat the row as existing.
        Files = image.Variants.Select(v => new StoredFile
        {
            Name = v.Name, ContentType = v.ContentType, Width = v.Width, Height = v.Height, Length = v.Bytes.Length, Bytes = v.Bytes, CreatedAt = now,
        }).ToList(),
    };
}

/// <summary>
/// File bytes kept in the database, so every app instance serves them without shared disk. Photos
/// are re-encoded and small (a few hundred KB); documents are capped (see DocumentOptions).
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    public int? PhotoId { get; set; }
    /// <summary><c>full.jpg</c>, <c>w320.webp</c>, … for photos; <c>document</c> for permit scans.</summary>
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Length { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTime CreatedAt { get; set; }
}
