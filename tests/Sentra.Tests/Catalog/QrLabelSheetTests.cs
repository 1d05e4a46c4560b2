using PdfSharp.Pdf.IO;
using Sentra.Web.Features.Catalog;

namespace Sentra.Tests.Catalog;

/// <summary>The PDF writer: what it prints, in which encoding, and that copies reuse one drawn code.</summary>
public sealed class QrLabelSheetTests
{
    private static readonly QrLabelSheetTexts Texts = new("Label QR", "Pindai untuk cek izin & halal", (page, pages) => $"halaman {page} dari {pages}");

    private static QrLabel Label(string name, int id) =>
        new(name, "Usaha Uji", $"https://sentra.example/v/p{id}", $"sentra.example/v/p{id}");

    [Fact]
    public void Names_outside_latin_print_as_typed_and_long_ones_end_with_an_ellipsis()
    {
        var pdf = QrLabelSheet.Render(
            [Label("Dodol Ŝpesial ★ Ωmega Жук", 1), Label("Keripik Singkong Balado Super Pedas Level Lima Ekstra Renyah Khas Pondok Petir", 2)],
            Texts, LabelSheetLayout.A4);
        var page = Assert.Single(PdfText.Pages(pdf));
        Assert.Contains("Dodol Ŝpesial ★ Ωmega Жук", page);
        Assert.Contains("Keripik Singkong Balado", page);
        Assert.Contains("…", page);
        Assert.DoesNotContain("Pondok Petir", page);
        Assert.Contains("sentra.example/v/p2", page);
        Assert.Contains("halaman 1 dari 1", page);
    }

    [Fact]
    public void Every_copy_reuses_the_one_drawn_code_of_its_link()
    {
        var labels = Enumerable.Repeat(Label("Dodol", 1), 30).Concat(Enumerable.Repeat(Label("Wajit", 2), 18)).ToList();
        var pdf = QrLabelSheet.Render(labels, Texts, LabelSheetLayout.A4);
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(2, document.PageCount);
        // Page 1: 24 copies of one code; page 2: 6 of the first and 18 of the second.
        var forms = document.Pages.Cast<PdfSharp.Pdf.PdfPage>().Select(p => p.Resources.Elements.GetDictionary("/XObject")!.Elements.Count).ToList();
        Assert.Equal([1, 2], forms);
        // 46 more copies add their text, not 46 more codes (a code drawn anew would add about 2 KB each).
        var two = QrLabelSheet.Render([Label("Dodol", 1), Label("Wajit", 2)], Texts, LabelSheetLayout.A4);
        Assert.True(pdf.Length - two.Length < 20_000, $"{two.Length} bytes for 2 labels, {pdf.Length} for 48");
    }

    [Fact]
    public void A_sheet_needs_at_least_one_label()
    {
        // The service refuses an empty choice first; a PDF cannot have no pages.
        Assert.Throws<ArgumentException>(() => QrLabelSheet.Render([], Texts, LabelSheetLayout.A4));
    }
}
