using System.Text;

namespace Sentra.Web.Features.Catalog;

/// <summary>One label's place: which page, which cell, and its top-left corner in millimetres from the page's.</summary>
public readonly record struct LabelSlot(int Index, int Page, int Column, int Row, double X, double Y);

/// <summary>A rectangle inside a label, in millimetres from the label's top-left corner.</summary>
public readonly record struct LabelBox(double X, double Y, double Width, double Height);

/// <summary>
/// Where labels go on a sheet: a grid of equal labels centred on the page, filled left to right, top to bottom,
/// page after page. Labels touch, so one straight cut separates two; the content keeps <see cref="Padding"/> from
/// every edge (the QR code's own white quiet zone adds more), so a cut a millimetre off harms nothing.
/// All lengths are millimetres. Pure: the PDF writer only draws what this says.
/// </summary>
public sealed class LabelSheetLayout
{
    /// <summary>
    /// A4 portrait, 3 × 8 labels of 64 × 34 mm: 9 mm side and 12.5 mm top and bottom margins, outside the
    /// unprintable edge of office printers. A 31 mm QR code (module about 0.8 mm) scans from a phone at arm's length.
    /// </summary>
    public static LabelSheetLayout A4 { get; } = new(pageWidth: 210, pageHeight: 297, columns: 3, rows: 8, labelWidth: 64, labelHeight: 34, padding: 1.5);

    public LabelSheetLayout(double pageWidth, double pageHeight, int columns, int rows, double labelWidth, double labelHeight, double padding)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (columns * labelWidth > pageWidth || rows * labelHeight > pageHeight)
            throw new ArgumentException("The grid of labels is larger than the page.");
        if (labelHeight - 2 * padding <= 0 || labelWidth - labelHeight - padding <= 0)
            throw new ArgumentException("A label must be wider than tall, with room for text beside its QR code.");
        PageWidth = pageWidth;
        PageHeight = pageHeight;
        Columns = columns;
        Rows = rows;
        LabelWidth = labelWidth;
        LabelHeight = labelHeight;
        Padding = padding;
    }

    public double PageWidth { get; }
    public double PageHeight { get; }
    public int Columns { get; }
    public int Rows { get; }
    public double LabelWidth { get; }
    public double LabelHeight { get; }
    public double Padding { get; }

    public double MarginLeft => (PageWidth - Columns * LabelWidth) / 2;
    public double MarginTop => (PageHeight - Rows * LabelHeight) / 2;
    public int PerPage => Columns * Rows;

    /// <summary>Pages needed for <paramref name="labels"/> labels (none for none).</summary>
    public int Pages(int labels) => labels <= 0 ? 0 : (labels + PerPage - 1) / PerPage;

    public LabelSlot Slot(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var onPage = index % PerPage;
        var column = onPage % Columns;
        var row = onPage / Columns;
        return new LabelSlot(index, index / PerPage, column, row, MarginLeft + column * LabelWidth, MarginTop + row * LabelHeight);
    }

    public IEnumerable<LabelSlot> Slots(int count) => Enumerable.Range(0, Math.Max(0, count)).Select(Slot);

    /// <summary>The QR code with its quiet zone: a square on the left, as tall as the label allows.</summary>
    public LabelBox Qr => new(Padding, Padding, LabelHeight - 2 * Padding, LabelHeight - 2 * Padding);

    /// <summary>
    /// The text beside the code. The code's quiet zone already separates them, so the text starts where the square
    /// ends; it keeps twice the padding from the other edges, being ink right up to its box.
    /// </summary>
    public LabelBox Text
    {
        get
        {
            var qr = Qr;
            var x = qr.X + qr.Width;
            return new LabelBox(x, 2 * Padding, LabelWidth - x - 2 * Padding, LabelHeight - 4 * Padding);
        }
    }
}

/// <summary>Breaks label text into lines that fit, with the measuring left to the caller (a PDF font, or a test's).</summary>
public static class LabelText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Splits <paramref name="text"/> at spaces into at most <paramref name="maxLines"/> lines no wider than
    /// <paramref name="width"/>. A word longer than a line is broken inside. Text that does not fit ends with "…".
    /// </summary>
    public static IReadOnlyList<string> Wrap(string? text, double width, int maxLines, Func<string, double> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || maxLines < 1) return [];

        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var w in words)
        {
            var word = w;
            if (current.Length > 0)
            {
                var joined = current + " " + word;
                if (measure(joined) <= width)
                {
                    current.Clear().Append(joined);
                    continue;
                }
                lines.Add(current.ToString());
                current.Clear();
            }
            while (measure(word) > width && word.Length > 1)
            {
                var cut = LongestFittingPrefix(word, width, measure);
                lines.Add(word[..cut]);
                word = word[cut..];
            }
            current.Append(word);
            if (lines.Count > maxLines) break;
        }
        if (current.Length > 0) lines.Add(current.ToString());
        if (lines.Count <= maxLines) return lines;

        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && measure(last + Ellipsis) > width) last = WithoutLastCharacter(last).TrimEnd();
        kept[^1] = last + Ellipsis;
        return kept;
    }

    /// <summary>The largest font size, up to <paramref name="max"/> and down to <paramref name="min"/>, at which a text <paramref name="widthAtOnePoint"/> wide at 1 pt fits.</summary>
    public static double FitSize(double widthAtOnePoint, double width, double max, double min) =>
        widthAtOnePoint <= 0 ? max : Math.Clamp(width / widthAtOnePoint, min, max);

    private static int LongestFittingPrefix(string word, double width, Func<string, double> measure)
    {
        var cut = 1;
        while (cut < word.Length && measure(word[..(cut + 1)]) <= width) cut++;
        // Never split a surrogate pair.
        if (cut < word.Length && char.IsLowSurrogate(word[cut])) cut = cut > 1 ? cut - 1 : 2;
        return cut;
    }

    private static string WithoutLastCharacter(string s) =>
        s.Length >= 2 && char.IsLowSurrogate(s[^1]) && char.IsHighSurrogate(s[^2]) ? s[..^2] : s[..^1];
}
