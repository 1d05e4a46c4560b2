using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sentra.Web.Infrastructure.Fonts;

namespace Sentra.Web.Features.Catalog;

/// <summary>One label as printed: the link in the QR code and the lines of text beside it.</summary>
public sealed record QrLabel(string ProductName, string BusinessName, string Url, string ShortUrl);

/// <summary>The words on a sheet that are not the product's: in the language the owner chose.</summary>
public sealed record QrLabelSheetTexts(string Title, string ScanLine, Func<int, int, string> Footer);

/// <summary>
/// Writes a PDF sheet of QR labels with PDFsharp, placed by <see cref="LabelSheetLayout"/>. Each distinct link's
/// QR code is drawn once as vector squares into a form XObject that every copy reuses, so 48 copies cost one code
/// and print sharp at any resolution. Text is DejaVu Sans, embedded as a subset (<see cref="EmbeddedFonts"/>).
/// </summary>
public static class QrLabelSheet
{
    private const double PointsPerMm = 72 / 25.4;
    private const double NameSize = 8.5;
    private const double BusinessSize = 7;
    private const double UrlMaxSize = 7;
    private const double UrlMinSize = 5;
    private const double ScanSize = 6;

    private static readonly XColor CutLine = XColor.FromArgb(180, 180, 180);
    private static readonly XColor Muted = XColor.FromArgb(90, 90, 90);

    public static byte[] Render(IReadOnlyList<QrLabel> labels, QrLabelSheetTexts texts, LabelSheetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(layout);
        if (labels.Count == 0) throw new ArgumentException("A sheet needs at least one label.", nameof(labels));
        EmbeddedFonts.Register();

        using var document = new PdfDocument();
        document.Info.Title = texts.Title;
        document.Info.Creator = "Sentra";
        document.PageLayout = PdfPageLayout.SinglePage;

        var name = new XFont(EmbeddedFonts.Family, NameSize, XFontStyleEx.Bold);
        var business = new XFont(EmbeddedFonts.Family, BusinessSize, XFontStyleEx.Regular);
        var scan = new XFont(EmbeddedFonts.Family, ScanSize, XFontStyleEx.Regular);
        var footer = new XFont(EmbeddedFonts.Family, 6.5, XFontStyleEx.Regular);
        var cutPen = new XPen(CutLine, 0.3);
        var mutedBrush = new XSolidBrush(Muted);
        var codes = new Dictionary<string, XForm>(StringComparer.Ordinal);
        var qr = layout.Qr;
        var box = layout.Text;
        var pages = layout.Pages(labels.Count);

        XGraphics? gfx = null;
        try
        {
            foreach (var slot in layout.Slots(labels.Count))
            {
                if (slot.Index % layout.PerPage == 0)
                {
                    gfx?.Dispose();
                    var page = document.AddPage();
                    page.Width = XUnit.FromMillimeter(layout.PageWidth);
                    page.Height = XUnit.FromMillimeter(layout.PageHeight);
                    gfx = XGraphics.FromPdfPage(page);
                    gfx.DrawString(texts.Footer(slot.Page + 1, pages), footer, mutedBrush,
                        new XRect(0, Pt(layout.PageHeight - layout.MarginTop / 2) - 4, Pt(layout.PageWidth), 8), XStringFormats.Center);
                }
                var label = labels[slot.Index];
                var x = slot.X;
                var y = slot.Y;
                gfx!.DrawRectangle(cutPen, Pt(x), Pt(y), Pt(layout.LabelWidth), Pt(layout.LabelHeight));

                if (!codes.TryGetValue(label.Url, out var code))
                {
                    code = QrForm(document, label.Url, Pt(qr.Width));
                    codes.Add(label.Url, code);
                }
                gfx.DrawImage(code, Pt(x + qr.X), Pt(y + qr.Y), Pt(qr.Width), Pt(qr.Height));

                // Name and business from the top; link and "scan to check" from the bottom.
                var left = Pt(x + box.X);
                var width = Pt(box.Width);
                var top = Pt(y + box.Y);
                var bottom = Pt(y + box.Y + box.Height);

                var scanLines = Wrap(gfx, texts.ScanLine, scan, width, 2);
                var urlFont = new XFont(EmbeddedFonts.Family,
                    LabelText.FitSize(gfx.MeasureString(label.ShortUrl, new XFont(EmbeddedFonts.Family, 1, XFontStyleEx.Bold)).Width, width, UrlMaxSize, UrlMinSize),
                    XFontStyleEx.Bold);
                var urlLines = Wrap(gfx, label.ShortUrl, urlFont, width, 2);
                var bottomHeight = scanLines.Count * scan.GetHeight() + urlLines.Count * urlFont.GetHeight();
                var room = bottom - top - bottomHeight - 2;

                var nameLines = Wrap(gfx, label.ProductName, name, width, Math.Clamp((int)(room / name.GetHeight()), 1, 3));
                room -= nameLines.Count * name.GetHeight() + 1.5;
                var businessLines = Wrap(gfx, label.BusinessName, business, width, Math.Clamp((int)(room / business.GetHeight()), 0, 2));

                var line = top;
                line = Draw(gfx, nameLines, name, XBrushes.Black, left, line, width);
                line += 1.5;
                Draw(gfx, businessLines, business, XBrushes.Black, left, line, width);

                line = bottom - bottomHeight;
                line = Draw(gfx, urlLines, urlFont, XBrushes.Black, left, line, width);
                Draw(gfx, scanLines, scan, mutedBrush, left, line, width);
            }
        }
        finally
        {
            gfx?.Dispose();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static double Pt(double mm) => mm * PointsPerMm;

    private static IReadOnlyList<string> Wrap(XGraphics gfx, string text, XFont font, double width, int maxLines) =>
        LabelText.Wrap(text, width, maxLines, s => gfx.MeasureString(s, font).Width);

    private static double Draw(XGraphics gfx, IReadOnlyList<string> lines, XFont font, XBrush brush, double left, double top, double width)
    {
        var height = font.GetHeight();
        foreach (var text in lines)
        {
            gfx.DrawString(text, font, brush, new XRect(left, top, width, height), XStringFormats.TopLeft);
            top += height;
        }
        return top;
    }

    /// <summary>The code's dark modules, quiet zone included, as one filled path of horizontal runs.</summary>
    private static XForm QrForm(PdfDocument document, string url, double size)
    {
        using var data = Verification.QrCode(url);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var cell = size / modules;
        var form = new XForm(document, new XSize(size, size));
        using var gfx = XGraphics.FromForm(form);
        var path = new XGraphicsPath();
        for (var row = 0; row < modules; row++)
        {
            var bits = matrix[row];
            for (var column = 0; column < modules; column++)
            {
                if (!bits[column]) continue;
                var start = column;
                while (column + 1 < modules && bits[column + 1]) column++;
                path.AddRectangle(start * cell, row * cell, (column - start + 1) * cell, cell);
            }
        }
        gfx.DrawPath(XBrushes.Black, path);
        return form;
    }
}
