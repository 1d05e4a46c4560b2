using Sentra.Web.Features.Catalog;

namespace Sentra.Tests.Catalog;

public sealed class LabelSheetLayoutTests
{
    private static readonly LabelSheetLayout A4 = LabelSheetLayout.A4;

    [Fact]
    public void A4_holds_three_by_eight_labels_centred_with_margins_printers_reach()
    {
        Assert.Equal(24, A4.PerPage);
        Assert.Equal(9, A4.MarginLeft, 6);
        Assert.Equal(12.5, A4.MarginTop, 6);
        // Office printers leave about 5 mm at each edge unprinted.
        Assert.True(A4.MarginLeft >= 5 && A4.MarginTop >= 5);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(24, 1)]
    [InlineData(25, 2)]
    [InlineData(48, 2)]
    [InlineData(49, 3)]
    [InlineData(960, 40)]
    public void Pages_are_as_many_as_the_labels_need(int labels, int pages) => Assert.Equal(pages, A4.Pages(labels));

    [Theory]
    [InlineData(0, 0, 0, 0, 9, 12.5)]
    [InlineData(1, 0, 1, 0, 73, 12.5)]
    [InlineData(2, 0, 2, 0, 137, 12.5)]
    [InlineData(3, 0, 0, 1, 9, 46.5)]
    [InlineData(23, 0, 2, 7, 137, 250.5)]
    [InlineData(24, 1, 0, 0, 9, 12.5)]
    [InlineData(50, 2, 2, 0, 137, 12.5)]
    public void Labels_fill_rows_left_to_right_then_the_next_page(int index, int page, int column, int row, double x, double y)
    {
        var slot = A4.Slot(index);
        Assert.Equal((index, page, column, row), (slot.Index, slot.Page, slot.Column, slot.Row));
        Assert.Equal(x, slot.X, 6);
        Assert.Equal(y, slot.Y, 6);
    }

    [Fact]
    public void Labels_of_a_page_stay_on_it_and_never_overlap()
    {
        var slots = A4.Slots(A4.PerPage).ToList();
        Assert.Equal(Enumerable.Range(0, 24), slots.Select(s => s.Index));
        foreach (var s in slots)
        {
            Assert.InRange(s.X, 0, A4.PageWidth - A4.LabelWidth);
            Assert.InRange(s.Y, 0, A4.PageHeight - A4.LabelHeight);
        }
        foreach (var a in slots)
            foreach (var b in slots.Where(b => b.Index > a.Index))
                Assert.True(a.X + A4.LabelWidth <= b.X + 1e-9 || b.X + A4.LabelWidth <= a.X + 1e-9
                            || a.Y + A4.LabelHeight <= b.Y + 1e-9 || b.Y + A4.LabelHeight <= a.Y + 1e-9, $"{a} overlaps {b}");
        Assert.Empty(A4.Slots(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => A4.Slot(-1));
    }

    [Fact]
    public void The_code_is_a_square_on_the_left_and_the_text_fits_beside_it()
    {
        var qr = A4.Qr;
        var text = A4.Text;
        Assert.Equal(qr.Width, qr.Height);
        Assert.Equal(31, qr.Width, 6);
        Assert.True(qr.X >= A4.Padding && qr.Y >= A4.Padding && qr.Y + qr.Height <= A4.LabelHeight - A4.Padding + 1e-9);
        Assert.True(text.X >= qr.X + qr.Width - 1e-9, "text starts right of the code");
        Assert.True(text.X + text.Width <= A4.LabelWidth - A4.Padding + 1e-9);
        Assert.True(text.Y + text.Height <= A4.LabelHeight - A4.Padding + 1e-9);
        Assert.True(text.Width >= 25, "room for about 20 characters a line");
    }

    [Theory]
    [InlineData("http://localhost:5080/v/p58")]
    [InlineData("https://sentra.depok.go.id/v/p99999")]
    [InlineData("https://katalog-sentra-ikm.disdagin.depok.go.id/v/p123456")]
    public void A_module_of_the_code_is_large_enough_for_a_phone_camera(string url)
    {
        using var code = Verification.QrCode(url);
        // The code's matrix includes its quiet zone of 4 modules a side. Phones read 0.5 mm modules from a few cm;
        // 0.7 mm leaves room for cheap cameras and smudged print.
        Assert.True(A4.Qr.Width / code.ModuleMatrix.Count >= 0.7, $"{code.ModuleMatrix.Count} modules");
    }

    [Fact]
    public void A_grid_larger_than_the_page_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LabelSheetLayout(210, 297, 4, 8, 64, 34, 1.5));
        Assert.Throws<ArgumentException>(() => new LabelSheetLayout(210, 297, 3, 9, 64, 34, 1.5));
        Assert.Throws<ArgumentException>(() => new LabelSheetLayout(210, 297, 3, 8, 30, 34, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LabelSheetLayout(210, 297, 0, 8, 64, 34, 1.5));
        var two = new LabelSheetLayout(100, 100, 1, 2, 90, 40, 2);
        Assert.Equal(2, two.PerPage);
        Assert.Equal(5, two.MarginLeft, 6);
        Assert.Equal(10, two.MarginTop, 6);
        Assert.Equal(new LabelSlot(3, 1, 0, 1, 5, 50), two.Slot(3));
    }
}

