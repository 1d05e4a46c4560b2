using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Sentra.Web.Features.Import.Parsing;

/// <summary>One non-blank spreadsheet row.</summary>
/// <param name="RowNumber">1-based row number as the user sees it in Excel (blank rows skipped still count).</param>
/// <param name="Cells">Cell texts by 0-based column; trimmed, null for empty; trailing empty cells left off.</param>
public sealed record SheetRow(int RowNumber, IReadOnlyList<string?> Cells)
{
    /// <summary>The cell at a 0-based column, or null when the row is shorter.</summary>
    public string? Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index] : null;
}

/// <summary>
/// Reads the rows of an uploaded .xlsx (first worksheet, via MiniExcel) or .csv (via CsvHelper) as text, one row at a
/// time: rows are streamed, never collected. The caller owns and disposes the stream; an .xlsx stream should be
/// seekable (a zip is read from its end).
/// <para>Every cell becomes its invariant text: whole numbers without ".0" ("1500000"), other numbers in the shortest
/// round-trip form ("-6.3521"), dates as "yyyy-MM-dd" (with " HH:mm:ss" when there is a time), booleans as
/// "TRUE"/"FALSE". A number of 1e15 or more (a 16-digit NIK stored as a number, whose last digits Excel does not keep)
/// is written in E notation, "3.27611450385001E+15", so that identifier checks reject it
/// (<see cref="CellText.IsScientificNotation"/>). Merged cells are filled with their value in every row they span.</para>
/// <para>CSV: UTF-8 with or without BOM; the delimiter is ';' or ',' — whichever occurs more, outside quotes, in the
/// first lines (Excel in an Indonesian locale writes ';') — or the one named by an Excel "sep=;" first line, which is
/// then skipped and not counted. A cell written as ="0812…" (Excel's trick to keep text) is unwrapped.</para>
/// </summary>
public static class SpreadsheetReader
{
    /// <summary>Files accepted, by extension (case-insensitive).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".csv"];

    /// <exception cref="UnsupportedSpreadsheetException">The extension is not .xlsx or .csv; thrown at once, not when enumerating.</exception>
    public static IEnumerable<SheetRow> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName);
        if (string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase))
            return ReadXlsx(stream);
        if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase))
            return ReadCsv(stream);
        throw new UnsupportedSpreadsheetException(extension);
    }

    /// <summary>The spreadsheet letter of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + ((n - 1) % 26)) + name;
        return name;
    }

    /// <summary>The text of a cell value as MiniExcel returns it (see the class summary).</summary>
    internal static string? FormatCell(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d => FormatDouble(d),
            float f => FormatDouble(f),
            decimal m => m == decimal.Truncate(m) ? decimal.Truncate(m).ToString(CultureInfo.InvariantCulture) : m.ToString(CultureInfo.InvariantCulture),
            DateTime t => t.TimeOfDay == TimeSpan.Zero
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "TRUE" : "FALSE",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return Clean(text);
    }

    internal static string FormatDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return value.ToString(CultureInfo.InvariantCulture);
        if (Math.Abs(value) >= 1e15)
            return value.ToString("0.##############E+0", CultureInfo.InvariantCulture);
        if (value == Math.Floor(value))
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static IEnumerable<SheetRow> ReadXlsx(Stream stream)
    {
        // IgnoreEmptyRows = false: MiniExcel then yields every row from row 1, blank ones included (also rows absent from
        // the file), so the position is the row number. Blank rows are skipped below.
        var configuration = new OpenXmlConfiguration { FillMergedCells = true, IgnoreEmptyRows = false };
        var rowNumber = 0;
        foreach (var row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration))
        {
            rowNumber++;
            var cells = new List<string?>();
            foreach (var (column, value) in (IDictionary<string, object?>)row)
            {
                var text = FormatCell(value);
                if (text is null)
                    continue;
                var index = ColumnIndex(column);
                while (cells.Count <= index)
                    cells.Add(null);
                cells[index] = text;
            }
            if (cells.Count > 0)
                yield return new SheetRow(rowNumber, cells);
        }
    }

    private static IEnumerable<SheetRow> ReadCsv(Stream stream)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            GetDelimiter = args => DetectDelimiter(args.Text),
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var parser = new CsvParser(reader, configuration);
        var rowNumber = 0;
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (rowNumber == 0 && record.Length <= 2 && SeparatorLine(parser.RawRecord) is not null)
                continue;
            rowNumber++;
            var cells = new List<string?>(record.Length);
            foreach (var field in record)
                cells.Add(Clean(Unwrap(field)));
            while (cells.Count > 0 && cells[^1] is null)
                cells.RemoveAt(cells.Count - 1);
            if (cells.Count > 0)
                yield return new SheetRow(rowNumber, cells);
        }
    }

    /// <summary>';' when the first lines hold more semicolons than commas outside quotes, else ','.</summary>
    internal static string DetectDelimiter(string text)
    {
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        if (SeparatorLine(firstLineEnd < 0 ? text : text[..firstLineEnd]) is { } named)
            return named;
        int semicolons = 0, commas = 0, lines = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == ';')
                semicolons++;
            else if (c == ',')
                commas++;
            else if (c == '\n' && ++lines >= 20)
                break;
        }
        return semicolons > commas ? ";" : ",";
    }

    /// <summary>The delimiter named by an Excel "sep=X" line, else null.</summary>
    private static string? SeparatorLine(string line)
    {
        var trimmed = line.TrimStart('\uFEFF').TrimEnd('\r', '\n');
        return trimmed.Length == 5 && trimmed.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) ? trimmed[4..] : null;
    }

    /// <summary>="0812…" → 0812… (Excel's way of keeping text in a CSV).</summary>
    private static string Unwrap(string field) =>
        field.Length >= 3 && field.StartsWith("=\"", StringComparison.Ordinal) && field.EndsWith('"') ? field[2..^1] : field;

    private static string? Clean(string? text)
    {
        if (text is null)
            return null;
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static int ColumnIndex(string column)
    {
        var index = 0;
        foreach (var c in column)
        {
            if (c is >= 'A' and <= 'Z')
                index = (index * 26) + (c - 'A' + 1);
        }
        return index - 1;
    }
}
