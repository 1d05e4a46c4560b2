using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Tests.Import.Parsing;

public sealed class SpreadsheetReaderTests
{
    private static readonly byte[] Bom = Encoding.UTF8.GetPreamble();

    [Fact]
    public void Xlsx_cells_become_invariant_text_with_true_row_numbers()
    {
        var rows = Read(Xlsx(
            ["DATA IKM PANGAN KOTA DEPOK"],
            [],
            ["No", "Nama Usaha", "Nama Pemilik", "NIK", "Kelurahan", "Omzet per Tahun (Rp)", "Latitude", "Tanggal", "Aktif", "No HP"],
            [1, "Keripik Bu Sari", "Sari Wulandari", 3276114503850007d, "Pondok Petir", 15000000.0, -6.4016, new DateTime(2018, 3, 1), true, 81234567890d],
            [],
            [2.0, "Dodol Betawi", "Budi", "3276114503850007", " Curug ", 1500000.5, 106.7297, new DateTime(2018, 3, 1, 8, 30, 0), false, "081234567890"],
            [null, null, null, null, null, null, null, null, null, "  "]), "data.xlsx");

        Assert.Equal([1, 3, 4, 6], rows.Select(r => r.RowNumber));
        Assert.Equal(["DATA IKM PANGAN KOTA DEPOK"], rows[0].Cells);
        Assert.Equal(["1", "Keripik Bu Sari", "Sari Wulandari", "3.27611450385001E+15", "Pondok Petir", "15000000", "-6.4016", "2018-03-01", "TRUE", "81234567890"], rows[2].Cells);
        Assert.Equal(["2", "Dodol Betawi", "Budi", "3276114503850007", "Curug", "1500000.5", "106.7297", "2018-03-01 08:30:00", "FALSE", "081234567890"], rows[3].Cells);

        // A 16-digit NIK stored as a number is flagged; stored as text it is kept whole.
        Assert.True(CellText.IsScientificNotation(rows[2].Cell(3)));
        Assert.Equal("3276114503850007", CellText.CleanDigits(rows[3].Cell(3)));
        Assert.True(Money.TryParseRupiah(rows[2].Cell(5), out var sales));
        Assert.Equal(15_000_000, sales);

        var header = HeaderMatcher.FindHeaderRow(rows.Select(r => r.Cells).ToList());
        Assert.True(header.IsValid);
        Assert.Equal(1, header.RowIndex);
        Assert.Equal(3, rows[header.RowIndex].RowNumber);
        Assert.Equal(3, header.Columns[ImportColumn.Nik]);
    }

    [Fact]
    public void Xlsx_rows_missing_from_the_file_still_count_and_merged_cells_are_filled()
    {
        var bytes = RewriteSheet(
            Xlsx(["Judul"], ["dihapus"], ["Nama Usaha", "Kecamatan", "Omzet"], ["A", "Bojongsari", 10], ["B", null, 20], ["C", null, 30]),
            sheet =>
            {
                // Drop row 2 from the XML, as Excel does for rows never touched, and merge B4:B6 (one Kecamatan for three rows).
                var start = sheet.IndexOf("<x:row r=\"2\"", StringComparison.Ordinal);
                var end = sheet.IndexOf("</x:row>", start, StringComparison.Ordinal) + "</x:row>".Length;
                sheet = sheet.Remove(start, end - start);
                var afterData = sheet.IndexOf("</x:sheetData>", StringComparison.Ordinal) + "</x:sheetData>".Length;
                var autoFilter = sheet.IndexOf("<x:autoFilter", afterData, StringComparison.Ordinal);
                var insertAt = autoFilter < 0 ? afterData : sheet.IndexOf("/>", autoFilter, StringComparison.Ordinal) + 2;
                return sheet.Insert(insertAt, "<x:mergeCells count=\"1\"><x:mergeCell ref=\"B4:B6\"/></x:mergeCells>");
            });
        var rows = Read(bytes, "data.xlsx");

        Assert.Equal([1, 3, 4, 5, 6], rows.Select(r => r.RowNumber));
        Assert.Equal(["Bojongsari", "Bojongsari", "Bojongsari"], rows.Skip(2).Select(r => r.Cell(1)));
        Assert.Equal(["10", "20", "30"], rows.Skip(2).Select(r => r.Cell(2)));
    }

