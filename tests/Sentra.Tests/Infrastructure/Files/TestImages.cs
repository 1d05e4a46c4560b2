using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using Sentra.Web.Infrastructure.Files;
using SkiaSharp;

namespace Sentra.Tests.Infrastructure.Files;

/// <summary>Builds test images and files in memory: no binary fixtures.</summary>
public static class TestImages
{
    public static ImageProcessor Processor(ImageOptions? options = null) => new(Options.Create(options ?? new ImageOptions()));

    /// <summary>
    /// A photo-like picture: a diagonal gradient with some shapes and sensor-like noise (so it compresses like a
    /// photo, not like a flat colour), with a pure red block in the top-left corner to follow orientation.
    /// </summary>
    public static SKBitmap Photo(int width, int height, int seed = 1)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                    [new SKColor(30, 120, 200), new SKColor(40, 180, 90), new SKColor(230, 200, 60)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, gradient);
            using var shape = new SKPaint { Color = new SKColor(250, 250, 250), IsAntialias = true };
            canvas.DrawCircle(width * 0.6f, height * 0.55f, height * 0.25f, shape);
            shape.Color = new SKColor(20, 20, 60);
            canvas.DrawRect(width * 0.3f, height * 0.7f, width * 0.5f, height * 0.1f, shape);
        }

        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var noise = random.Next(-12, 13);
            pixels[i] = ClampByte(pixels[i] + noise);
            pixels[i + 1] = ClampByte(pixels[i + 1] + noise);
            pixels[i + 2] = ClampByte(pixels[i + 2] + noise);
        }

        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = new SKColor(255, 0, 0) };
            canvas.DrawRect(0, 0, width / 5f, height / 5f, red);
        }
        return bitmap;
    }

    /// <summary>Full-strength random colour noise: the hardest picture to compress.</summary>
    public static SKBitmap Noise(int width, int height, int seed = 3)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        new Random(seed).NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }
        return bitmap;
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 90)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] WebP(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 80);
        return data.ToArray();
    }

    /// <summary>
    /// Inserts an EXIF APP1 segment right after SOI, as phones write it: IFD0 with Orientation and a GPS IFD
    /// pointer, and a GPS IFD with a latitude (6° 10′ 30″ S).
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[92];
        var t = tiff.AsSpan();
        "MM"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16BigEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(t[4..], 8); // IFD0 offset

        // IFD0 at 8: two entries, then the next-IFD offset (0). Ends at 38.
        BinaryPrimitives.WriteUInt16BigEndian(t[8..], 2);
        WriteEntry(t[10..], tag: 0x0112, type: 3, count: 1, value: (uint)orientation << 16); // SHORT, left-justified
        WriteEntry(t[22..], tag: 0x8825, type: 4, count: 1, value: 38); // GPS IFD offset
        BinaryPrimitives.WriteUInt32BigEndian(t[34..], 0);

        // GPS IFD at 38: GPSLatitudeRef "S", GPSLatitude -> three RATIONALs at 68.
        BinaryPrimitives.WriteUInt16BigEndian(t[38..], 2);
        WriteEntry(t[40..], tag: 0x0001, type: 2, count: 2, value: 0x53000000); // "S\0"
        WriteEntry(t[52..], tag: 0x0002, type: 5, count: 3, value: 68);
        BinaryPrimitives.WriteUInt32BigEndian(t[64..], 0);
        uint[] rationals = [6, 1, 10, 1, 3000, 100];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(t[(68 + (i * 4))..], rationals[i]);
        }

        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        segment.Add((byte)(length >> 8));
        segment.Add((byte)length);
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);

        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    private static void WriteEntry(Span<byte> entry, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(entry, tag);
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(entry[8..], value);
    }

    /// <summary>The markers of a JPEG's segments before the scan data (APP0 = 0xE0, APP1/EXIF = 0xE1…).</summary>
    public static List<byte> JpegMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }
            i += 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
        }
        return markers;
    }

    /// <summary>A PNG whose IHDR claims <paramref name="width"/> × <paramref name="height"/>, with no pixel data at all.</summary>
    public static byte[] PngHeaderOnly(uint width, uint height)
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        AddChunk(bytes, "IHDR", ihdr);
        AddChunk(bytes, "IEND", []);
        return [.. bytes];
    }

    private static void AddChunk(List<byte> png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.AddRange(length);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.AddRange(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.AddRange(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    public static bool Contains(byte[] haystack, string ascii) =>
        haystack.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(ascii)) >= 0;

    public static SKColor PixelOf(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel(x, y);
    }

    private static byte ClampByte(int value) => (byte)Math.Clamp(value, 0, 255);
}

/// <summary>A stream that cannot seek or tell its length, like a request body.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
}
