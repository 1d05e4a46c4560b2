using Microsoft.Extensions.Options;

namespace Sentra.Web.Infrastructure.Files;

/// <summary>Limits for permit documents (configuration section <c>Sentra:Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Sentra:Documents";

    /// <summary>Largest document accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}

/// <summary>A permit document ready to store.</summary>
/// <param name="Kind">The type of <paramref name="Bytes"/>: <see cref="FileKind.Pdf"/>, or <see cref="FileKind.Jpeg"/> for a photo or scan.</param>
/// <param name="ContentType">The content type to store and serve <paramref name="Bytes"/> with.</param>
/// <param name="Bytes">The PDF as uploaded, or the image re-encoded as JPEG without metadata.</param>
public sealed record CheckedDocument(FileKind Kind, string ContentType, byte[] Bytes);

/// <summary>
/// Checks a permit document by its content: PDF, JPEG or PNG, within the size limit. A PDF must end with
/// <c>%%EOF</c> (a cheap truncation check) and is stored as sent; a photo or scan goes through
/// <see cref="ImageProcessor.ProcessFull"/>, which orients it and strips its metadata (EXIF, GPS).
/// </summary>
public sealed class DocumentChecker(IOptions<DocumentOptions> options, ImageProcessor images)
{
    /// <summary>How far from the end of a PDF its <c>%%EOF</c> marker may be (writers add line ends, some add padding).</summary>
    private const int EofWindow = 1024;

    private readonly DocumentOptions _options = options.Value;

    public CheckedDocument Check(Stream upload) => Check(UploadReader.Read(upload, _options.MaxBytes));

    public async Task<CheckedDocument> CheckAsync(Stream upload, CancellationToken cancellationToken = default) =>
        Check(await UploadReader.ReadAsync(upload, _options.MaxBytes, cancellationToken));

    public CheckedDocument Check(byte[] upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.LongLength > _options.MaxBytes)
        {
            throw new UploadRejectedException(UploadErrors.TooLarge);
        }

        switch (FileSniffer.Detect(upload))
        {
            case FileKind.Pdf:
                var tail = upload.AsSpan(Math.Max(0, upload.Length - EofWindow));
                if (tail.IndexOf("%%EOF"u8) < 0)
                {
                    throw new UploadRejectedException(UploadErrors.Corrupt);
                }
                return new CheckedDocument(FileKind.Pdf, FileSniffer.ContentTypeOf(FileKind.Pdf), upload);

            case FileKind.Jpeg or FileKind.Png:
                var full = images.ProcessFull(upload);
                return new CheckedDocument(FileKind.Jpeg, full.ContentType, full.Bytes);

            case FileKind.Heic:
                // The officer's phone saved the scan as HEIC: say how to fix it rather than "not a document".
                throw new UploadRejectedException(UploadErrors.HeicNotSupported);

            default:
                throw new UploadRejectedException(UploadErrors.NotDocument);
        }
    }
}