    [Fact]
    public void Csv_with_semicolons_and_a_bom_is_read_with_true_row_numbers()
    {
        var text =
            "DATA IKM KOTA DEPOK;;;;\r\n" +
            ";;;;\r\n" +
            "No;Nama Usaha;Nama Pemilik;NIK;Kelurahan;Omzet per Tahun (Rp);Latitude\r\n" +
            "1;\"Keripik; Renyah\";Sari Wulandari;3,27611E+15;Pondok Petir;1.500.000,00;-6,4016\r\n" +
            "\r\n" +
            "2;Café Kopi Depok; Budi ;=\"3276114503850007\";Curug;\"2,5 juta\";\r\n";
        var rows = Read([.. Bom, .. Encoding.UTF8.GetBytes(text)], "DATA.CSV");

        Assert.Equal([1, 3, 4, 6], rows.Select(r => r.RowNumber));
        Assert.Equal(["DATA IKM KOTA DEPOK"], rows[0].Cells);
        Assert.Equal(["1", "Keripik; Renyah", "Sari Wulandari", "3,27611E+15", "Pondok Petir", "1.500.000,00", "-6,4016"], rows[2].Cells);
        Assert.Equal(["2", "Café Kopi Depok", "Budi", "3276114503850007", "Curug", "2,5 juta"], rows[3].Cells);
        Assert.Null(rows[3].Cell(6));
        Assert.Null(rows[3].Cell(-1));

        var header = HeaderMatcher.FindHeaderRow(rows.Select(r => r.Cells).ToList());
        Assert.Equal(1, header.RowIndex);
        Assert.True(header.IsValid);
    }

    [Fact]
    public void Csv_with_commas_without_bom_keeps_quoted_commas_and_line_breaks_in_one_row()
    {
        var text =
            "Nama Usaha,Nama Pemilik,Kelurahan,Alamat,Omzet\n" +
            "Keripik Bu Sari,Sari,Pondok Petir,\"Jl. Raya, No. 12\nRT 3\",\"1,500,000\"\n" +
            "Dodol,Budi,Curug,Jl. Mawar,2 jt\n";
        var rows = Read(Encoding.UTF8.GetBytes(text), "data.csv");

        Assert.Equal([1, 2, 3], rows.Select(r => r.RowNumber));
        Assert.Equal(["Keripik Bu Sari", "Sari", "Pondok Petir", "Jl. Raya, No. 12\nRT 3", "1,500,000"], rows[1].Cells);
        Assert.Equal("2 jt", rows[2].Cell(4));
    }

    [Fact]
    public void An_excel_separator_line_names_the_delimiter_and_is_not_a_row()
    {
        var rows = Read(Encoding.UTF8.GetBytes("sep=,\r\nNama Usaha,Kelurahan;Desa,Omzet\r\nA,Curug;X,\"1,5 juta\"\r\n"), "data.csv");

        Assert.Equal([1, 2], rows.Select(r => r.RowNumber));
        Assert.Equal(["A", "Curug;X", "1,5 juta"], rows[1].Cells);
    }

    [Theory]
    [InlineData("a;b;c\n1;2,5;3\n", ";")]
    [InlineData("a,b,c\n1,\"2;5\",3\n", ",")]
    [InlineData("a\n1\n", ",")]
    [InlineData("Judul, laporan\na;b;c;d\n1;2;3;4\n", ";")]
    [InlineData("sep=;\na,b,c\n", ";")]
    [InlineData("SEP=\t\na,b,c\n", "\t")]
    public void The_delimiter_is_detected(string text, string expected) => Assert.Equal(expected, SpreadsheetReader.DetectDelimiter(text));

