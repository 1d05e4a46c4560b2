using System.Text;

namespace Sentra.Web.Infrastructure.Files;

/// <summary>A file's real type, as told by its first bytes.</summary>
public enum FileKind
{
    Unknown,
    Jpeg,
    Png,
    WebP,
    Pdf,
    Heic,
}

/// <summary>
/// Tells a file's type from its first bytes ("magic numbers"). The file name and the content type the
/// browser declared are never consulted: both are chosen by the sender.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int HeaderLength = 12;

    /// <summary>
    /// Brands of an ISO-BMFF <c>ftyp</c> box that mean HEIC/HEIF stills or sequences, as phones write them.
    /// <c>mif1</c>/<c>msf1</c> are the generic HEIF brands; AVIF files carry <c>avif</c> and are not matched.
    /// </summary>
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    public static FileKind Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileKind.Jpeg;
        }
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileKind.Png;
        }
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return FileKind.WebP;
        }
        if (header.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8) && IsHeifBrand(header[8..12]))
        {
            return FileKind.Heic;
        }
        return FileKind.Unknown;
    }

    /// <summary>The content type to store and serve a file of this kind with.</summary>
    public static string ContentTypeOf(FileKind kind) => kind switch
    {
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.WebP => "image/webp",
        FileKind.Pdf => "application/pdf",
        FileKind.Heic => "image/heic",
        _ => "application/octet-stream",
    };

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        Array.IndexOf(HeifBrands, Encoding.ASCII.GetString(brand)) >= 0;
}
