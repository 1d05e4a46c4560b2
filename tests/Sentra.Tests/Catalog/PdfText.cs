using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Sentra.Tests.Catalog;

/// <summary>
/// Reads back what a PDF says, page by page, with PDFsharp's own reader: the text shown on each page (decoded
/// through each font's ToUnicode map, as a PDF viewer's search does) joined by spaces. Enough to check a label
/// sheet; not a general text extractor (no positions, no reading order beyond the drawing order).
/// </summary>
public static partial class PdfText
{
    // PDFsharp writes text that fits Windows-1252 in that encoding ("…" is 0x85), the rest as glyph ids.
    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var fonts = FontMaps(page);
            var text = new StringBuilder();
            Dictionary<int, string>? map = null;
            Walk(ContentReader.ReadContent(page), fonts, ref map, text);
            pages.Add(Spaces().Replace(text.ToString(), " ").Trim());
        }
        return pages;
    }

    private static void Walk(CSequence sequence, Dictionary<string, Dictionary<int, string>?> fonts, ref Dictionary<int, string>? map, StringBuilder text)
    {
        foreach (var item in sequence)
        {
            if (item is not COperator op) continue;
            switch (op.OpCode.OpCodeName)
            {
                case OpCodeName.Tf when op.Operands.Count > 0 && op.Operands[0] is CName font:
                    map = fonts.GetValueOrDefault(font.Name);
                    break;
                case OpCodeName.Tj or OpCodeName.QuoteSingle or OpCodeName.QuoteDouble:
                    foreach (var s in op.Operands.OfType<CString>()) text.Append(Decode(s, map));
                    text.Append(' ');
                    break;
                case OpCodeName.TJ:
                    foreach (var array in op.Operands.OfType<CArray>())
                        foreach (var s in array.OfType<CString>()) text.Append(Decode(s, map));
                    text.Append(' ');
                    break;
            }
        }
    }

    /// <summary>Two-byte glyph codes through the font's ToUnicode map; one-byte codes as Windows-1252.</summary>
    private static string Decode(CString s, Dictionary<int, string>? map)
    {
        var bytes = s.Value.Select(c => (byte)c).ToArray();
        if (map is null) return WinAnsi.GetString(bytes);
        var text = new StringBuilder();
        for (var i = 0; i + 1 < bytes.Length; i += 2)
            text.Append(map.GetValueOrDefault((bytes[i] << 8) | bytes[i + 1], "\uFFFD"));
        return text.ToString();
    }

    private static Dictionary<string, Dictionary<int, string>?> FontMaps(PdfPage page)
    {
        var maps = new Dictionary<string, Dictionary<int, string>?>(StringComparer.Ordinal);
        if (page.Resources.Elements.GetDictionary("/Font") is not { } fonts) return maps;
        foreach (var name in fonts.Elements.Keys)
        {
            var font = fonts.Elements.GetDictionary(name);
            var toUnicode = font?.Elements.GetDictionary("/ToUnicode");
            maps[name] = toUnicode?.Stream is { } cmap && font!.Elements.GetName("/Subtype") == "/Type0"
                ? ParseCMap(Encoding.ASCII.GetString(cmap.UnfilteredValue))
                : null;
        }
        return maps;
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
            foreach (Match pair in HexPair().Matches(block.Groups[1].Value))
                map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
        foreach (Match block in BfRange().Matches(cmap))
            foreach (Match range in HexRange().Matches(block.Groups[1].Value))
            {
                var (first, last, start) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
                for (var code = first; code <= last; code++) map[code] = char.ConvertFromUtf32(start + code - first);
            }
        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex) =>
        Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexPair();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex HexRange();
}
