using System.Diagnostics;
using System.Text;
using Sentra.Web.Infrastructure.Files;
using SkiaSharp;
using Xunit.Abstractions;

namespace Sentra.Tests.Infrastructure.Files;

public sealed class ImageProcessorTests(ITestOutputHelper output)
{
    private static readonly string[] VariantNames = ["full.jpg", "w320.webp", "w320.jpg", "w640.webp", "w640.jpg"];

    private static byte[] PhoneJpeg()
    {
        using var photo = TestImages.Photo(3000, 2000);
        return TestImages.WithExif(TestImages.Jpeg(photo), orientation: 6);
    }

    [Fact]
    public void Phone_photo_with_exif_orientation_6_is_rotated_resized_and_stripped()
    {
        var upload = PhoneJpeg();
        using (var codec = SKCodec.Create(SKData.CreateCopy(upload)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin); // the hand-made EXIF is read as a phone's
        }
        var processor = TestImages.Processor();

        var stopwatch = Stopwatch.StartNew();
        var result = processor.Process(upload);
        var first = stopwatch.Elapsed;
        stopwatch.Restart();
        processor.Process(upload);
        var second = stopwatch.Elapsed;

        var report = new StringBuilder()
            .AppendLine(FormattableString.Invariant($"upload 3000x2000 JPEG q90 + EXIF: {upload.Length:N0} bytes"))
            .AppendLine(FormattableString.Invariant($"processing: first call {first.TotalMilliseconds:F0} ms, warm call {second.TotalMilliseconds:F0} ms"));
        foreach (var v in result.Variants)
        {
            report.AppendLine(FormattableString.Invariant($"{v.Name,-10} {v.Width}x{v.Height} {v.Bytes.Length:N0} bytes"));
        }
        output.WriteLine(report.ToString());

        // Portrait once the orientation is applied.
        Assert.Equal(2000, result.Width);
        Assert.Equal(3000, result.Height);
        Assert.Equal(VariantNames, result.Variants.Select(v => v.Name));

        var full = result["full.jpg"];
        Assert.Equal("image/jpeg", full.ContentType);
        Assert.Equal((1067, 1600), (full.Width, full.Height));
        AssertDecodesTo(full, 1067, 1600, SKEncodedImageFormat.Jpeg);

        // The red block was top-left as stored; turned 90° clockwise it is top-right.
        AssertRed(TestImages.PixelOf(full.Bytes, full.Width - 40, 40));
        AssertNotRed(TestImages.PixelOf(full.Bytes, 40, 40));
        AssertNotRed(TestImages.PixelOf(full.Bytes, full.Width - 40, full.Height - 40));

        var list = result["w320.webp"];
        Assert.Equal("image/webp", list.ContentType);
        Assert.Equal(320, list.Width);
        Assert.Equal(480, list.Height);
        Assert.True(list.Bytes.Length <= 40 * 1024, $"w320.webp is {list.Bytes.Length} bytes");
        AssertDecodesTo(list, 320, 480, SKEncodedImageFormat.Webp);
        Assert.True(result["w320.jpg"].Bytes.Length <= 40 * 1024);
        AssertDecodesTo(result["w640.webp"], 640, 960, SKEncodedImageFormat.Webp);
        AssertDecodesTo(result["w640.jpg"], 640, 960, SKEncodedImageFormat.Jpeg);

        foreach (var v in result.Variants)
        {
            Assert.False(TestImages.Contains(v.Bytes, "Exif"), $"{v.Name} keeps EXIF");
            Assert.False(TestImages.Contains(v.Bytes, "EXIF"), $"{v.Name} keeps an EXIF chunk");
            Assert.False(TestImages.Contains(v.Bytes, "ICC_PROFILE"), $"{v.Name} keeps an ICC profile");
            if (v.ContentType == "image/jpeg")
            {
                Assert.DoesNotContain((byte)0xE1, TestImages.JpegMarkers(v.Bytes));
            }
            using var codec = SKCodec.Create(SKData.CreateCopy(v.Bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }
    }

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, true, false)]
    [InlineData(3, true, true)]
    [InlineData(4, false, true)]
    public void Orientations_that_keep_the_axes_put_the_red_corner_where_the_viewer_sees_it(ushort orientation, bool right, bool bottom)
    {
        using var photo = TestImages.Photo(600, 400);
        var result = TestImages.Processor().Process(TestImages.WithExif(TestImages.Jpeg(photo), orientation));

        var full = result["full.jpg"];
        Assert.Equal((600, 400), (full.Width, full.Height));
        AssertRed(TestImages.PixelOf(full.Bytes, right ? 590 : 10, bottom ? 390 : 10));
    }

