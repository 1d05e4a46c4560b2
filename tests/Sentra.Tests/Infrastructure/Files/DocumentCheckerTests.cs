using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;
using Sentra.Web.Infrastructure.Files;
using SkiaSharp;
using static Sentra.Tests.Infrastructure.Files.ImageProcessorTests;

namespace Sentra.Tests.Infrastructure.Files;

public sealed class DocumentCheckerTests
{
    /// <summary>A minimal one-page PDF, written by hand.</summary>
    internal static byte[] TinyPdf(bool withEof = true)
    {
        var body = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
            trailer << /Root 1 0 R /Size 4 >>
            """ + "\n";
        return Encoding.ASCII.GetBytes(withEof ? body + "%%EOF\n" : body);
    }

    private static DocumentChecker Checker() =>
        new(Options.Create(new DocumentOptions()), TestImages.Processor());

    [Fact]
    public void Tiny_valid_pdf_is_accepted_as_is()
    {
        var pdf = TinyPdf();

        var document = Checker().Check(new MemoryStream(pdf));

        Assert.Equal(FileKind.Pdf, document.Kind);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(pdf, document.Bytes);
    }

    [Fact]
    public void Pdf_with_eof_followed_by_padding_is_accepted()
    {
        byte[] pdf = [.. TinyPdf(), .. Encoding.ASCII.GetBytes(new string(' ', 900))];

        Assert.Equal(FileKind.Pdf, Checker().Check(pdf).Kind);
    }

    [Fact]
    public void Pdf_missing_eof_is_corrupt()
    {
        AssertRejected(UploadErrors.Corrupt, () => Checker().Check(TinyPdf(withEof: false)));
    }

    [Fact]
    public void Pdf_whose_eof_is_not_in_the_last_kilobyte_is_corrupt()
    {
        // As if the upload had been cut: the only %%EOF belongs to an earlier revision.
        byte[] pdf = [.. TinyPdf(), .. Encoding.ASCII.GetBytes("4 0 obj << /Length 2000 >> stream\n"), .. new byte[2000]];

        AssertRejected(UploadErrors.Corrupt, () => Checker().Check(pdf));
    }

    [Fact]
    public void Zip_file_is_not_a_document()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("izin.pdf").Open());
            writer.Write("%PDF-1.4 not really");
        }

        AssertRejected(UploadErrors.NotDocument, () => Checker().Check(zip.ToArray()));
    }

    [Fact]
    public void WebP_is_not_a_permit_document()
    {
        using var photo = TestImages.Photo(300, 200);

        AssertRejected(UploadErrors.NotDocument, () => Checker().Check(TestImages.WebP(photo)));
    }

    [Fact]
    public void Document_over_5_MB_is_too_large()
    {
        byte[] pdf = [.. TinyPdf(false), .. new byte[5 * 1024 * 1024], .. "%%EOF"u8];

        AssertRejected(UploadErrors.TooLarge, () => Checker().Check(pdf));
        AssertRejected(UploadErrors.TooLarge, () => Checker().Check(new ForwardOnlyStream(pdf)));
    }

    [Fact]
    public void Photographed_permit_is_reencoded_without_metadata()
    {
        using var photo = TestImages.Photo(2400, 1800);
        var upload = TestImages.WithExif(TestImages.Jpeg(photo), orientation: 8);

        var document = Checker().Check(upload);

        Assert.Equal(FileKind.Jpeg, document.Kind);
        Assert.Equal("image/jpeg", document.ContentType);
        Assert.False(TestImages.Contains(document.Bytes, "Exif"));
        using var codec = SKCodec.Create(SKData.CreateCopy(document.Bytes));
        Assert.Equal((1200, 1600), (codec.Info.Width, codec.Info.Height)); // turned to portrait, longest edge 1600
    }

    [Fact]
    public void Scanned_png_permit_is_stored_as_jpeg()
    {
        using var scan = TestImages.Photo(1000, 1400);

        var document = Checker().Check(TestImages.Png(scan));

        Assert.Equal(FileKind.Jpeg, document.Kind);
        Assert.Equal(FileKind.Jpeg, FileSniffer.Detect(document.Bytes));
    }

    [Fact]
    public void Corrupt_image_document_is_corrupt()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]];

        AssertRejected(UploadErrors.Corrupt, () => Checker().Check(png));
    }
}
