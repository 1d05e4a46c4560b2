using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Sentra.Web.Infrastructure.Files;

/// <summary>Limits and output sizes for uploaded photos (configuration section <c>Sentra:Images</c>).</summary>
public sealed class ImageOptions
{
    public const string Section = "Sentra:Images";

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest width × height accepted, read from the header before decoding (decompression-bomb guard).</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Longest edge of the stored full version; smaller images are not enlarged.</summary>
    public int FullMaxEdge { get; set; } = 1600;

    /// <summary>
    /// Widths of the thumbnails, each stored as WebP and JPEG. The smallest is the list thumbnail and must fit
    /// <see cref="ListThumbnailMaxBytes"/>. Bind with <see cref="FilesSetup.AddSentraFiles"/>: the plain
    /// configuration binder would append configured widths to these defaults instead of replacing them.
    /// </summary>
    public IReadOnlyList<int> ThumbnailWidths { get; set; } = [320, 640];

    public int JpegQuality { get; set; } = 80;

    public int WebpQuality { get; set; } = 75;

    /// <summary>Budget for each encoding of the smallest thumbnail; its quality is lowered stepwise until it fits.</summary>
    public int ListThumbnailMaxBytes { get; set; } = 40 * 1024;
}

/// <summary>An uploaded photo after processing.</summary>
/// <param name="Width">Width of the uploaded image once its EXIF orientation is applied.</param>
/// <param name="Height">Height of the uploaded image once its EXIF orientation is applied.</param>
/// <param name="Variants"><c>full.jpg</c>, then <c>w{width}.webp</c> and <c>w{width}.jpg</c> for each thumbnail width.</param>
public sealed record ProcessedImage(int Width, int Height, IReadOnlyList<ImageVariant> Variants)
{
    public ImageVariant this[string name] =>
        Variants.FirstOrDefault(v => v.Name == name) ?? throw new KeyNotFoundException($"No image variant '{name}'.");
}

/// <summary>One stored encoding of a processed photo; it carries no metadata (no EXIF, GPS or ICC profile).</summary>
public sealed record ImageVariant(string Name, string ContentType, int Width, int Height, byte[] Bytes);

/// <summary>
/// Turns an uploaded photo into the versions the site stores: checks it by content (never by name or declared
/// type), refuses oversized files and decompression bombs, applies the EXIF orientation that phones use instead
/// of rotating pixels, and re-encodes — which drops every piece of metadata, GPS position included.
/// CPU-bound (a few hundred milliseconds for a phone photo) and thread-safe.
/// </summary>
public sealed class ImageProcessor(IOptions<ImageOptions> options)
{
    private const string FullName = "full.jpg";
    private const int QualityStep = 10;
    private const int MinimumQuality = 10;
    private static readonly float[] BlurSigmas = [0f, 0.8f, 1.6f, 3.2f];

    private readonly ImageOptions _options = options.Value;

    public ProcessedImage Process(Stream upload) => Process(UploadReader.Read(upload, _options.MaxUploadBytes));

    public async Task<ProcessedImage> ProcessAsync(Stream upload, CancellationToken cancellationToken = default) =>
        Process(await UploadReader.ReadAsync(upload, _options.MaxUploadBytes, cancellationToken));

    public ProcessedImage Process(byte[] upload)
    {
        using var full = DecodeFull(upload, out var width, out var height);
        var variants = new List<ImageVariant> { Encode(FullName, full, SKEncodedImageFormat.Jpeg, _options.JpegQuality, int.MaxValue) };

        var widths = _options.ThumbnailWidths.Where(w => w > 0).Distinct().Order().ToList();
        foreach (var thumbnailWidth in widths)
        {
            // Never enlarged: a small photo keeps its size under every name.
            var w = Math.Min(thumbnailWidth, full.Width);
            var h = Math.Max(1, (int)Math.Round((double)full.Height * w / full.Width));
            using var thumbnail = Resize(full, w, h);
            var budget = thumbnailWidth == widths[0] ? _options.ListThumbnailMaxBytes : int.MaxValue;
            variants.Add(Encode($"w{thumbnailWidth}.webp", thumbnail, SKEncodedImageFormat.Webp, _options.WebpQuality, budget));
            variants.Add(Encode($"w{thumbnailWidth}.jpg", thumbnail, SKEncodedImageFormat.Jpeg, _options.JpegQuality, budget));
        }
        return new ProcessedImage(width, height, variants);
    }

