using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sentra.Web.Infrastructure.Files;

namespace Sentra.Tests.Infrastructure.Files;

public sealed class FileSnifferTests
{
    public static TheoryData<byte[], FileKind> Headers => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], FileKind.Jpeg },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], FileKind.Png },
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], FileKind.WebP },
        { [.. "%PDF-1.7\n"u8], FileKind.Pdf },
        { [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0], FileKind.Heic },
        { [0, 0, 0, 0x18, .. "ftypheix"u8, 0, 0, 0, 0], FileKind.Heic },
        { [0, 0, 0, 0x1C, .. "ftypmif1"u8, 0, 0, 0, 0], FileKind.Heic },
        { [0, 0, 0, 0x1C, .. "ftypavif"u8, 0, 0, 0, 0], FileKind.Unknown },
        { [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8], FileKind.Unknown },
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0], FileKind.Unknown },
        { [.. "GIF89a"u8], FileKind.Unknown },
        { [0xFF, 0xD8], FileKind.Unknown },
        { [], FileKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Kind_comes_from_the_first_bytes(byte[] header, FileKind expected)
    {
        Assert.Equal(expected, FileSniffer.Detect(header));
    }

    [Fact]
    public void Text_named_like_an_image_is_unknown()
    {
        Assert.Equal(FileKind.Unknown, FileSniffer.Detect(Encoding.UTF8.GetBytes("foto-produk.jpg")));
    }

    [Fact]
    public void Configured_thumbnail_widths_replace_the_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sentra:Images:ThumbnailWidths:0"] = "480",
                ["Sentra:Images:FullMaxEdge"] = "1200",
                ["Sentra:Documents:MaxBytes"] = "1000",
            })
            .Build();
        using var provider = new ServiceCollection().AddSentraFiles(configuration).BuildServiceProvider();

        var images = provider.GetRequiredService<IOptions<ImageOptions>>().Value;
        Assert.Equal([480], images.ThumbnailWidths);
        Assert.Equal(1200, images.FullMaxEdge);
        Assert.Equal(1000, provider.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxBytes);
        Assert.NotNull(provider.GetRequiredService<DocumentChecker>());
    }

    [Fact]
    public void Without_configuration_the_defaults_hold()
    {
        using var provider = new ServiceCollection().AddSentraFiles(new ConfigurationBuilder().Build()).BuildServiceProvider();

        var images = provider.GetRequiredService<IOptions<ImageOptions>>().Value;
        Assert.Equal([320, 640], images.ThumbnailWidths);
        Assert.Equal(10 * 1024 * 1024, images.MaxUploadBytes);
        Assert.Equal(5 * 1024 * 1024, provider.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxBytes);
    }
}