    [Theory]
    [InlineData("data.xls", ".xls")]
    [InlineData("data.ods", ".ods")]
    [InlineData("data.txt", ".txt")]
    [InlineData("data", "")]
    public void Other_file_types_are_refused_at_once(string fileName, string extension)
    {
        using var stream = new MemoryStream([1, 2, 3]);
        var exception = Assert.Throws<UnsupportedSpreadsheetException>(() => SpreadsheetReader.Read(stream, fileName));
        Assert.Equal(extension, exception.Extension);
        Assert.Equal(ImportErrors.UnsupportedFile, UnsupportedSpreadsheetException.ErrorKey);
    }

    [Fact]
    public void Csv_rows_are_streamed_not_loaded_at_once()
    {
        var text = new StringBuilder("No;Nama Usaha;Kelurahan\n");
        for (var i = 1; i <= 100_000; i++)
            text.Append(i).Append(";Usaha ").Append(i).Append(";Pondok Petir\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));

        var first = SpreadsheetReader.Read(stream, "big.csv").Take(3).ToList();
        Assert.Equal(3, first[^1].RowNumber);
        Assert.True(stream.Position < 64 * 1024, $"read {stream.Position} of {stream.Length} bytes for three rows");

        stream.Position = 0;
        var count = 0;
        SheetRow? last = null;
        foreach (var row in SpreadsheetReader.Read(stream, "big.csv"))
        {
            count++;
            last = row;
        }
        Assert.Equal(100_001, count);
        Assert.Equal(100_001, last!.RowNumber);
        Assert.Equal("Usaha 100000", last.Cell(1));
    }

    [Fact]
    public void A_large_xlsx_is_read_row_by_row()
    {
        var source = Enumerable.Range(0, 100_001).Select(i => i == 0
            ? new Dictionary<string, object?> { ["A"] = "No", ["B"] = "Nama Usaha", ["C"] = "Omzet" }
            : new Dictionary<string, object?> { ["A"] = i, ["B"] = $"Usaha {i}", ["C"] = i * 1000.0 });
        using var stream = new MemoryStream();
        stream.SaveAs(source, printHeader: false);
        stream.Position = 0;

        var count = 0;
        SheetRow? last = null;
        foreach (var row in SpreadsheetReader.Read(stream, "big.xlsx"))
        {
            count++;
            last = row;
        }
        Assert.Equal(100_001, count);
        Assert.Equal(["100000", "Usaha 100000", "100000000"], last!.Cells);
        Assert.Equal(100_001, last.RowNumber);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(51, "AZ")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names(int index, string expected) => Assert.Equal(expected, SpreadsheetReader.ColumnName(index));

    [Theory]
    [InlineData(1500000.0, "1500000")]
    [InlineData(-0.0, "0")]
    [InlineData(-6.3521, "-6.3521")]
    [InlineData(0.1, "0.1")]
    [InlineData(999999999999999.0, "999999999999999")]
    [InlineData(1e15, "1E+15")]
    [InlineData(3276114503850007.0, "3.27611450385001E+15")]
    [InlineData(3276114503850000.0, "3.27611450385E+15")]
    public void Numbers_are_written_invariantly(double value, string expected) => Assert.Equal(expected, SpreadsheetReader.FormatDouble(value));

    private static List<SheetRow> Read(byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes);
        return SpreadsheetReader.Read(stream, fileName).ToList();
    }

    /// <summary>An .xlsx whose rows hold the given values from column A, written by MiniExcel without a header row.</summary>
    private static byte[] Xlsx(params object?[][] rows)
    {
        var width = rows.Max(r => r.Length);
        var dictionaries = rows.Select(r => Enumerable.Range(0, width)
            .ToDictionary(i => SpreadsheetReader.ColumnName(i), i => i < r.Length ? r[i] : null)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(dictionaries, printHeader: false);
        return stream.ToArray();
    }

    private static byte[] RewriteSheet(byte[] xlsx, Func<string, string> rewrite)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string sheet;
            using (var reader = new StreamReader(entry.Open()))
                sheet = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(rewrite(sheet));
        }
        return stream.ToArray();
    }
}
