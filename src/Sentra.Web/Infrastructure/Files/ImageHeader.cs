using System.Buffers.Binary;

namespace Sentra.Web.Infrastructure.Files;

/// <summary>
/// Reads an image's pixel dimensions from its header alone, so that a decompression bomb (a small file
/// that claims a huge canvas) is refused before any decoder allocates pixels for it.
/// </summary>
internal static class ImageHeader
{
    /// <summary>
    /// The width and height the header claims, or false when the header cannot be read (truncated or
    /// damaged) or the kind has no parser here (HEIC, whose size sits deep in its box tree).
    /// </summary>
    public static bool TryReadSize(ReadOnlySpan<byte> data, FileKind kind, out long width, out long height)
    {
        width = 0;
        height = 0;
        return kind switch
        {
            FileKind.Jpeg => TryReadJpeg(data, ref width, ref height),
            FileKind.Png => TryReadPng(data, ref width, ref height),
            FileKind.WebP => TryReadWebP(data, ref width, ref height),
            _ => false,
        };
    }

    /// <summary>PNG: the IHDR chunk must come first; width and height are big-endian 32-bit.</summary>
    private static bool TryReadPng(ReadOnlySpan<byte> data, ref long width, ref long height)
    {
        if (data.Length < 24 || !data[12..16].SequenceEqual("IHDR"u8))
        {
            return false;
        }
        width = BinaryPrimitives.ReadUInt32BigEndian(data[16..20]);
        height = BinaryPrimitives.ReadUInt32BigEndian(data[20..24]);
        return true;
    }

    /// <summary>JPEG: walk the marker segments (EXIF, ICC…) up to the first start-of-frame.</summary>
    private static bool TryReadJpeg(ReadOnlySpan<byte> data, ref long width, ref long height)
    {
        var i = 2;
        while (i + 1 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return false;
            }
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }
            i += 2;
            if (marker is 0x01 or 0xD8 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }
            if (marker is 0xD9 or 0xDA || i + 2 > data.Length)
            {
                return false; // end of image or scan data before any frame header
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i, 2));
            if (length < 2)
            {
                return false;
            }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                // SOFn: length (2), sample precision (1), height (2), width (2).
                if (length < 7 || i + 7 > data.Length)
                {
                    return false;
                }
                height = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 3, 2));
                width = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 5, 2));
                return true;
            }
            i += length;
        }
        return false;
    }

    /// <summary>WebP: lossy (VP8), lossless (VP8L) or extended (VP8X, canvas size) first chunk.</summary>
    private static bool TryReadWebP(ReadOnlySpan<byte> data, ref long width, ref long height)
    {
        if (data.Length < 30)
        {
            return false;
        }
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
            {
                return false;
            }
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[26..28]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[28..30]) & 0x3FFF;
            return true;
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F)
            {
                return false;
            }
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..25]);
            width = (bits & 0x3FFF) + 1;
            height = ((bits >> 14) & 0x3FFF) + 1;
            return true;
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            width = 1 + (data[24] | (data[25] << 8) | (data[26] << 16));
            height = 1 + (data[27] | (data[28] << 8) | (data[29] << 16));
            return true;
        }
        return false;
    }
}