    /// <summary>Only the full JPEG version (oriented, resized, metadata stripped): for images sent as documents.</summary>
    public ImageVariant ProcessFull(byte[] upload)
    {
        using var full = DecodeFull(upload, out _, out _);
        return Encode(FullName, full, SKEncodedImageFormat.Jpeg, _options.JpegQuality, int.MaxValue);
    }

    /// <summary>Checks, decodes, resizes to the full version's size and orients; returns an opaque, untagged sRGB bitmap.</summary>
    private SKBitmap DecodeFull(byte[] upload, out int orientedWidth, out int orientedHeight)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.LongLength > _options.MaxUploadBytes)
        {
            throw new UploadRejectedException(UploadErrors.TooLarge);
        }

        var kind = FileSniffer.Detect(upload);
        if (kind is FileKind.Unknown or FileKind.Pdf)
        {
            throw new UploadRejectedException(UploadErrors.NotImage);
        }
        if (kind != FileKind.Heic)
        {
            // Before any decoder sees the file: a header we cannot read is refused, and so is a huge canvas.
            if (!ImageHeader.TryReadSize(upload, kind, out var claimedWidth, out var claimedHeight))
            {
                throw new UploadRejectedException(UploadErrors.Corrupt);
            }
            CheckPixels(claimedWidth, claimedHeight);
        }

        using var data = SKData.CreateCopy(upload);
        // SKCodec.Create reads the header only; pixels are decoded by GetPixels below.
        using var codec = SKCodec.Create(data)
            ?? throw new UploadRejectedException(kind == FileKind.Heic ? UploadErrors.HeicNotSupported : UploadErrors.Corrupt);
        CheckPixels(codec.Info.Width, codec.Info.Height);

        var origin = codec.EncodedOrigin;
        var swapsAxes = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        orientedWidth = swapsAxes ? codec.Info.Height : codec.Info.Width;
        orientedHeight = swapsAxes ? codec.Info.Width : codec.Info.Height;

        var (targetWidth, targetHeight) = Fit(codec.Info.Width, codec.Info.Height, _options.FullMaxEdge);
        using var decoded = Decode(codec, targetWidth, targetHeight);
        using var resized = Resize(decoded, targetWidth, targetHeight);
        return OrientAndFlatten(resized, origin);
    }

    private void CheckPixels(long width, long height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new UploadRejectedException(UploadErrors.Corrupt);
        }
        if (width * height > _options.MaxPixels)
        {
            throw new UploadRejectedException(UploadErrors.TooManyPixels);
        }
    }

    /// <summary>Size within <paramref name="maxEdge"/> keeping the aspect ratio; never enlarges.</summary>
    private static (int Width, int Height) Fit(int width, int height, int maxEdge)
    {
        var longest = Math.Max(width, height);
        if (longest <= maxEdge)
        {
            return (width, height);
        }
        var scale = (double)maxEdge / longest;
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    /// <summary>
    /// Decodes into sRGB (phones often tag photos Display P3; the profile is not kept, so colours are converted now).
    /// JPEG and WebP decoders can scale while decoding: the smallest size not below the target is used, which
    /// saves memory and time on large phone photos.
    /// </summary>
    private static SKBitmap Decode(SKCodec codec, int targetWidth, int targetHeight)
    {
        var size = codec.Info.Size;
        if (Math.Max(targetWidth, targetHeight) < Math.Max(size.Width, size.Height))
        {
            var scaled = codec.GetScaledDimensions((float)Math.Max(targetWidth, targetHeight) / Math.Max(size.Width, size.Height));
            if (scaled.Width >= targetWidth && scaled.Height >= targetHeight)
            {
                size = scaled;
            }
        }

        var bitmap = DecodeAt(codec, size);
        if (bitmap is null && size != codec.Info.Size)
        {
            bitmap = DecodeAt(codec, codec.Info.Size);
        }
        return bitmap ?? throw new UploadRejectedException(UploadErrors.Corrupt);
    }

    private static SKBitmap? DecodeAt(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var pixels = bitmap.GetPixels();
        // IncompleteInput (truncated) and ErrorInInput (damaged) would store a half-grey photo: refuse instead.
        if (pixels == IntPtr.Zero || codec.GetPixels(info, pixels) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    /// <summary>
    /// Downscales by halving (each step averages 2×2 pixels) while the image is at least twice the target,
    /// then a Mitchell cubic for the last step: sharp without the aliasing of a single large cubic step.
    /// </summary>
    private static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var current = source;
        try
        {
            while (current.Width >= width * 2 && current.Height >= height * 2)
            {
                var half = new SKBitmap(current.Info.WithSize(current.Width / 2, current.Height / 2));
                current.ScalePixels(half, new SKSamplingOptions(SKFilterMode.Linear));
                if (!ReferenceEquals(current, source))
                {
                    current.Dispose();
                }
                current = half;
            }
            var result = new SKBitmap(current.Info.WithSize(width, height));
            current.ScalePixels(result, new SKSamplingOptions(SKCubicResampler.Mitchell));
            return result;
        }
        finally
        {
            if (!ReferenceEquals(current, source))
            {
                current.Dispose();
            }
        }
    }

    /// <summary>
    /// Applies the EXIF orientation (the pixels are stored as the sensor saw them) and flattens any transparency
    /// onto white, into an opaque bitmap without a colour space tag (so encoders write no ICC profile).
    /// </summary>
    private static SKBitmap OrientAndFlatten(SKBitmap source, SKEncodedOrigin origin)
    {
        var swapsAxes = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swapsAxes ? source.Height : source.Width;
        var height = swapsAxes ? source.Width : source.Height;
        var result = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White);
        // Canvas calls compose so that the last one applies to the image first.
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: // mirrored horizontally
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight: // rotated 180°
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft: // mirrored vertically
                canvas.Translate(0, height);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop: // transposed: (x, y) → (y, x)
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop: // stored rotated 90° counter-clockwise: turn 90° clockwise
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom: // transverse: (x, y) → (width − y, height − x)
                canvas.Translate(width, height);
                canvas.RotateDegrees(-90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftBottom: // stored rotated 90° clockwise: turn 90° counter-clockwise
                canvas.Translate(0, height);
                canvas.RotateDegrees(-90);
                break;
            default:
                break;
        }
        using var image = SKImage.FromBitmap(source);
        // Whole-pixel turns and flips: nearest sampling copies pixels exactly.
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint: null);
        canvas.Flush();
        return result;
    }

    /// <summary>
    /// Encodes at <paramref name="quality"/>, lowering it stepwise while the result exceeds <paramref name="maxBytes"/>.
    /// Should even the lowest quality not fit (extreme fine detail, such as sensor noise in the dark), the picture is
    /// softened with a growing blur and the qualities are tried again: the budget holds for any picture.
    /// </summary>
    private static ImageVariant Encode(string name, SKBitmap bitmap, SKEncodedImageFormat format, int quality, int maxBytes)
    {
        var contentType = format == SKEncodedImageFormat.Webp ? "image/webp" : "image/jpeg";
        byte[]? smallest = null;
        foreach (var blurSigma in BlurSigmas)
        {
            using var softened = blurSigma > 0 ? Blur(bitmap, blurSigma) : null;
            using var pixmap = (softened ?? bitmap).PeekPixels();
            for (var q = quality; ; q = Math.Max(MinimumQuality, q - QualityStep))
            {
                var bytes = EncodeOnce(pixmap, format, q);
                if (bytes.Length <= maxBytes)
                {
                    return new ImageVariant(name, contentType, bitmap.Width, bitmap.Height, bytes);
                }
                if (smallest is null || bytes.Length < smallest.Length)
                {
                    smallest = bytes;
                }
                if (q <= MinimumQuality)
                {
                    break;
                }
            }
        }
        return new ImageVariant(name, contentType, bitmap.Width, bitmap.Height, smallest!);
    }

    private static SKBitmap Blur(SKBitmap source, float sigma)
    {
        var result = new SKBitmap(source.Info);
        using var canvas = new SKCanvas(result);
        using var filter = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { ImageFilter = filter };
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        canvas.Flush();
        return result;
    }

    private static byte[] EncodeOnce(SKPixmap pixmap, SKEncodedImageFormat format, int quality)
    {
        using var data = format == SKEncodedImageFormat.Webp
            ? pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality))
            : pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return data?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode {format} at quality {quality}.");
    }
}