    [Theory]
    [InlineData(5, false, false)] // transposed
    [InlineData(6, true, false)] // turn clockwise
    [InlineData(7, true, true)] // transverse
    [InlineData(8, false, true)] // turn counter-clockwise
    public void Orientations_that_swap_the_axes_give_a_portrait_with_the_red_corner_where_the_viewer_sees_it(ushort orientation, bool right, bool bottom)
    {
        using var photo = TestImages.Photo(600, 400);
        var result = TestImages.Processor().Process(TestImages.WithExif(TestImages.Jpeg(photo), orientation));

        var full = result["full.jpg"];
        Assert.Equal((400, 600), (full.Width, full.Height));
        Assert.Equal((400, 600), (result.Width, result.Height));
        AssertRed(TestImages.PixelOf(full.Bytes, right ? 390 : 10, bottom ? 590 : 10));
    }

    [Fact]
    public void List_thumbnail_quality_is_lowered_until_it_fits_the_budget()
    {
        // Random noise at 320 × 480 is far over 40 KB at the configured qualities.
        using var noise = TestImages.Noise(320, 480);
        var options = new ImageOptions();

        var result = TestImages.Processor(options).Process(TestImages.Png(noise));

        output.WriteLine(string.Join(", ", result.Variants.Select(v => FormattableString.Invariant($"{v.Name} {v.Bytes.Length:N0} bytes"))));
        Assert.True(result["w320.webp"].Bytes.Length <= options.ListThumbnailMaxBytes, $"w320.webp is {result["w320.webp"].Bytes.Length} bytes");
        Assert.True(result["w320.jpg"].Bytes.Length <= options.ListThumbnailMaxBytes, $"w320.jpg is {result["w320.jpg"].Bytes.Length} bytes");
        Assert.True(result["full.jpg"].Bytes.Length > options.ListThumbnailMaxBytes, "the budget applies to the list thumbnail only");
    }

