using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Bench;

/// <summary>
/// A spreadsheet like the office's, generated: title rows above the header, and in more than 10% of
/// rows the forms real sheets have (money as "Rp 1.500.000" or "1,5 juta", phones as "0812-…" or
/// "62812…", abbreviated village names, "Pria"/"Laki-laki", blank rows), plus 1% invalid rows
/// (NIK in Excel's scientific notation, unknown villages).
/// </summary>
public static class ImportFile
{
    private static readonly string[] Villages =
    [
        "Pondok Petir", "Bojongsari", "Bojongsari Baru", "Serua", "Duren Mekar", "Duren Seribu", "Pasir Putih", "Bedahan",
        "Pengasinan", "Cinangka", "Sawangan", "Sawangan Baru", "Kedaung", "Grogol", "Krukut", "Limo", "Cinere", "Gandul",
    ];
    private static readonly string[] Products = ["Keripik singkong", "Cireng isi", "Pisang lumer", "Dodol", "Sambal bawang", "Kue kering", "Rempeyek"];
    private static readonly string[] Kbli = ["10794", "10750", "10796", "10779", "10710"];

    public static byte[] Generate(int rows, string format, out int messy, out int invalid)
    {
        var random = new Random(20261128);
        var header = HeaderMatcher.CanonicalHeaders;
        var data = new List<string?[]>(rows + 3)
        {
            new string?[header.Count],
        };
        data[0][0] = "DATA IKM KOTA DEPOK (DIBUAT OTOMATIS UNTUK BENCHMARK)";
        data.Add(new string?[header.Count]);
        data.Add([.. header]);
        messy = 0;
        invalid = 0;
        for (var i = 1; i <= rows; i++)
        {
            var isMessy = i % 8 == 0;           // 12.5% of rows
            var isInvalid = i % 100 == 0;       // 1% of rows
            if (isMessy) messy++;
            if (isInvalid) invalid++;
            var female = random.Next(3) > 0;
            var birth = new DateOnly(1960 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28));
            var nik = string.Create(CultureInfo.InvariantCulture,
                $"327611{birth.Day + (female ? 40 : 0):00}{birth.Month:00}{birth.Year % 100:00}{1 + (i % 9999):0000}");
            var investment = 1_000_000L * random.Next(5, 900);
            var sales = 1_000_000L * random.Next(20, 2_000);
            var village = Villages[random.Next(Villages.Length)];
            var phone = string.Create(CultureInfo.InvariantCulture, $"0812{random.Next(10_000_000, 99_999_999)}");
            data.Add(
            [
                i.ToString(CultureInfo.InvariantCulture),
                $"{Products[i % Products.Length]} {i}",
                $"Pemilik {i}",
                isInvalid ? "3,27611E+15" : nik,
                isMessy ? (female ? "Perempuan" : "Pria") : (female ? "P" : "L"),
                $"Jl. Contoh No. {i % 200}",
                (1 + i % 12).ToString(CultureInfo.InvariantCulture),
                (1 + i % 6).ToString("00", CultureInfo.InvariantCulture),
                isInvalid ? "Atlantis" : isMessy && village == "Pondok Petir" ? "Pd. Petir" : isMessy ? "Kel. " + village.ToUpperInvariant() : village,
                null,
                "Depok",
                isMessy ? "62" + phone[1..4] + "-" + phone[4..] : phone,
                null,
                i % 3 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{9_100_000_000_000L + i}") : null,
                Kbli[i % Kbli.Length],
                Products[i % Products.Length],
                random.Next(0, 5).ToString(CultureInfo.InvariantCulture),
                random.Next(0, 8).ToString(CultureInfo.InvariantCulture),
                isMessy ? "Rp " + investment.ToString("N0", CultureInfo.GetCultureInfo("id-ID")) : investment.ToString(CultureInfo.InvariantCulture),
                isMessy ? (sales / 1_000_000).ToString(CultureInfo.InvariantCulture) + " juta" : sales.ToString(CultureInfo.InvariantCulture),
                $"{random.Next(50, 2000)} kg",
                null,
                null,
                (1990 + random.Next(35)).ToString(CultureInfo.InvariantCulture),
                isMessy ? "-6,35" + random.Next(10, 99).ToString(CultureInfo.InvariantCulture) : "-6.35" + random.Next(10, 99).ToString(CultureInfo.InvariantCulture),
                "106.70" + random.Next(10, 99).ToString(CultureInfo.InvariantCulture),
            ]);
            if (isMessy && i % 40 == 0) data.Add(new string?[header.Count]); // blank rows in between
        }
        return format == "csv" ? Csv(data) : Xlsx(data);
    }

    private static byte[] Csv(List<string?[]> data)
    {
        var text = new StringBuilder();
        foreach (var row in data) text.AppendJoin(';', row.Select(c => c?.Contains(';', StringComparison.Ordinal) == true ? $"\"{c}\"" : c)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static byte[] Xlsx(List<string?[]> data)
    {
        using var stream = new MemoryStream();
        var columns = Enumerable.Range(0, data[2].Length).Select(SpreadsheetReader.ColumnName).ToArray();
        stream.SaveAs(data.Select(row => columns.Select((c, i) => (c, v: (object?)row[i])).ToDictionary(x => x.c, x => x.v)), printHeader: false);
        return stream.ToArray();
    }
}
