namespace Sentra.Web.Infrastructure.Files;

/// <summary>
/// An upload that is refused. <see cref="ErrorKey"/> is a resource key (see <see cref="UploadErrors"/>)
/// for the message shown to the person who sent the file.
/// </summary>
public sealed class UploadRejectedException(string errorKey) : Exception($"Upload rejected: {errorKey}")
{
    public string ErrorKey { get; } = errorKey;
}

/// <summary>The resource keys an upload can be refused with.</summary>
public static class UploadErrors
{
    /// <summary>The file is larger than the configured limit.</summary>
    public const string TooLarge = "Upload.TooLarge";
    /// <summary>The content is not a JPEG, PNG or WebP image (whatever its name or declared type).</summary>
    public const string NotImage = "Upload.NotImage";
    /// <summary>The content starts like a known type but cannot be read (truncated or damaged).</summary>
    public const string Corrupt = "Upload.Corrupt";
    /// <summary>The image header claims more pixels than allowed (decompression-bomb guard).</summary>
    public const string TooManyPixels = "Upload.TooManyPixels";
    /// <summary>An HEIC/HEIF photo that this server cannot decode: ask for JPEG.</summary>
    public const string HeicNotSupported = "Upload.HeicNotSupported";
    /// <summary>The content is not a PDF, JPEG or PNG document.</summary>
    public const string NotDocument = "Upload.NotDocument";
}

/// <summary>Reads an upload into memory, refusing it as soon as it passes the size limit.</summary>
internal static class UploadReader
{
    private const int ChunkSize = 81_920;

    public static byte[] Read(Stream upload, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(upload);
        RejectIfKnownTooLarge(upload, maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = upload.Read(chunk.AsSpan())) > 0)
        {
            Append(buffer, chunk, read, maxBytes);
        }
        return buffer.ToArray();
    }

    public static async Task<byte[]> ReadAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        RejectIfKnownTooLarge(upload, maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await upload.ReadAsync(chunk.AsMemory(), cancellationToken)) > 0)
        {
            Append(buffer, chunk, read, maxBytes);
        }
        return buffer.ToArray();
    }

    private static void RejectIfKnownTooLarge(Stream upload, long maxBytes)
    {
        if (upload.CanSeek && upload.Length - upload.Position > maxBytes)
        {
            throw new UploadRejectedException(UploadErrors.TooLarge);
        }
    }

    private static void Append(MemoryStream buffer, byte[] chunk, int count, long maxBytes)
    {
        if (buffer.Length + count > maxBytes)
        {
            throw new UploadRejectedException(UploadErrors.TooLarge);
        }
        buffer.Write(chunk, 0, count);
    }
}