    [Fact]
    public void Png_content_under_a_jpg_name_is_processed_as_png()
    {
        using var photo = TestImages.Photo(800, 600);
        var path = Path.Combine(Path.GetTempPath(), $"sentra-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, TestImages.Png(photo));
        try
        {
            using var upload = File.OpenRead(path);
            Assert.Equal(FileKind.Png, FileSniffer.Detect(File.ReadAllBytes(path)));

            var result = TestImages.Processor().Process(upload);

            Assert.Equal((800, 600), (result.Width, result.Height));
            Assert.Equal((800, 600), (result["full.jpg"].Width, result["full.jpg"].Height));
            Assert.Equal(320, result["w320.webp"].Width);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WebP_upload_is_accepted()
    {
        using var photo = TestImages.Photo(1000, 700);

        var result = TestImages.Processor().Process(TestImages.WebP(photo));

        Assert.Equal((1000, 700), (result.Width, result.Height));
    }

    [Fact]
    public void Transparent_png_is_flattened_onto_white()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(400, 300, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);

        var result = TestImages.Processor().Process(TestImages.Png(bitmap));

        var pixel = TestImages.PixelOf(result["full.jpg"].Bytes, 200, 150);
        Assert.True(pixel.Red > 245 && pixel.Green > 245 && pixel.Blue > 245, $"got {pixel}");
    }

    [Fact]
    public void Small_image_is_not_enlarged()
    {
        using var photo = TestImages.Photo(200, 150);

        var result = TestImages.Processor().Process(TestImages.Jpeg(photo));

        Assert.All(result.Variants, v => Assert.Equal((200, 150), (v.Width, v.Height)));
    }

    [Fact]
    public void Text_file_named_jpg_is_not_an_image()
    {
        var text = Encoding.UTF8.GetBytes("Ini bukan foto, hanya teks biasa dengan nama produk.jpg\n");

        AssertRejected(UploadErrors.NotImage, () => TestImages.Processor().Process(new MemoryStream(text)));
    }

    [Fact]
    public void Pdf_is_not_an_image()
    {
        AssertRejected(UploadErrors.NotImage, () => TestImages.Processor().Process(DocumentCheckerTests.TinyPdf()));
    }

    [Fact]
    public void Random_bytes_behind_a_jpeg_magic_number_are_corrupt()
    {
        var bytes = new byte[50_000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;

        AssertRejected(UploadErrors.Corrupt, () => TestImages.Processor().Process(bytes));
    }

    [Fact]
    public void Truncated_jpeg_is_corrupt()
    {
        using var photo = TestImages.Photo(800, 600);
        var jpeg = TestImages.Jpeg(photo);

        AssertRejected(UploadErrors.Corrupt, () => TestImages.Processor().Process(jpeg[..(jpeg.Length / 2)]));
    }

    [Fact]
    public async Task Upload_over_10_MB_is_too_large()
    {
        var bytes = new byte[11 * 1024 * 1024];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        var processor = TestImages.Processor();

        AssertRejected(UploadErrors.TooLarge, () => processor.Process(bytes));
        AssertRejected(UploadErrors.TooLarge, () => processor.Process(new MemoryStream(bytes)));
        AssertRejected(UploadErrors.TooLarge, () => processor.Process(new ForwardOnlyStream(bytes)));
        var streamed = await Assert.ThrowsAsync<UploadRejectedException>(() => processor.ProcessAsync(new ForwardOnlyStream(bytes)));
        Assert.Equal(UploadErrors.TooLarge, streamed.ErrorKey);
    }

    [Fact]
    public void Png_header_claiming_20000_by_20000_is_refused_before_decoding()
    {
        // Only a signature, an IHDR and an IEND: had a decoder been asked, this would be "corrupt" (no pixel
        // data), and decoding 400 megapixels would take 1.6 GB.
        var bomb = TestImages.PngHeaderOnly(20_000, 20_000);

        var stopwatch = Stopwatch.StartNew();
        AssertRejected(UploadErrors.TooManyPixels, () => TestImages.Processor().Process(bomb));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Jpeg_frame_header_claiming_20000_by_20000_is_refused()
    {
        using var photo = TestImages.Photo(64, 64);
        var jpeg = TestImages.WithExif(TestImages.Jpeg(photo), 1);
        var sof = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        Assert.True(sof > 0);
        // After the marker: length (2), precision (1), height (2), width (2).
        jpeg[sof + 5] = 0x4E;
        jpeg[sof + 6] = 0x20;
        jpeg[sof + 7] = 0x4E;
        jpeg[sof + 8] = 0x20;

        AssertRejected(UploadErrors.TooManyPixels, () => TestImages.Processor().Process(jpeg));
    }

    [Fact]
    public void Pixel_limit_is_configurable()
    {
        using var photo = TestImages.Photo(1000, 1000);
        var processor = TestImages.Processor(new ImageOptions { MaxPixels = 999_999 });

        AssertRejected(UploadErrors.TooManyPixels, () => processor.Process(TestImages.Jpeg(photo)));
    }

    [Fact]
    public void Heic_that_cannot_be_decoded_asks_for_jpeg()
    {
        byte[] heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

        AssertRejected(UploadErrors.HeicNotSupported, () => TestImages.Processor().Process(heic));
    }

    private static void AssertDecodesTo(ImageVariant variant, int width, int height, SKEncodedImageFormat format)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(variant.Bytes));
        Assert.NotNull(codec);
        Assert.Equal(format, codec.EncodedFormat);
        Assert.Equal((width, height), (codec.Info.Width, codec.Info.Height));
    }

    private static void AssertRed(SKColor pixel) =>
        Assert.True(pixel.Red > 200 && pixel.Green < 60 && pixel.Blue < 60, $"expected red, got {pixel}");

    private static void AssertNotRed(SKColor pixel) =>
        Assert.False(pixel.Red > 200 && pixel.Green < 60 && pixel.Blue < 60, $"expected not red, got {pixel}");

    internal static void AssertRejected(string errorKey, Func<object> action)
    {
        var exception = Assert.Throws<UploadRejectedException>(action);
        Assert.Equal(errorKey, exception.ErrorKey);
    }
}
