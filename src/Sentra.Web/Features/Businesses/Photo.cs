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