public sealed class LabelTextTests
{
    // One unit per character: easy to reason about, like a monospaced font.
    private static double Length(string s) => s.Length;

    [Theory]
    [InlineData("Cireng Isi Ayam Pedas", 10, 3, new[] { "Cireng Isi", "Ayam Pedas" })]
    [InlineData("Cireng Isi Ayam Pedas", 30, 3, new[] { "Cireng Isi Ayam Pedas" })]
    [InlineData("  Keripik   singkong\tbalado ", 30, 2, new[] { "Keripik singkong balado" })]
    [InlineData("Keripik singkong balado pedas manis", 10, 2, new[] { "Keripik", "singkong…" })]
    [InlineData("Keripik singkong balado", 10, 1, new[] { "Keripik…" })]
    [InlineData("Supercalifragilistic", 8, 3, new[] { "Supercal", "ifragili", "stic" })]
    [InlineData("Supercalifragilisticexpialidocious", 8, 2, new[] { "Supercal", "ifragil…" })]
    [InlineData("a verylongwordindeed b", 6, 5, new[] { "a", "verylo", "ngword", "indeed", "b" })]
    [InlineData("", 10, 2, new string[0])]
    [InlineData("   ", 10, 2, new string[0])]
    [InlineData("Dodol", 10, 0, new string[0])]
    public void Text_wraps_at_spaces_breaks_long_words_and_ends_with_an_ellipsis(string text, double width, int maxLines, string[] lines) =>
        Assert.Equal(lines, LabelText.Wrap(text, width, maxLines, Length));

    [Fact]
    public void No_line_is_wider_than_asked_even_with_a_proportional_font()
    {
        // Capitals twice as wide as the rest, as in real fonts.
        static double Measure(string s) => s.Sum(c => char.IsUpper(c) ? 2.0 : 1.0);
        var lines = LabelText.Wrap("KERIPIK Singkong BALADO Pedas Manis Gurih Renyah", 9, 4, Measure);
        Assert.Equal(4, lines.Count);
        Assert.All(lines, l => Assert.True(Measure(l) <= 9, $"'{l}' is {Measure(l)} wide"));
        Assert.EndsWith(LabelText.Ellipsis, lines[^1]);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_never_cut_in_half()
    {
        // Each banana is two UTF-16 units: a width of 3 would fit one and a half.
        var lines = LabelText.Wrap("🍌🍌🍌", 3, 5, Length);
        Assert.Equal(["🍌", "🍌", "🍌"], lines);
    }

    [Theory]
    [InlineData(100, 80, 7, 5, 5)]
    [InlineData(100, 700, 7, 5, 7)]
    [InlineData(12, 72, 7, 5, 6)]
    [InlineData(0, 72, 7, 5, 7)]
    public void A_single_line_shrinks_to_fit_within_bounds(double widthAtOnePoint, double width, double max, double min, double size) =>
        Assert.Equal(size, LabelText.FitSize(widthAtOnePoint, width, max, min), 6);
}
