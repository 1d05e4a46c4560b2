using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Sentra.Web.Features.Import.Parsing;

/// <summary>
/// The import template: the canonical header row (<see cref="HeaderMatcher.CanonicalHeaders"/>) and one fictional
/// example row for a keripik maker in Pondok Petir, Bojongsari, Depok.
/// </summary>
public static class Template
{
    public const string XlsxFileName = "template-impor-ikm.xlsx";
    public const string CsvFileName = "template-impor-ikm.csv";
    public const string SheetName = "Data IKM";

    /// <summary>
    /// The example row in <see cref="ImportColumn"/> order. Identifiers (NIK, phone, NIB, RT/RW, PIRT) are text so that
    /// Excel keeps their leading zeros and all their digits; counts and amounts are numbers.
    /// </summary>
    private static readonly object[] Example =
    [
        1, "Keripik Singkong Bu Sari", "Sari Wulandari", "3276114503850007", "P", "Jl. Raya Pondok Petir No. 12", "003", "005",
        "Pondok Petir", "Bojongsari", "Depok", "081234567890", "bu.sari@example.com", "1234567890123", "10794", "Keripik singkong",
        1, 3, 25_000_000L, 120_000_000L, "500 kg/bulan", "2063276010123-25", "ID32110000123450123", 2018, -6.4016, 106.7297,
    ];

    /// <summary>The template as an .xlsx workbook with one sheet, <see cref="SheetName"/>.</summary>
    public static byte[] Xlsx()
    {
        var row = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < Example.Length; i++)
            row.Add(HeaderMatcher.CanonicalHeaders[i], Example[i]);
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row }, printHeader: true, sheetName: SheetName, excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { EnableAutoWidth = true, FastMode = true });
        return stream.ToArray();
    }

    /// <summary>
    /// The template as CSV text: ';'-separated with decimal commas, as Excel in an Indonesian locale reads and writes it,
    /// CRLF line ends. Serve it as UTF-8 with a BOM so that Excel reads it as UTF-8.
    /// </summary>
    public static string Csv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\r\n" }))
        {
            foreach (var header in HeaderMatcher.CanonicalHeaders)
                csv.WriteField(header);
            csv.NextRecord();
            foreach (var value in Example)
                csv.WriteField(value is double d ? d.ToString(CultureInfo.InvariantCulture).Replace('.', ',') : Convert.ToString(value, CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
        return writer.ToString();
    }
}
